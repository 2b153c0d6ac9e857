package org.dmaworkbench.dsl.cli;

import java.time.Instant;
import java.util.List;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkParams;
import org.dmaworkbench.runtime.program.BenchmarkSpec;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.StepResult;

/** What one {@code dmas run} produced: per file, the scenario and benchmark results, plus the diagnostics. */
record RunResults(List<String> arguments, Instant started, long wallNs, List<Diagnostic> diagnostics, List<FileRun> files,
                  int exitCode) {

    /** Exit codes of the command. */
    static final int OK = 0, NOT_MET = 1, INVALID = 2;

    /** One input file's runs, in source order. */
    record FileRun(String file, List<ScenarioRun> scenarios, List<BenchmarkRun> benchmarks) {
        long wallNs() {
            return scenarios.stream().mapToLong(ScenarioRun::wallNs).sum() + benchmarks.stream().mapToLong(BenchmarkRun::wallNs).sum();
        }
    }

    /** One scenario's result and the wall-clock time it took. */
    record ScenarioRun(ScenarioProgram program, ScenarioResult result, long wallNs) {
        boolean passed() { return result.passed(); }
        String file() { return result.file() == null ? program.file() : result.file(); }
        String platform() { return program.platform() == null ? null : program.platform().name(); }

        long expectations() { return count(result.steps(), null); }
        long met() { return count(result.steps(), true); }

        private static long count(List<StepResult> steps, Boolean want) {
            long n = 0;
            for (StepResult s : steps) if (s.met() != null && (want == null || s.met().equals(want))) n++;
            return n;
        }

        /** The first step whose expectation was not met, or null. */
        StepResult firstFailure() {
            for (StepResult s : result.steps()) if (!s.passed()) return s;
            return null;
        }

        /** The source line the run stopped at ("line 12: ..." in the runner's error), else the scenario's line. */
        int errorLine() {
            String e = result.error();
            if (e != null && e.startsWith("line ")) {
                int colon = e.indexOf(':');
                try {
                    return Integer.parseInt(e.substring(5, colon < 0 ? e.length() : colon).trim());
                } catch (NumberFormatException ignored) {
                    // fall through
                }
            }
            return result.line();
        }

        /** The runner's error without its "line N: " prefix. */
        String errorMessage() {
            String e = result.error();
            if (e == null) return null;
            if (e.startsWith("line ")) {
                int colon = e.indexOf(": ");
                if (colon > 0) return e.substring(colon + 2);
            }
            return e;
        }
    }

    /**
     * One benchmark: its parameters (null when they could not be formed), one row per policy (a
     * policy the platform refuses is a row with its error), and the error that stopped the whole
     * benchmark (invalid parameters, unknown device), or null.
     */
    record BenchmarkRun(BenchmarkSpec spec, MapBenchmarkParams params, BenchmarkTable table, String error, long wallNs) {
        boolean passed() { return error == null; }
        String platform() { return spec.platform() == null ? null : spec.platform().name(); }
        List<BenchmarkTable.Row> rows() { return table == null ? List.of() : table.rows(); }
        long refused() { return rows().stream().filter(r -> !r.ok()).count(); }
    }

    // ------------------------------------------------------------------ totals

    long scenarios() { return files.stream().mapToLong(f -> f.scenarios().size()).sum(); }
    long scenariosPassed() { return files.stream().flatMap(f -> f.scenarios().stream()).filter(ScenarioRun::passed).count(); }
    long benchmarks() { return files.stream().mapToLong(f -> f.benchmarks().size()).sum(); }
    long benchmarksFailed() { return files.stream().flatMap(f -> f.benchmarks().stream()).filter(b -> !b.passed()).count(); }
    long policiesRun() { return files.stream().flatMap(f -> f.benchmarks().stream()).mapToLong(b -> b.rows().size() - b.refused()).sum(); }
    long policiesRefused() { return files.stream().flatMap(f -> f.benchmarks().stream()).mapToLong(BenchmarkRun::refused).sum(); }
    long expectations() { return files.stream().flatMap(f -> f.scenarios().stream()).mapToLong(ScenarioRun::expectations).sum(); }
    long expectationsMet() { return files.stream().flatMap(f -> f.scenarios().stream()).mapToLong(ScenarioRun::met).sum(); }
    long errors() { return diagnostics.stream().filter(Diagnostic::isError).count(); }
    long warnings() { return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count(); }
}

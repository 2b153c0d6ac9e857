package org.dmaworkbench.dsl.batch;

import java.time.Instant;
import java.util.List;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkParams;
import org.dmaworkbench.runtime.program.BenchmarkSpec;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.StepResult;

/** What one {@code dmas run} (or the Maven plugin's {@code run} goal) produced: per file, the scenario and benchmark results, plus the diagnostics. */
public record RunResults(List<String> arguments, Instant started, long wallNs, List<Diagnostic> diagnostics, List<FileRun> files,
                  int exitCode) {

    /** Exit codes of the command. */
    public static final int OK = 0, NOT_MET = 1, INVALID = 2;

    /** One input file's runs, in source order. */
    public record FileRun(String file, List<ScenarioRun> scenarios, List<BenchmarkRun> benchmarks) {
        public long wallNs() {
            return scenarios.stream().mapToLong(ScenarioRun::wallNs).sum() + benchmarks.stream().mapToLong(BenchmarkRun::wallNs).sum();
        }
    }

    /** One scenario's result and the wall-clock time it took. */
    public record ScenarioRun(ScenarioProgram program, ScenarioResult result, long wallNs) {
        public boolean passed() { return result.passed(); }
        public String file() { return result.file() == null ? program.file() : result.file(); }
        public String platform() { return program.platform() == null ? null : program.platform().name(); }

        public long expectations() { return count(result.steps(), null); }
        public long met() { return count(result.steps(), true); }

        private static long count(List<StepResult> steps, Boolean want) {
            long n = 0;
            for (StepResult s : steps) if (s.met() != null && (want == null || s.met().equals(want))) n++;
            return n;
        }

        /** The first step whose expectation was not met, or null. */
        public StepResult firstFailure() {
            for (StepResult s : result.steps()) if (!s.passed()) return s;
            return null;
        }

        /** The source line the run stopped at ("line 12: ..." in the runner's error), else the scenario's line. */
        public int errorLine() {
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
        public String errorMessage() {
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
    public record BenchmarkRun(BenchmarkSpec spec, MapBenchmarkParams params, BenchmarkTable table, String error, long wallNs) {
        public boolean passed() { return error == null; }
        public String platform() { return spec.platform() == null ? null : spec.platform().name(); }
        public List<BenchmarkTable.Row> rows() { return table == null ? List.of() : table.rows(); }
        public long refused() { return rows().stream().filter(r -> !r.ok()).count(); }
    }

    // ------------------------------------------------------------------ totals

    /**
     * The exit code of a run of {@code files}: {@link #INVALID} when nothing ran, {@link #NOT_MET}
     * when an expectation was not met or a benchmark failed, else {@link #OK}.
     */
    public static int exitCode(List<FileRun> files) {
        long runnable = files.stream().mapToLong(f -> f.scenarios().size() + f.benchmarks().size()).sum();
        if (runnable == 0) return INVALID;
        boolean failed = files.stream().anyMatch(f -> f.scenarios().stream().anyMatch(s -> !s.passed())
                || f.benchmarks().stream().anyMatch(b -> !b.passed()));
        return failed ? NOT_MET : OK;
    }

    public long scenarios() { return files.stream().mapToLong(f -> f.scenarios().size()).sum(); }
    public long scenariosPassed() { return files.stream().flatMap(f -> f.scenarios().stream()).filter(ScenarioRun::passed).count(); }
    public long benchmarks() { return files.stream().mapToLong(f -> f.benchmarks().size()).sum(); }
    public long benchmarksFailed() { return files.stream().flatMap(f -> f.benchmarks().stream()).filter(b -> !b.passed()).count(); }
    public long policiesRun() { return files.stream().flatMap(f -> f.benchmarks().stream()).mapToLong(b -> b.rows().size() - b.refused()).sum(); }
    public long policiesRefused() { return files.stream().flatMap(f -> f.benchmarks().stream()).mapToLong(BenchmarkRun::refused).sum(); }
    public long expectations() { return files.stream().flatMap(f -> f.scenarios().stream()).mapToLong(ScenarioRun::expectations).sum(); }
    public long expectationsMet() { return files.stream().flatMap(f -> f.scenarios().stream()).mapToLong(ScenarioRun::met).sum(); }
    /** True when some expectation was not met, a scenario stopped, or a benchmark did not run. */
    public boolean anyFailed() { return !failures().isEmpty(); }

    /**
     * One unmet expectation, scenario the runner stopped, or benchmark that did not run: where
     * ({@code file:line}), why, in which scenario or benchmark, and the statement (null for a benchmark).
     */
    public record Failure(String file, int line, String why, String in, String statement) {
        public String location() { return file + ":" + line; }
    }

    /** Every failure in source order (the same entries as the text report's "Failures:" recap). */
    public List<Failure> failures() {
        List<Failure> out = new java.util.ArrayList<>();
        for (FileRun f : files) {
            for (ScenarioRun s : f.scenarios()) {
                for (StepResult st : s.result().steps()) {
                    if (!st.passed()) out.add(new Failure(s.file(), st.line(), Text.oneLine(st.failure()), Text.oneLine(s.result().name()),
                            Text.oneLine(st.text())));
                }
                if (s.result().error() != null) {
                    out.add(new Failure(s.file(), s.errorLine(), "the scenario stopped: " + Text.oneLine(s.errorMessage()),
                            Text.oneLine(s.result().name()), null));
                }
            }
            for (BenchmarkRun b : f.benchmarks()) {
                if (!b.passed()) {
                    out.add(new Failure(b.spec().file(), b.spec().line(), "the benchmark did not run: " + Text.oneLine(b.error()),
                            Text.oneLine(b.spec().name()), null));
                }
            }
        }
        return out;
    }

    /** A scenario or benchmark and the wall-clock time it took (the slowest list at the end of a batch). */
    public record Timed(String kind, String name, String file, int line, long wallNs) { }

    /** The {@code n} slowest scenarios and benchmarks, slowest first. */
    public List<Timed> slowest(int n) {
        List<Timed> all = new java.util.ArrayList<>();
        for (FileRun f : files) {
            for (ScenarioRun s : f.scenarios()) all.add(new Timed("scenario", s.result().name(), s.file(), s.result().line(), s.wallNs()));
            for (BenchmarkRun b : f.benchmarks()) all.add(new Timed("benchmark", b.spec().name(), b.spec().file(), b.spec().line(), b.wallNs()));
        }
        all.sort(java.util.Comparator.comparingLong(Timed::wallNs).reversed());
        return List.copyOf(all.subList(0, Math.min(Math.max(0, n), all.size())));
    }

    public long errors() { return diagnostics.stream().filter(Diagnostic::isError).count(); }
    public long warnings() { return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count(); }
}

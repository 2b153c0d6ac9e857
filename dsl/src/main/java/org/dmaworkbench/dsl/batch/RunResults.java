package org.dmaworkbench.dsl.batch;

import java.time.Instant;
import java.util.List;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.ExitCode;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.run.StepResult;

/** What one {@code dmas run} (or the Maven plugin's {@code run} goal) produced: per file, the scenario and benchmark results, plus the diagnostics. */
public record RunResults(List<String> arguments, Instant started, long wallNs, List<Diagnostic> diagnostics, List<FileRun> files,
                  int exitCode) {

    /** Exit codes of the command. */
    public static final int OK = ExitCode.OK, NOT_MET = ExitCode.NOT_MET, INVALID = ExitCode.INVALID;

    // ------------------------------------------------------------------ totals

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

    /**
     * Every failure in source order (the same entries as the text report's "Failures:" recap); of a
     * scenario longer than the run keeps ({@link org.dmaworkbench.runtime.exec.ProgramExecutor.Retention}),
     * the unmet steps it kept and one entry counting the others.
     */
    public List<Failure> failures() {
        List<Failure> out = new java.util.ArrayList<>();
        for (FileRun f : files) {
            for (ScenarioRun s : f.scenarios()) {
                for (StepResult st : s.result().steps()) {
                    if (!st.passed()) out.add(new Failure(s.file(), st.line(), Text.oneLine(st.failure()), Text.oneLine(s.result().name()),
                            Text.oneLine(st.text())));
                }
                if (s.omittedFailures() > 0) {
                    out.add(new Failure(s.file(), s.result().line(), "and " + Text.plural(s.omittedFailures(), "more unmet expectation")
                            + " after these (the report files list every step)", Text.oneLine(s.result().name()), null));
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

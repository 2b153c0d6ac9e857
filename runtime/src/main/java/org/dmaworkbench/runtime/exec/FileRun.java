package org.dmaworkbench.runtime.exec;

import java.util.List;

/**
 * One compiled file's runs, in source order: what {@link ProgramExecutor} produced for it.
 *
 * @param file       the file as shown to the user
 * @param scenarios  the scenarios that ran
 * @param benchmarks the benchmarks that ran
 */
public record FileRun(String file, List<ScenarioRun> scenarios, List<BenchmarkRun> benchmarks) {
    public long wallNs() {
        return scenarios.stream().mapToLong(ScenarioRun::wallNs).sum() + benchmarks.stream().mapToLong(BenchmarkRun::wallNs).sum();
    }

    /** How many scenarios and benchmarks ran. */
    public int runnable() {
        return scenarios.size() + benchmarks.size();
    }

    /** True when some scenario did not pass or some benchmark did not run. */
    public boolean anyFailed() {
        return scenarios.stream().anyMatch(s -> !s.passed()) || benchmarks.stream().anyMatch(b -> !b.passed());
    }
}

package org.dmaworkbench.runtime.run;

import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.findings.Finding;

/**
 * The result of running one scenario: every step's result, all findings and dma-debug reports, the
 * counters, simulated time, the boot log, and whether every expectation was met.
 */
public record ScenarioResult(String name, String file, int line, List<StepResult> steps, List<Finding> findings,
                             List<String> dmaDebug, Map<String, Long> counters, long simulatedNs, List<String> bootLog,
                             boolean passed, String error) {

    /** The steps whose expectation was not met (and the error, if the run stopped). */
    public List<StepResult> failures() {
        return steps.stream().filter(s -> !s.passed()).toList();
    }
}

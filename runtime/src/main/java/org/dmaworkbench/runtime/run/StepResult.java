package org.dmaworkbench.runtime.run;

import java.util.List;
import org.dmaworkbench.runtime.findings.Finding;

/**
 * What one step did: its outcome ("ok", "fault", "value", "errno", "void"), the returned value,
 * the fault (class, the architecture's code and name), a one-line explanation, the findings and
 * dma-debug messages it caused, the simulator events, and whether its expectation was met
 * ({@code met} is null for steps without an expectation).
 */
public record StepResult(int line, String text, String outcome, Long value, String faultClass, Integer faultCode,
                         String faultName, String explanation, String expected, Boolean met, String failure,
                         List<Finding> findings, List<String> dmaDebug, List<String> events, long costNs) {

    /** True unless an expectation was stated and not met. */
    public boolean passed() { return met == null || met; }
}

package org.dmaworkbench.runtime.findings;

import java.util.List;
import org.dmaworkbench.runtime.sim.SimContext;

/** Records a finding at the current step and counts it ({@code counters.findings}). */
final class Findings {
    private Findings() { }

    static void add(SimContext ctx, List<Finding> findings, FindingKind k, String msg) {
        ctx.counters.findings++;
        findings.add(new Finding(k, ctx.step(), msg));
    }
}

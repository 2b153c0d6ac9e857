package org.dmaworkbench.runtime.iommu;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * The invalidation queue shared by all CPUs: VT-d Queued Invalidation (QI, {@code qi_submit_sync})
 * or the SMMUv3 command queue ({@code arm_smmu_cmdq_issue_cmdlist}). Commands cost a descriptor
 * write each; a sync (invalidation wait / CMD_SYNC) costs the completion wait, plus the wait for
 * the queue when several CPUs contend (see {@link org.dmaworkbench.runtime.cost.CostModel#cmdqHoldNs}).
 */
public final class InvalidationQueue {
    /** The last commands issued, oldest first, for tests and explanations. */
    private static final int HISTORY = 256;

    private final IommuInstance iommu;
    private final SimContext ctx;
    private final ArrayDeque<String> history = new ArrayDeque<>();
    private int pendingSinceSync;
    private int contendingCpus = 1;

    InvalidationQueue(IommuInstance iommu, SimContext ctx) {
        this.iommu = iommu;
        this.ctx = ctx;
    }

    /** How many CPUs issue invalidations at the same time (benchmarks with N threads). */
    public void setContendingCpus(int n) { contendingCpus = Math.max(1, n); }

    /** Queues one invalidation descriptor / command. */
    public void submit(String command, String detail) {
        ctx.charge(ctx.cost.invCommandNs());
        pendingSinceSync++;
        record(command, detail);
    }

    /** Waits for every queued command to complete (invalidation wait descriptor / CMD_SYNC). */
    public void sync() {
        ctx.charge(ctx.cost.syncWaitNs() + ctx.cost.contentionNs(contendingCpus));
        ctx.counters.syncs++;
        if (ctx.recording()) record(iommu.arch().syncCommand(), pendingSinceSync + " command(s) completed");
        pendingSinceSync = 0;
    }

    private void record(String command, String detail) {
        if (!ctx.recording()) return;
        String line = command + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        if (history.size() == HISTORY) history.removeFirst();
        history.addLast(line);
        ctx.event(iommu.name() + " " + line);
    }

    /** The commands recorded so far (only while events are recorded). */
    public List<String> history() { return new ArrayList<>(history); }
}

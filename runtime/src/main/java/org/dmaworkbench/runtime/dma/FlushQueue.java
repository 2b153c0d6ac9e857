package org.dmaworkbench.runtime.dma;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.iommu.DomainInvalidator;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * The lazy-unmap flush queue of a DMA-FQ domain (drivers/iommu/dma-iommu.c {@code struct iommu_dma_fq},
 * {@code queue_iova}, {@code fq_flush_timeout}): per-CPU rings of IOVA_DEFAULT_FQ_SIZE (256) entries;
 * a full ring or the IOVA_DEFAULT_FQ_TIMEOUT (10 ms) timer flushes the whole IOTLB of the domain,
 * and only then are the queued IOVAs freed for reuse.
 */
public final class FlushQueue {
    /** One queued unmap: its IOVA range and when it was queued. */
    public record Entry(long pfn, long pages, int step, long queuedAtNs) { }

    private final SimContext ctx;
    private final IommuDomain domain;
    private final IovaDomain iovad;
    private final DomainInvalidator invalidator;
    private final int capacity;
    private final long timeoutNs;
    private final List<List<Entry>> rings = new ArrayList<>();
    private long deadline = -1;
    private int lastFlushStep = -1;

    public FlushQueue(SimContext ctx, IommuDomain domain, IovaDomain iovad, DomainInvalidator invalidator, int capacity,
                      long timeoutNs) {
        this.ctx = ctx;
        this.domain = domain;
        this.iovad = iovad;
        this.invalidator = invalidator;
        this.capacity = capacity;
        this.timeoutNs = timeoutNs;
    }

    private List<Entry> ring(int cpu) {
        while (rings.size() <= cpu) rings.add(new ArrayList<>(capacity));
        return rings.get(cpu);
    }

    /** {@code queue_iova()}: flushes first when this CPU's ring is full; arms the timer. */
    public void queue(long pfn, long pages) {
        List<Entry> ring = ring(ctx.cpu());
        if (ring.size() >= capacity - 1) { // fq_full(): a ring of N slots holds N-1 entries
            ctx.event("flush queue of CPU " + ctx.cpu() + " full (" + capacity + " entries): flush_iotlb_all");
            flushAll();
        }
        ring.add(new Entry(pfn, pages, ctx.step(), ctx.clock.now()));
        ctx.counters.fqQueued++;
        ctx.charge(ctx.cost.fqEnqueueNs());
        if (deadline < 0) deadline = ctx.clock.now() + timeoutNs;
    }

    /** {@code fq_flush_timeout()}: runs when simulated time has passed the deadline. */
    public void tick() {
        if (deadline >= 0 && ctx.clock.now() >= deadline) {
            ctx.event("flush queue timer (" + timeoutNs / 1_000_000 + " ms) expired: flush_iotlb_all");
            flushAll();
        }
    }

    /** {@code fq_flush_iotlb()} + {@code fq_ring_free()} on every CPU's ring. */
    public void flushAll() {
        invalidator.flushAll(domain);
        ctx.counters.fqFlushes++;
        lastFlushStep = ctx.step();
        for (List<Entry> ring : rings) {
            for (Entry e : ring) iovad.free(e.pfn(), e.pages());
            ring.clear();
        }
        deadline = -1;
    }

    /** Number of IOVAs waiting for a flush. */
    public int pending() {
        int n = 0;
        for (List<Entry> r : rings) n += r.size();
        return n;
    }

    /** The step of the last flush, -1 when none yet. */
    public int lastFlushStep() { return lastFlushStep; }

    /** The queued entry covering {@code pfn}, or null. */
    public Entry pendingAt(long pfn) {
        for (List<Entry> r : rings) for (Entry e : r) if (pfn >= e.pfn() && pfn < e.pfn() + e.pages()) return e;
        return null;
    }

    public long deadlineNs() { return deadline; }

    /** Slots per CPU ring ({@code IOVA_DEFAULT_FQ_SIZE} or the platform's). */
    public int capacity() { return capacity; }

    /** The timer ({@code IOVA_DEFAULT_FQ_TIMEOUT} or the platform's). */
    public long timeoutNs() { return timeoutNs; }

    /** Every queued entry with its CPU, oldest first per ring (for state snapshots). */
    public void forEachEntry(java.util.function.ObjIntConsumer<Entry> v) {
        for (int cpu = 0; cpu < rings.size(); cpu++) for (Entry e : rings.get(cpu)) v.accept(e, cpu);
    }
}

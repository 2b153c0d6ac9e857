package org.dmaworkbench.runtime.dma;

import java.util.BitSet;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * The software IO TLB bounce pool (kernel/dma/swiotlb.c): IO_TLB_SIZE (2 KiB) slots in a pool
 * reserved at boot; {@code swiotlb_tbl_map_single} finds contiguous slots honouring the IOVA granule
 * alignment so the bounce page holds nothing but the buffer and zeroed padding.
 */
public final class Swiotlb {
    public static final int IO_TLB_SHIFT = 11;
    public static final long IO_TLB_SIZE = 1L << IO_TLB_SHIFT;

    private final SimContext ctx;
    private final Allocation pool;
    private final BitSet used;
    private final int slots;

    public Swiotlb(SimContext ctx, Allocation pool) {
        this.ctx = ctx;
        this.pool = pool;
        this.slots = (int) (pool.size() >>> IO_TLB_SHIFT);
        this.used = new BitSet(slots);
    }

    public Allocation pool() { return pool; }

    /** Reserves slots for {@code size} bytes aligned to {@code alignMask}+1; returns the bounce PA or -1. */
    public long mapSingle(long size, long alignMask) {
        long bytes = (size + alignMask) & ~alignMask;
        int n = (int) ((bytes + IO_TLB_SIZE - 1) >>> IO_TLB_SHIFT);
        int stride = (int) Math.max(1, (alignMask + 1) >>> IO_TLB_SHIFT);
        long base = pool.phys(0);
        for (int i = 0; i + n <= slots; i += stride) {
            if (((base + ((long) i << IO_TLB_SHIFT)) & alignMask) != 0) continue;
            int busy = used.nextSetBit(i);
            if (busy == -1 || busy >= i + n) {
                used.set(i, i + n);
                ctx.charge(ctx.cost.bounceFixedNs());
                return base + ((long) i << IO_TLB_SHIFT);
            }
        }
        return -1;
    }

    /** {@code swiotlb_tbl_unmap_single}: releases the slots. */
    public void unmap(long tlbAddr, long size, long alignMask) {
        long bytes = (size + alignMask) & ~alignMask;
        int n = (int) ((bytes + IO_TLB_SIZE - 1) >>> IO_TLB_SHIFT);
        int i = (int) ((tlbAddr - pool.phys(0)) >>> IO_TLB_SHIFT);
        used.clear(i, i + n);
    }

    /** Charges and counts a bounce copy of {@code bytes} ({@code swiotlb_bounce}). */
    public void copy(long bytes) {
        ctx.counters.bounces++;
        ctx.counters.bouncedBytes += bytes;
        ctx.charge(ctx.cost.bounceCopyNs(bytes));
    }

    /** Slots in the pool ({@code mem->nslabs}). */
    public int slots() { return slots; }

    /** Slots in use. */
    public int usedSlots() { return used.cardinality(); }

    /** Each run of used slots: its first slot and how many (for state snapshots). */
    public void forEachUsedRun(java.util.function.BiConsumer<Integer, Integer> v) {
        for (int i = used.nextSetBit(0); i >= 0; ) {
            int end = used.nextClearBit(i);
            v.accept(i, end - i);
            i = end >= slots ? -1 : used.nextSetBit(end);
        }
    }

    public boolean contains(long pa) { return pa >= pool.phys(0) && pa < pool.phys(0) + pool.size(); }
}

package org.dmaworkbench.runtime.dma;

import java.util.Map;
import java.util.TreeMap;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * The DMA API's IOVA space of one domain (drivers/iommu/iova.c {@code struct iova_domain}):
 * top-down, size-aligned allocation ({@code alloc_iova(..., size_aligned=true)}) below a limit, with
 * the per-size rcache ({@code alloc_iova_fast}/{@code free_iova_fast}, IOVA_RANGE_CACHE_MAX_SIZE 6:
 * sizes up to 32 pages) in front. Free space is two downward-growing bump regions (below and above
 * 4 GiB) plus the holes left above them; all addresses are page frame numbers of the 4 KiB granule.
 */
public final class IovaDomain {
    public static final int GRANULE_SHIFT = 12;
    public static final long GRANULE = 1L << GRANULE_SHIFT;
    /** {@code IOVA_RANGE_CACHE_MAX_SIZE}: sizes 2^0 .. 2^5 pages are cached. */
    public static final int RCACHE_ORDERS = 6;
    /** Cached IOVAs per size (per-CPU magazines of 128 plus a depot, flattened). */
    public static final int RCACHE_CAPACITY = 4096;
    private static final long PFN_4G = 1L << (32 - GRANULE_SHIFT);

    private final SimContext ctx;
    private final long startPfn;
    private final long endPfn;      // last usable pfn (aperture)
    private final long[][] rcache = new long[RCACHE_ORDERS][RCACHE_CAPACITY];
    private final int[] rcacheLen = new int[RCACHE_ORDERS];
    private final TreeMap<Long, Long> holes = new TreeMap<>(); // start pfn -> pages, free, above the bump pointers
    private long low32;   // [startPfn, low32) is free
    private long lowHigh; // [PFN_4G, lowHigh) is free
    private long livePages;

    public IovaDomain(SimContext ctx, long startPfn, long endPfn) {
        this.ctx = ctx;
        this.startPfn = startPfn;
        this.endPfn = endPfn;
        this.low32 = Math.min(endPfn + 1, PFN_4G);
        this.lowHigh = Math.max(endPfn + 1, PFN_4G);
    }

    /** Order of the rcache bucket for a size, or -1 when it is not cached. */
    private static int order(long pages) {
        if (Long.bitCount(pages) != 1) return -1;
        int o = Long.numberOfTrailingZeros(pages);
        return o < RCACHE_ORDERS ? o : -1;
    }

    /**
     * {@code alloc_iova_fast(iovad, pages, limitPfn)}: returns the first pfn, or 0 when nothing fits.
     * The caller rounds small sizes up to a power of two ({@code iommu_dma_alloc_iova}).
     */
    public long alloc(long pages, long limitPfn) {
        limitPfn = Math.min(limitPfn, endPfn);
        ctx.counters.iovaAllocs++;
        int o = order(pages);
        if (o >= 0) {
            long[] stack = rcache[o];
            for (int i = rcacheLen[o] - 1; i >= 0; i--) {
                long pfn = stack[i];
                if (pfn + pages - 1 <= limitPfn) {
                    stack[i] = stack[--rcacheLen[o]];
                    ctx.counters.rcacheHits++;
                    ctx.charge(ctx.cost.iovaAllocRcacheNs());
                    livePages += pages;
                    return pfn;
                }
            }
        }
        ctx.counters.rcacheMisses++;
        ctx.charge(ctx.cost.iovaAllocTreeNs());
        long align = Long.highestOneBit(pages) == pages ? pages : Long.highestOneBit(pages) << 1;
        long pfn = allocFromTree(pages, align, limitPfn);
        if (pfn == 0 && cachedRanges() > 0) {
            // alloc_iova_fast: "Try replenishing IOVAs by flushing rcache" and retry once
            flushRcache();
            pfn = allocFromTree(pages, align, limitPfn);
        }
        if (pfn != 0) livePages += pages;
        return pfn;
    }

    private long allocFromTree(long pages, long align, long limitPfn) {
        long pfn = allocFromHoles(pages, align, limitPfn);
        return pfn != 0 ? pfn : allocFromBump(pages, align, limitPfn);
    }

    /** {@code free_global_cached_iovas()}: every cached range goes back to the tree. */
    private void flushRcache() {
        for (int o = 0; o < RCACHE_ORDERS; o++) {
            for (int i = 0; i < rcacheLen[o]; i++) addHole(rcache[o][i], 1L << o);
            rcacheLen[o] = 0;
        }
    }

    private long allocFromHoles(long pages, long align, long limitPfn) {
        for (Map.Entry<Long, Long> e = holes.floorEntry(limitPfn); e != null; e = holes.lowerEntry(e.getKey())) {
            long s = e.getKey(), n = e.getValue();
            long top = Math.min(s + n, limitPfn + 1);
            long pfn = (top - pages) & -align;
            if (top - pages < s || pfn < s || pfn < startPfn) continue;
            holes.remove(s);
            if (pfn > s) holes.put(s, pfn - s);
            if (pfn + pages < s + n) holes.put(pfn + pages, s + n - (pfn + pages));
            return pfn;
        }
        return 0;
    }

    private long allocFromBump(long pages, long align, long limitPfn) {
        if (limitPfn >= PFN_4G && lowHigh > PFN_4G) {
            long top = Math.min(lowHigh, limitPfn + 1);
            long pfn = (top - pages) & -align;
            if (top - pages >= PFN_4G && pfn >= PFN_4G) {
                if (pfn + pages < lowHigh) addHole(pfn + pages, lowHigh - (pfn + pages));
                lowHigh = pfn;
                return pfn;
            }
        }
        long top = Math.min(low32, Math.min(limitPfn, PFN_4G - 1) + 1);
        long pfn = (top - pages) & -align;
        if (top - pages < startPfn || pfn < startPfn) return 0;
        if (pfn + pages < low32) addHole(pfn + pages, low32 - (pfn + pages));
        low32 = pfn;
        return pfn;
    }

    /** {@code free_iova_fast(iovad, pfn, pages)}: into the rcache when it has room, else back to the tree. */
    public void free(long pfn, long pages) {
        livePages -= pages;
        ctx.charge(ctx.cost.iovaFreeNs());
        int o = order(pages);
        if (o >= 0 && rcacheLen[o] < RCACHE_CAPACITY) {
            rcache[o][rcacheLen[o]++] = pfn;
            return;
        }
        addHole(pfn, pages);
    }

    private void addHole(long pfn, long pages) {
        Map.Entry<Long, Long> below = holes.floorEntry(pfn - 1);
        if (below != null && below.getKey() + below.getValue() == pfn) {
            pfn = below.getKey();
            pages += below.getValue();
            holes.remove(pfn);
        }
        Long above = holes.get(pfn + pages);
        if (above != null) {
            holes.remove(pfn + pages);
            pages += above;
        }
        if (pfn == low32) {
            low32 = pfn + pages;
        } else if (pfn == lowHigh) {
            lowHigh = pfn + pages;
        } else {
            holes.put(pfn, pages);
        }
    }

    /** Told of each free range by {@link #forEachFree}. */
    @FunctionalInterface
    public interface RangeVisitor {
        void range(long pfn, long pages, boolean cached);
    }

    /**
     * Every free range: the two bump regions, the holes above them and (cached = true) the rcache's
     * ranges; what lies between them in [start, end] is allocated. For state snapshots only.
     */
    public void forEachFree(RangeVisitor v) {
        if (low32 > startPfn) v.range(startPfn, low32 - startPfn, false);
        if (lowHigh > PFN_4G && endPfn >= PFN_4G) v.range(PFN_4G, lowHigh - PFN_4G, false);
        for (Map.Entry<Long, Long> e : holes.entrySet()) v.range(e.getKey(), e.getValue(), false);
        for (int o = 0; o < RCACHE_ORDERS; o++) for (int i = 0; i < rcacheLen[o]; i++) v.range(rcache[o][i], 1L << o, true);
    }

    /** The first usable pfn ({@code iovad->start_pfn}). */
    public long startPfn() { return startPfn; }

    /** The last usable pfn (the domain's aperture or the device's mask). */
    public long endPfn() { return endPfn; }

    /** Pages currently handed out (not counting the rcache). */
    public long livePages() { return livePages; }

    /** Pages parked in the rcache, reusable without a tree search. */
    public int cachedRanges() {
        int n = 0;
        for (int l : rcacheLen) n += l;
        return n;
    }
}

package org.dmaworkbench.runtime.capture;

import org.dmaworkbench.runtime.util.LongObjectMap;

/**
 * The IOVA ranges of the iommu: {@code map} / {@code unmap} events (iommu_map()/iommu_unmap() of any domain,
 * dma-iommu's own included; include/trace/events/iommu.h). The events name no domain or device, so these ranges
 * only attribute page faults when no mapping of the faulting device covers the address.
 */
final class IommuRanges {
    /** Live ranges remembered before the table starts over. */
    static final int LIVE_LIMIT = 1 << 20;

    /** A mapped range and where it was mapped (and unmapped). */
    record Range(long iova, long size, long paddr, long mapLine, long unmapLine) { }

    private final LongObjectMap<Range> live = new LongObjectMap<>();
    private final Range[] recent = new Range[UnmapRing.SIZE];
    private int next;
    long maps;
    long unmaps;
    long bytesMapped;

    void map(long iova, long size, long paddr, long line) {
        maps++;
        bytesMapped += size;
        if (live.size() >= LIVE_LIMIT) live.clear();
        live.put(iova, new Range(iova, size, paddr, line, 0));
    }

    void unmap(long iova, long size, long line) {
        unmaps++;
        Range r = live.remove(iova);
        if (r != null) {
            recent[next] = new Range(r.iova, r.size, r.paddr, r.mapLine, line);
            next = (next + 1) % recent.length;
        }
    }

    /** The live range covering {@code a}, or null (a scan: faults are rare). */
    Range liveCovering(long a) {
        Range[] found = {null};
        live.forEach((k, r) -> {
            if (found[0] == null && covers(r, a)) found[0] = r;
        });
        return found[0];
    }

    /** The newest unmapped range covering {@code a}, or null. */
    Range unmappedCovering(long a) {
        for (int k = 1; k <= recent.length; k++) {
            Range r = recent[Math.floorMod(next - k, recent.length)];
            if (r == null) return null;
            if (covers(r, a)) return r;
        }
        return null;
    }

    private static boolean covers(Range r, long a) {
        return Long.compareUnsigned(a, r.iova) >= 0 && Long.compareUnsigned(a - r.iova, r.size) < 0;
    }
}

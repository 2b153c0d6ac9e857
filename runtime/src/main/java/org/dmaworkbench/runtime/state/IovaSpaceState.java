package org.dmaworkbench.runtime.state;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;

/**
 * The DMA API's IOVA allocator of one domain (drivers/iommu/iova.c {@code struct iova_domain}): its
 * range and the ranges allocated now (the rbtree's {@code struct iova} nodes, adjacent ones merged:
 * the simulator keeps free space, not nodes). IOVAs an unmap queued on the flush queue stay allocated
 * until the flush; IOVAs parked in the rcache are free.
 *
 * @param start        the first usable IOVA ({@code start_pfn})
 * @param end          the last usable IOVA
 * @param livePages    pages allocated
 * @param cachedRanges ranges parked in the rcache ({@code iova_rcache})
 * @param allocated    the allocated ranges by IOVA
 */
public record IovaSpaceState(@JsonAdapter(Hex.class) long start, @JsonAdapter(Hex.class) long end, long livePages, int cachedRanges,
                             List<Range> allocated) {
    /** [iova, iova + size) allocated. */
    public record Range(@JsonAdapter(Hex.class) long iova, long size) {
        public String key() { return Hex.of(iova); }
    }
}

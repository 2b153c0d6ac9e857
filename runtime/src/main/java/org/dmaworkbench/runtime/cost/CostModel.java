package org.dmaworkbench.runtime.cost;

/**
 * Simulated CPU-side cost of every IOMMU / DMA-API operation, in nanoseconds. The defaults are
 * anchored on iommu-semantics.md §3 (see each component); they reproduce the published orders of
 * magnitude, not any one machine. Change them per platform in a scenario.
 *
 * @param iovaAllocRcacheNs  {@code alloc_iova_fast} served by the per-CPU rcache magazine (Peleg et al., ATC'15)
 * @param iovaAllocTreeNs    {@code alloc_iova} rbtree search under the iova_rbtree_lock (rcache miss)
 * @param iovaFreeNs         {@code free_iova_fast} into the rcache
 * @param pteWriteNs         one IO page-table leaf written ({@code map_pages}); with the allocation this gives
 *                           the ≈0.5–1.5 µs/page dma_map_benchmark map latency (§3.1, Barry Song 2020: 1.1 µs)
 * @param pteClearNs         one leaf cleared ({@code unmap_pages})
 * @param invCommandNs       writing one invalidation descriptor / command into the QI ring or cmdq
 * @param syncWaitNs         waiting for the invalidation-wait descriptor / CMD_SYNC to complete: ≈800 ns
 *                           (Akaros IOTLB-shootdown commit, §3.2); 1–2 ms on a misconfigured SC8280XP
 * @param devTlbInvNs        ATS invalidation round trip to the device's ATC (assumption: one PCIe round trip)
 * @param fqEnqueueNs        queueing an IOVA on the per-CPU flush queue ({@code queue_iova})
 * @param bounceFixedNs      swiotlb slot allocation and bookkeeping ({@code swiotlb_tbl_map_single})
 * @param bounceBytesPerNs   memcpy bandwidth for bounce copies (10 B/ns = 10 GB/s)
 * @param directMapNs        {@code dma_direct_map_page}: passthrough / no IOMMU
 * @param iotlbHitNs         device-side IOTLB hit: 3 cycles (gem5 SMMUv3 main TLB, §3.4)
 * @param pageWalkNs         device-side page walk on a miss: four dependent memory reads
 * @param cmdqHoldNs         time one CPU holds the invalidation queue while inserting + syncing; the wait
 *                           with N contending CPUs is (N-1) × this, fitted to John Garry's SMMUv3 figures
 *                           (64 CPUs 19.4k, 128 CPUs 10.2k map+unmap/CPU/s, §3.2) within 3 %
 */
public record CostModel(
        long iovaAllocRcacheNs, long iovaAllocTreeNs, long iovaFreeNs,
        long pteWriteNs, long pteClearNs,
        long invCommandNs, long syncWaitNs, long devTlbInvNs, long fqEnqueueNs,
        long bounceFixedNs, long bounceBytesPerNs, long directMapNs,
        long iotlbHitNs, long pageWalkNs, long cmdqHoldNs) {

    /** The documented defaults. */
    public static CostModel defaults() {
        return new CostModel(200, 700, 100, 250, 150, 150, 800, 1000, 100, 300, 10, 50, 3, 400, 780);
    }

    /** Cost of copying {@code bytes} through a bounce buffer. */
    public long bounceCopyNs(long bytes) {
        return bytes / Math.max(1, bounceBytesPerNs);
    }

    /** Extra wait for the invalidation queue when {@code cpus} CPUs issue invalidations at once. */
    public long contentionNs(int cpus) {
        return cpus <= 1 ? 0 : (cpus - 1) * cmdqHoldNs;
    }

    /** A copy with a different sync wait (e.g. a bad platform). */
    public CostModel withSyncWaitNs(long ns) {
        return new CostModel(iovaAllocRcacheNs, iovaAllocTreeNs, iovaFreeNs, pteWriteNs, pteClearNs, invCommandNs, ns,
                devTlbInvNs, fqEnqueueNs, bounceFixedNs, bounceBytesPerNs, directMapNs, iotlbHitNs, pageWalkNs, cmdqHoldNs);
    }
}

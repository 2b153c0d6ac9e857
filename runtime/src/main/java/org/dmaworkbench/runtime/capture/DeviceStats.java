package org.dmaworkbench.runtime.capture;

/**
 * Per-device statistics of a replayed capture. IOVA reuse distance: when a map returns a DMA address the device
 * unmapped earlier in the capture, the number of the device's other mappings (single, page, sg segment, allocation) made between that unmap and this map
 * (0: the very next map got it back, as the IOVA allocator's per-CPU caches do). Short distances mean a stale
 * IOTLB entry of the old mapping (lazy flushing) would translate for the new owner soon after.
 */
public final class DeviceStats {
    final String device;
    long maps;
    /** Every call that creates dma-debug entries (one per DMA segment), the clock of the reuse distance. */
    long mapCalls;
    long mapErrors;
    long unmaps;
    long bytesMapped;
    long sgMaps;
    long sgMapErrors;
    long sgUnmaps;
    long allocs;
    long allocErrors;
    long frees;
    long syncsForCpu;
    long syncsForDevice;
    long peakLive;
    long reuses;
    long reuseMin = Long.MAX_VALUE;
    long reuseMax;
    long reuseSum;
    long faults;
    long liveAtEnd;
    long liveBytesAtEnd;
    long oldestLiveLine;
    long oldestLiveAddr;

    DeviceStats(String device) { this.device = device; }

    void reuse(long distance) {
        reuses++;
        reuseSum += distance;
        reuseMin = Math.min(reuseMin, distance);
        reuseMax = Math.max(reuseMax, distance);
    }

    public String device() { return device; }
    /** Successful single, page, phys and resource maps. */
    public long maps() { return maps; }
    /** Maps that returned DMA_MAPPING_ERROR. */
    public long mapErrors() { return mapErrors; }
    public long unmaps() { return unmaps; }
    /** Bytes of all successful maps, sg segments and allocations. */
    public long bytesMapped() { return bytesMapped; }
    public long sgMaps() { return sgMaps; }
    public long sgMapErrors() { return sgMapErrors; }
    public long sgUnmaps() { return sgUnmaps; }
    /** Coherent allocations ({@code dma_alloc}) and their frees. */
    public long allocs() { return allocs; }
    public long allocErrors() { return allocErrors; }
    public long frees() { return frees; }
    public long syncsForCpu() { return syncsForCpu; }
    public long syncsForDevice() { return syncsForDevice; }
    /** The most dma-debug entries (mappings, sg segments, allocations) live at once. */
    public long peakLive() { return peakLive; }
    /** io_page_fault events of the device. */
    public long faults() { return faults; }
    /** How many maps got back an address the device had unmapped in this capture. */
    public long reuses() { return reuses; }
    public long reuseMin() { return reuses == 0 ? 0 : reuseMin; }
    public long reuseMax() { return reuseMax; }
    public double reuseMean() { return reuses == 0 ? 0 : (double) reuseSum / reuses; }
    /** dma-debug entries still live at the end of the capture. */
    public long liveAtEnd() { return liveAtEnd; }
    public long liveBytesAtEnd() { return liveBytesAtEnd; }
    /** The line of the oldest live mapping (0 when none). */
    public long oldestLiveLine() { return oldestLiveLine; }
    public long oldestLiveAddr() { return oldestLiveAddr; }
}

package org.dmaworkbench.runtime.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event counters of a simulated run, named as scenarios query them ({@code check iotlb.invalidations >= 1}).
 * Plain fields: the DMA hot path increments them millions of times per second.
 */
public final class Counters {
    public long maps, unmaps, mapErrors, pteWrites, pteClears;
    public long iovaAllocs, rcacheHits, rcacheMisses;
    public long iotlbHits, iotlbMisses, pageWalks, devTlbHits;
    public long invalidations, devTlbInvalidations, syncs, flushAlls, fqQueued, fqFlushes;
    public long bounces, bouncedBytes;
    public long deviceReads, deviceWrites, faults, findings, dmaDebugErrors;

    /** All counters by name, in a stable order. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("dma.maps", maps);
        m.put("dma.unmaps", unmaps);
        m.put("dma.map_errors", mapErrors);
        m.put("iova.allocs", iovaAllocs);
        m.put("iova.rcache_hits", rcacheHits);
        m.put("iova.rcache_misses", rcacheMisses);
        m.put("pgtable.pte_writes", pteWrites);
        m.put("pgtable.pte_clears", pteClears);
        m.put("iotlb.hits", iotlbHits);
        m.put("iotlb.misses", iotlbMisses);
        m.put("iotlb.page_walks", pageWalks);
        m.put("iotlb.invalidations", invalidations);
        m.put("iotlb.syncs", syncs);
        m.put("iotlb.flush_alls", flushAlls);
        m.put("devtlb.hits", devTlbHits);
        m.put("devtlb.invalidations", devTlbInvalidations);
        m.put("fq.queued", fqQueued);
        m.put("fq.flushes", fqFlushes);
        m.put("swiotlb.bounces", bounces);
        m.put("swiotlb.bounced_bytes", bouncedBytes);
        m.put("device.reads", deviceReads);
        m.put("device.writes", deviceWrites);
        m.put("faults", faults);
        m.put("findings", findings);
        m.put("dma_debug.errors", dmaDebugErrors);
        return m;
    }

    /** One counter by name; null when there is no such counter. */
    public Long get(String name) { return asMap().get(name); }

    public static boolean isKnown(String name) { return new Counters().asMap().containsKey(name); }
}

package org.dmaworkbench.runtime.iommu;

import java.util.HashMap;
import java.util.Map;
import org.dmaworkbench.runtime.util.LongObjectMap;

/**
 * A device's Address Translation Cache (PCIe ATS): translated requests bypass the IOMMU, so a
 * strict unmap must invalidate it after the IOTLB (VT-d desc 3, SMMUv3 CMD_ATC_INV; the order is
 * "IOTLB before ATC", iommu-semantics.md §5.1).
 */
public final class DeviceTlb {
    private final Map<Integer, LongObjectMap<IotlbEntry>> byPasid = new HashMap<>();

    public IotlbEntry lookup(int pasid, long iova) {
        LongObjectMap<IotlbEntry> m = byPasid.get(pasid);
        return m == null ? null : m.get(iova >>> 12);
    }

    /** Caches the 4 KiB translation of {@code iova} (ATS translation completions are page granular here). */
    public void fill(int pasid, long iova, IotlbEntry e) {
        byPasid.computeIfAbsent(pasid, k -> new LongObjectMap<>(16)).put(iova >>> 12, e);
    }

    public int invalidate(int pasid, long iova, long size) {
        LongObjectMap<IotlbEntry> m = byPasid.get(pasid);
        if (m == null) return 0;
        int n = 0;
        for (long a = iova & ~0xfffL; a < iova + size; a += IoPageTable.SZ_4K) if (m.remove(a >>> 12) != null) n++;
        return n;
    }

    /** Every cached translation with its PASID (for state snapshots). */
    public void forEach(java.util.function.BiConsumer<Integer, IotlbEntry> v) {
        for (Map.Entry<Integer, LongObjectMap<IotlbEntry>> e : byPasid.entrySet()) e.getValue().forEach((k, t) -> v.accept(e.getKey(), t));
    }

    public int invalidateAll(int pasid) {
        LongObjectMap<IotlbEntry> m = byPasid.remove(pasid);
        return m == null ? 0 : m.size();
    }
}

package org.dmaworkbench.runtime.iommu;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.dmaworkbench.runtime.sim.SimContext;
import org.dmaworkbench.runtime.util.LongObjectMap;

/**
 * The IOMMU's translation cache. Entries are tagged by (domain, PASID) on VT-d (DID + PASID,
 * PASID-based-IOTLB, spec 6.2.1) and by domain alone on SMMUv3 (ASID/VMID), so whether an
 * invalidation must name every PASID that shares a page table depends on the architecture.
 * Capacity is unbounded: a stale entry is assumed to survive until it is invalidated (the
 * worst case a reviewer has to assume).
 */
public final class Iotlb {
    private final IommuInstance iommu;
    private final SimContext ctx;
    private final LongObjectMap<LongObjectMap<IotlbEntry>> byTag = new LongObjectMap<>(8);
    /** 2 MiB / 1 GiB entries ever filled: while 0, lookups and invalidations probe only 4 KiB keys. */
    private long largeEntries;
    /** One-entry cache of the last tag's map: one (domain, PASID) is hit many times in a row. */
    private long lastTag = -1;
    private LongObjectMap<IotlbEntry> lastMap;

    Iotlb(IommuInstance iommu, SimContext ctx) {
        this.iommu = iommu;
        this.ctx = ctx;
    }

    private long tag(int domainId, int pasid) {
        return ((long) domainId << 21) | (iommu.iotlbTaggedByPasid() ? pasid : 0);
    }

    private static long key(long iova, long pageSize) {
        if (pageSize == IoPageTable.SZ_4K) return iova >>> 12;
        if (pageSize == IoPageTable.SZ_2M) return (iova >>> 21) | (1L << 60);
        return (iova >>> 30) | (2L << 60);
    }

    /** Looks up {@code iova}; counts a hit or a miss. */
    public IotlbEntry lookup(int domainId, int pasid, long iova) {
        LongObjectMap<IotlbEntry> m = entries(tag(domainId, pasid));
        IotlbEntry e = null;
        if (m != null) {
            e = m.get(iova >>> 12);
            if (e == null && largeEntries > 0) {
                e = m.get((iova >>> 21) | (1L << 60));
                if (e == null) e = m.get((iova >>> 30) | (2L << 60));
            }
        }
        if (e != null) ctx.counters.iotlbHits++; else ctx.counters.iotlbMisses++;
        return e;
    }

    private LongObjectMap<IotlbEntry> entries(long tag) {
        if (tag == lastTag) return lastMap;
        LongObjectMap<IotlbEntry> m = byTag.get(tag);
        if (m != null) {
            lastTag = tag;
            lastMap = m;
        }
        return m;
    }

    public void fill(int domainId, int pasid, IotlbEntry e) {
        long t = tag(domainId, pasid);
        LongObjectMap<IotlbEntry> m = entries(t);
        if (m == null) {
            byTag.put(t, m = new LongObjectMap<>(64));
            lastTag = t;
            lastMap = m;
        }
        if (m.put(key(e.pageBase(), e.pageSize()), e) == null && e.pageSize() != IoPageTable.SZ_4K) largeEntries++;
    }

    /** Page-selective invalidation of [iova, iova+size) for one (domain, PASID) tag; returns entries dropped. */
    public int invalidateRange(int domainId, int pasid, long iova, long size) {
        LongObjectMap<IotlbEntry> m = entries(tag(domainId, pasid));
        if (m == null || m.isEmpty()) return 0;
        int n = 0;
        long end = iova + size;
        if (size <= 64 * IoPageTable.SZ_4K) {
            for (long a = iova & ~0xfffL; a < end; a += IoPageTable.SZ_4K) if (m.remove(a >>> 12) != null) n++;
            if (largeEntries == 0) return n;
            for (long a = iova & ~(IoPageTable.SZ_2M - 1); a < end; a += IoPageTable.SZ_2M) {
                if (m.remove((a >>> 21) | (1L << 60)) != null) n++;
            }
            for (long a = iova & ~(IoPageTable.SZ_1G - 1); a < end; a += IoPageTable.SZ_1G) {
                if (m.remove((a >>> 30) | (2L << 60)) != null) n++;
            }
        } else {
            n = m.removeIf(k -> {
                int level = (int) (k >>> 60);
                long base = (k & ((1L << 60) - 1)) << (level == 0 ? 12 : level == 1 ? 21 : 30);
                long sz = level == 0 ? IoPageTable.SZ_4K : level == 1 ? IoPageTable.SZ_2M : IoPageTable.SZ_1G;
                return base < end && base + sz > iova;
            });
        }
        return n;
    }

    /** Domain-selective invalidation ({@code flush_iotlb_all}): every PASID of the domain. */
    public int invalidateDomain(int domainId) {
        int[] n = {0};
        lastTag = -1;
        lastMap = null;
        byTag.removeIf(k -> {
            if ((k >>> 21) != domainId) return false;
            n[0] += byTag.get(k).size();
            return true;
        });
        return n[0];
    }

    /** Told of each cached entry by {@link #forEach}. */
    @FunctionalInterface
    public interface EntryVisitor {
        void entry(int domainId, int pasid, IotlbEntry e);
    }

    /**
     * Every cached entry with its tag (PASID 0 on an IOTLB tagged by domain alone); for state
     * snapshots only, never on the translation path.
     */
    public void forEach(EntryVisitor v) {
        byTag.forEach((tag, m) -> {
            int domainId = (int) (tag >>> 21);
            int pasid = (int) (tag & ((1L << 21) - 1));
            m.forEach((k, e) -> v.entry(domainId, pasid, e));
        });
    }

    /** Number of cached entries for a (domain, PASID) tag. */
    public int size(int domainId, int pasid) {
        LongObjectMap<IotlbEntry> m = entries(tag(domainId, pasid));
        return m == null ? 0 : m.size();
    }
}

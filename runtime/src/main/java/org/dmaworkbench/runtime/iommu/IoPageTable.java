package org.dmaworkbench.runtime.iommu;

import org.dmaworkbench.runtime.util.LongObjectMap;

/**
 * A domain's IO page table with 4 KiB, 2 MiB and 1 GiB leaves; models io-pgtable
 * ({@code map_pages}/{@code unmap_pages}, drivers/iommu/io-pgtable-arm.c, intel/iommu.c
 * {@code __domain_mapping}) with the page-size choice of {@code iommu_pgsize()}.
 */
public final class IoPageTable {
    public static final long SZ_4K = 1L << 12, SZ_2M = 1L << 21, SZ_1G = 1L << 30;
    /** {@code domain->pgsize_bitmap}. */
    public static final long PGSIZE_BITMAP = SZ_4K | SZ_2M | SZ_1G;

    private final LongObjectMap<IoMapping> leaves4k = new LongObjectMap<>(64);
    private final LongObjectMap<IoMapping> leaves2m = new LongObjectMap<>(8);
    private final LongObjectMap<IoMapping> leaves1g = new LongObjectMap<>(4);
    private long liveBytes;
    private int liveMappings;
    private LongObjectMap<IoMapping> tombstones; // pfn -> last mapping removed there (only when explaining)

    /** The leaf translating {@code iova}, or null when not present. */
    public IoMapping lookup(long iova) {
        IoMapping m = leaves4k.get(iova >>> 12);
        if (m != null || leaves2m.isEmpty() && leaves1g.isEmpty()) return m;
        m = leaves2m.get(iova >>> 21);
        if (m != null) return m;
        return leaves1g.get(iova >>> 30);
    }

    /** The size of the leaf translating {@code iova} (0 when not present). */
    public long leafSize(long iova) {
        if (leaves4k.get(iova >>> 12) != null) return SZ_4K;
        if (leaves2m.get(iova >>> 21) != null) return SZ_2M;
        if (leaves1g.get(iova >>> 30) != null) return SZ_1G;
        return 0;
    }

    /**
     * Installs [iova, iova+size) → pa in the largest pages alignment allows; the caller has
     * checked alignment. Returns the mapping, or null with nothing changed when any part of the
     * range is already mapped (io-pgtable's -EEXIST, rolled back by {@code iommu_map}).
     */
    public IoMapping map(long iova, long pa, long size, int prot, Object owner, int step) {
        if (size == SZ_4K && leaves2m.isEmpty() && leaves1g.isEmpty()) {
            // the DMA API's common case: one page, one probe
            IoMapping m = new IoMapping(iova, pa, size, prot, SZ_4K, owner, step);
            if (leaves4k.putIfAbsent(iova >>> 12, m) != null) return null;
            liveBytes += size;
            liveMappings++;
            return m;
        }
        for (long off = 0; off < size; off += SZ_4K) {
            if (lookup(iova + off) != null) return null;
        }
        IoMapping m = null;
        long off = 0;
        while (off < size) {
            long pg = pgsize(iova + off, pa + off, size - off);
            if (m == null) {
                m = new IoMapping(iova, pa, size, prot, pg, owner, step);
            }
            if (pg == SZ_4K) leaves4k.put((iova + off) >>> 12, m);
            else if (pg == SZ_2M) leaves2m.put((iova + off) >>> 21, m);
            else leaves1g.put((iova + off) >>> 30, m);
            off += pg;
        }
        liveBytes += size;
        liveMappings++;
        return m;
    }

    /** {@code iommu_pgsize()}: the largest supported page that fits the alignment of iova|pa and the size. */
    private static final long[] LARGE = {SZ_1G, SZ_2M};

    static long pgsize(long iova, long pa, long size) {
        long addrMerge = iova | pa;
        for (long pg : LARGE) {
            if ((addrMerge & (pg - 1)) == 0 && size >= pg) return pg;
        }
        return SZ_4K;
    }

    /**
     * Removes whole mappings starting at {@code iova} until {@code size} bytes are covered; stops
     * at the first hole or at a mapping that would have to be split. Returns the bytes unmapped
     * ({@code iommu_unmap}'s return value).
     */
    public long unmap(long iova, long size, int step) {
        long done = 0;
        while (done < size) {
            IoMapping m = lookup(iova + done);
            if (m == null || m.iova != iova + done || m.size > size - done && done + m.size > alignUp(size, SZ_4K)) break;
            remove(m, step);
            done += m.size;
        }
        return done;
    }

    private static long alignUp(long v, long a) { return (v + a - 1) & -a; }

    private void remove(IoMapping m, int step) {
        long off = 0;
        while (off < m.size) {
            long a = m.iova + off;
            if (leaves4k.remove(a >>> 12) != null) off += SZ_4K;
            else if (leaves2m.remove(a >>> 21) != null) off += SZ_2M;
            else if (leaves1g.remove(a >>> 30) != null) off += SZ_1G;
            else off += SZ_4K;
        }
        if (tombstones != null) {
            for (long a = m.iova; a < m.iova + m.size; a += SZ_4K) tombstones.put(a >>> 12, m);
        }
        liveMappings--;
        m.live = false;
        m.unmappedAtStep = step;
        liveBytes -= m.size;
    }

    /** Keeps, per page, the last mapping removed there, so a fault can say when it was unmapped. */
    public void recordTombstones() { if (tombstones == null) tombstones = new LongObjectMap<>(64); }

    /** The last mapping removed at {@code iova}, or null (null also when tombstones are off). */
    public IoMapping lastUnmapped(long iova) { return tombstones == null ? null : tombstones.get(iova >>> 12); }

    /**
     * Every live mapping once (the leaf at its start names it), in no particular order; for state
     * snapshots, never on the translation path.
     */
    public void forEachMapping(java.util.function.Consumer<IoMapping> v) {
        leaves4k.forEach((k, m) -> { if (m.pageSize == SZ_4K && (m.iova >>> 12) == k) v.accept(m); });
        leaves2m.forEach((k, m) -> { if (m.pageSize == SZ_2M && (m.iova >>> 21) == k) v.accept(m); });
        leaves1g.forEach((k, m) -> { if (m.pageSize == SZ_1G && (m.iova >>> 30) == k) v.accept(m); });
    }

    /** The size of the leaf {@code map} writes at iova/pa with {@code remaining} bytes left ({@code iommu_pgsize()}). */
    public static long leafSize(long iova, long pa, long remaining) { return pgsize(iova, pa, remaining); }

    public int liveMappings() { return liveMappings; }
    public long liveBytes() { return liveBytes; }
}

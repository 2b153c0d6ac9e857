package org.dmaworkbench.runtime.iommu;

/**
 * The range one {@code iommu_map()} call installed; every leaf it wrote points back here, which is
 * what makes the mapping unsplittable and lets a fault or finding name its origin.
 */
public final class IoMapping {
    public static final int PROT_READ = 1, PROT_WRITE = 2, PROT_CACHE = 4, PROT_PRIV = 8;

    final long iova;
    final long pa;
    final long size;
    final int prot;
    final long pageSize;
    /** What the mapping was for (a DMA-API mapping, a KVA replica); may be null. */
    final Object owner;
    final int step;
    boolean live = true;
    int unmappedAtStep = -1;

    IoMapping(long iova, long pa, long size, int prot, long pageSize, Object owner, int step) {
        this.iova = iova;
        this.pa = pa;
        this.size = size;
        this.prot = prot;
        this.pageSize = pageSize;
        this.owner = owner;
        this.step = step;
    }

    public long iova() { return iova; }
    public long pa() { return pa; }
    public long size() { return size; }
    public int prot() { return prot; }
    public long pageSize() { return pageSize; }
    public Object owner() { return owner; }
    public int step() { return step; }
    public boolean isLive() { return live; }
    public int unmappedAtStep() { return unmappedAtStep; }

    /** Physical address of {@code addr}, which lies inside this mapping. */
    public long translate(long addr) { return pa + (addr - iova); }

    private static final String[] PROT_STRINGS = {"--", "R-", "-W", "RW"};

    public static String protString(int prot) {
        return PROT_STRINGS[prot & (PROT_READ | PROT_WRITE)];
    }
}

package org.dmaworkbench.runtime.iommu;

import java.util.BitSet;

/**
 * The system-wide PASID space ({@code iommu_global_pasid_ida}, drivers/iommu/iommu.c
 * {@code iommu_alloc_global_pasid}/{@code iommu_free_global_pasid}) shared by SVA and kernel users;
 * PASID 0 is {@code IOMMU_NO_PASID} and never handed out.
 */
public final class PasidAllocator {
    public static final int IOMMU_NO_PASID = 0;
    public static final int IOMMU_FIRST_GLOBAL_PASID = 1;
    /** {@code IOMMU_PASID_INVALID} ((ioasid_t)-1). */
    public static final int IOMMU_PASID_INVALID = -1;

    private final BitSet used = new BitSet();

    /** Allocates the lowest free PASID in [1, maxPasids - 1]; {@link #IOMMU_PASID_INVALID} when none. */
    public int alloc(int maxPasids) {
        if (maxPasids <= IOMMU_FIRST_GLOBAL_PASID) return IOMMU_PASID_INVALID;
        int p = used.nextClearBit(IOMMU_FIRST_GLOBAL_PASID);
        if (p > maxPasids - 1) return IOMMU_PASID_INVALID;
        used.set(p);
        return p;
    }

    /** Frees a PASID; false (the kernel WARNs) for IOMMU_PASID_INVALID or a PASID not allocated. */
    public boolean free(int pasid) {
        if (pasid == IOMMU_PASID_INVALID || pasid <= 0 || !used.get(pasid)) return false;
        used.clear(pasid);
        return true;
    }

    public boolean isAllocated(int pasid) { return pasid > 0 && used.get(pasid); }
}

package org.dmaworkbench.runtime.iommu;

import org.dmaworkbench.runtime.sim.SimContext;

/**
 * One IOMMU hardware instance ({@code struct iommu_device}: a VT-d DRHD unit, an SMMUv3): its
 * architecture, input address width, PASID width ({@code iommu->max_pasids}), flush-queue
 * parameters and its IOTLB and invalidation queue.
 */
public final class IommuInstance {
    private final String name;
    private final IommuArch arch;
    private final int addressWidth;
    private final int pasidBits;
    private final int fqEntries;
    private final long fqTimeoutNs;
    private final Iotlb iotlb;
    private final InvalidationQueue queue;
    private boolean quirkInvalidateRidOnly;

    public IommuInstance(String name, IommuArch arch, int addressWidth, int pasidBits, int fqEntries, long fqTimeoutNs,
                         SimContext ctx) {
        this.name = name;
        this.arch = arch;
        this.addressWidth = addressWidth;
        this.pasidBits = pasidBits;
        this.fqEntries = fqEntries;
        this.fqTimeoutNs = fqTimeoutNs;
        this.iotlb = new Iotlb(this, ctx);
        this.queue = new InvalidationQueue(this, ctx);
    }

    public String name() { return name; }
    public IommuArch arch() { return arch; }
    public int addressWidth() { return addressWidth; }
    public int pasidBits() { return pasidBits; }

    /** {@code iommu->max_pasids}: 1 << pasid-bits, 0 without PASID support. */
    public int maxPasids() { return pasidBits == 0 ? 0 : 1 << pasidBits; }

    public int fqEntries() { return fqEntries; }
    public long fqTimeoutNs() { return fqTimeoutNs; }
    public Iotlb iotlb() { return iotlb; }
    public InvalidationQueue queue() { return queue; }

    /**
     * Simulates the pre-fix driver bug where a page-selective invalidation names only PASID 0
     * (RID2PASID) although other PASIDs share the page table (the RFC thread: "the IOTLB
     * invalidation would include both PASIDs").
     */
    public boolean quirkInvalidateRidOnly() { return quirkInvalidateRidOnly; }
    public void setQuirkInvalidateRidOnly(boolean q) { quirkInvalidateRidOnly = q; }

    /** Whether IOTLB entries are tagged per PASID (VT-d: DID+PASID) or per domain (SMMUv3: ASID/VMID). */
    public boolean iotlbTaggedByPasid() { return arch == IommuArch.INTEL_VTD || arch == IommuArch.RISCV; }

    @Override public String toString() { return name + " (" + arch.name() + ")"; }
}

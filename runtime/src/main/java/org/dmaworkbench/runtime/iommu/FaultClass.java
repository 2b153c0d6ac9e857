package org.dmaworkbench.runtime.iommu;

/**
 * Architecture-neutral class of a DMA translation fault; {@link IommuArch} maps each to the
 * hardware's own code (VT-d fault reason, SMMUv3 event, RISC-V cause).
 */
public enum FaultClass {
    /** No valid leaf entry for the address in the IO page table. */
    NOT_PRESENT("not-present"),
    /** A write hit an entry without write permission. */
    WRITE_NOT_PERMITTED("write-not-permitted"),
    /** A read hit an entry without read permission (second stage only: first stages cannot express write-only). */
    READ_NOT_PERMITTED("read-not-permitted"),
    /** A PASID-tagged request whose PASID entry / context descriptor is not present. */
    PASID_NOT_ATTACHED("pasid-not-attached"),
    /** A PASID beyond the PASID table (or from a function without the PASID capability). */
    PASID_OUT_OF_RANGE("pasid-out-of-range"),
    /** The RID or PASID is attached to the blocking domain. */
    BLOCKED("blocked"),
    /** The input address is beyond the domain's address width. */
    ADDRESS_SIZE("address-size");

    private final String dslName;

    FaultClass(String dslName) { this.dslName = dslName; }

    /** The spelling used in scenarios and reports, e.g. "write-not-permitted". */
    public String dslName() { return dslName; }

    public static FaultClass byDslName(String s) {
        for (FaultClass f : values()) if (f.dslName.equals(s)) return f;
        return null;
    }
}

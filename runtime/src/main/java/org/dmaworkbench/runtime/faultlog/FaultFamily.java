package org.dmaworkbench.runtime.faultlog;

/**
 * The IOMMU driver that printed a fault line: drivers/iommu/intel/dmar.c, arm/arm-smmu-v3/arm-smmu-v3.c,
 * amd/iommu.c, riscv/iommu.c.
 */
public enum FaultFamily {
    /** Intel VT-d, {@code dmar_fault_do_one()} in drivers/iommu/intel/dmar.c. */
    VTD("VT-d"),
    /** Arm SMMUv3, {@code arm_smmu_evtq_thread()} and its event dump in arm-smmu-v3.c. */
    SMMUV3("SMMUv3"),
    /** AMD-Vi, {@code iommu_print_event()} / {@code amd_iommu_report_page_fault()} in drivers/iommu/amd/iommu.c. */
    AMD_VI("AMD-Vi"),
    /** RISC-V IOMMU, {@code riscv_iommu_fault()} in drivers/iommu/riscv/iommu.c (since v6.13). */
    RISCV("RISC-V IOMMU");

    private final String label;

    FaultFamily(String label) { this.label = label; }

    /** The name engineers use for it, e.g. "VT-d". */
    public String label() { return label; }
}

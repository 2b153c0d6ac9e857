package org.dmaworkbench.runtime.iommu;

/**
 * {@code IOMMU_DOMAIN_*} (include/linux/iommu.h) with the names sysfs shows in
 * {@code /sys/kernel/iommu_groups/N/type}.
 */
public enum DomainType {
    BLOCKED("blocked"), IDENTITY("identity"), UNMANAGED("unmanaged"), DMA("DMA"), DMA_FQ("DMA-FQ"), SVA("sva");

    private final String sysfsName;

    DomainType(String sysfsName) { this.sysfsName = sysfsName; }

    public String sysfsName() { return sysfsName; }

    /** __IOMMU_DOMAIN_PAGING: backed by an IO page table the kernel maps into. */
    public boolean isPaging() { return this == UNMANAGED || this == DMA || this == DMA_FQ; }

    /** __IOMMU_DOMAIN_DMA_API: owned by the DMA API (dma-iommu.c). */
    public boolean isDmaApi() { return this == DMA || this == DMA_FQ; }
}

package org.dmaworkbench.runtime.kva;

/** {@code enum iommu_dma_pasid_mode} of the 2021 RFC (never merged): PA bypass, IOVA, KVA. */
public enum DmaPasidMode {
    BYPASS, IOVA, KVA;

    public static DmaPasidMode parse(String s) {
        String n = s.toUpperCase().replace("IOMMU_DMA_PASID_", "");
        for (DmaPasidMode m : values()) if (m.name().equals(n)) return m;
        return null;
    }
}

package org.dmaworkbench.runtime.platform;

/** {@code CONFIG_IOMMU_DEFAULT_{PASSTHROUGH,DMA_STRICT,DMA_LAZY}} (drivers/iommu/Kconfig). */
public enum KconfigDefault {
    PASSTHROUGH, STRICT, LAZY;

    public static KconfigDefault parse(String s) {
        for (KconfigDefault k : values()) if (k.name().equalsIgnoreCase(s)) return k;
        return null;
    }
}

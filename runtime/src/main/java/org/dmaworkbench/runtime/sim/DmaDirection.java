package org.dmaworkbench.runtime.sim;

/**
 * Direction of a streaming DMA mapping; models {@code enum dma_data_direction}
 * (include/linux/dma-direction.h) and {@code dma_info_to_prot()} (drivers/iommu/dma-iommu.c).
 */
public enum DmaDirection {
    BIDIRECTIONAL(true, true),
    TO_DEVICE(true, false),
    FROM_DEVICE(false, true),
    NONE(false, false);

    private final boolean deviceReads;
    private final boolean deviceWrites;

    DmaDirection(boolean deviceReads, boolean deviceWrites) {
        this.deviceReads = deviceReads;
        this.deviceWrites = deviceWrites;
    }

    /** IOMMU_READ: the device may read the buffer (memory to device). */
    public boolean deviceReads() { return deviceReads; }

    /** IOMMU_WRITE: the device may write the buffer (device to memory). */
    public boolean deviceWrites() { return deviceWrites; }

    /** The kernel's spelling, as dma-debug prints it ({@code dir2name[]}). */
    public String kernelName() { return "DMA_" + name(); }

    /** Parses {@code DMA_TO_DEVICE}, {@code TO_DEVICE} or {@code to-device}; null when unknown. */
    public static DmaDirection parse(String s) {
        String n = s.trim().toUpperCase().replace('-', '_');
        if (n.startsWith("DMA_")) n = n.substring(4);
        if (n.equals("BIDI")) n = "BIDIRECTIONAL";
        try { return valueOf(n); } catch (IllegalArgumentException e) { return null; }
    }
}

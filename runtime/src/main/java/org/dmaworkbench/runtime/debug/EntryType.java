package org.dmaworkbench.runtime.debug;

/**
 * The kind of DMA-API call that created a tracked mapping; models the anonymous
 * {@code enum { dma_debug_single, dma_debug_sg, dma_debug_coherent, dma_debug_resource }}
 * and {@code type2name[]} of kernel/dma/debug.c.
 */
public enum EntryType {
    /** dma_map_single / dma_map_page. */
    SINGLE("single"),
    /** dma_map_sg. Older kernels (up to 6.1x) misspell it "scather-gather"; current mainline prints "scatter-gather". */
    SG("scatter-gather"),
    /** dma_alloc_coherent. */
    COHERENT("coherent"),
    /** dma_map_resource. */
    RESOURCE("resource"),
    /** dma_map_phys (since 6.18: debug_dma_map_phys() tracks page, single and, with DMA_ATTR_MMIO, resource mappings as "phy"). */
    PHY("phy");

    private final String kernelName;

    EntryType(String kernelName) { this.kernelName = kernelName; }

    /** The name dma-debug prints in "[mapped as %s]" ({@code type2name[]}). */
    public String kernelName() { return kernelName; }
}

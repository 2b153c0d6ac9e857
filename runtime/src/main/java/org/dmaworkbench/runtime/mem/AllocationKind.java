package org.dmaworkbench.runtime.mem;

/** What allocator produced an {@link Allocation}; the names are the kernel's allocator functions. */
public enum AllocationKind {
    KMALLOC("kmalloc"), VMALLOC("vmalloc"), PAGES("alloc_pages"), COHERENT("dma_alloc_coherent"),
    STACK("stack"), KERNEL_TEXT("kernel text"), RODATA("kernel rodata"), MODULE("module"),
    USER("user memory"), SWIOTLB("swiotlb bounce slot"), KERNEL_DATA("kernel data"),
    PHYS("memory at a physical address");

    private final String label;

    AllocationKind(String label) { this.label = label; }

    public String label() { return label; }
}

package org.dmaworkbench.runtime.mem;

/**
 * The region of the kernel's virtual address space a CPU address falls in, as dma-debug and
 * {@code virt_addr_valid()} classify it (arch/x86/mm/init_64.c layout; kernel/dma/debug.c
 * {@code check_for_stack()}, {@code check_for_illegal_area()}).
 */
public enum MemoryArea {
    /** The linear (direct) map of all physical memory: kmalloc, alloc_pages. RW, NX. */
    DIRECT_MAP,
    /** vmalloc/vmap area. */
    VMALLOC,
    /** Loadable module text and data. */
    MODULE,
    /** Kernel text (_stext.._etext): RX. */
    KERNEL_TEXT,
    /** Kernel read-only data (__start_rodata..__end_rodata): R. */
    RODATA,
    /** A task stack in the direct map (CONFIG_VMAP_STACK=n). */
    STACK,
    /** A task stack in the vmalloc area (CONFIG_VMAP_STACK=y). */
    VMAPPED_STACK,
    /** A user-space address of a process. */
    USER,
    /** A swiotlb bounce slot. */
    SWIOTLB,
    /** Not a valid kernel address. */
    INVALID;

    /** True for addresses that {@code virt_addr_valid()} accepts. */
    public boolean isLinearMap() {
        return this == DIRECT_MAP || this == STACK || this == KERNEL_TEXT || this == RODATA || this == SWIOTLB;
    }
}

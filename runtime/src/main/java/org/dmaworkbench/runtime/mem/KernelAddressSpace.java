package org.dmaworkbench.runtime.mem;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel's virtual address space and its allocators, laid out as on x86-64
 * (Documentation/arch/x86/x86_64/mm.rst): direct map at {@code PAGE_OFFSET}, vmalloc area, kernel
 * image (text RX, rodata R) and module area. Models {@code kmalloc/kfree} (mm/slub.c size classes),
 * {@code vmalloc/vfree}, {@code alloc_pages/__free_pages}, task stacks and {@code load_module()}.
 */
public final class KernelAddressSpace {
    public static final long PAGE_OFFSET = 0xffff888000000000L;
    public static final long VMALLOC_START = 0xffffc90000000000L;
    public static final long VMALLOC_END = 0xffffe8ffffffffffL;
    public static final long KERNEL_TEXT_START = 0xffffffff81000000L;
    public static final long MODULES_VADDR = 0xffffffffa0000000L;

    /** Physical placement of the kernel image (text then rodata then data). */
    public static final long KERNEL_PHYS = 0x1000000L;
    public static final long KERNEL_TEXT_SIZE = 16L << 20;
    public static final long KERNEL_RODATA_SIZE = 8L << 20;

    /** {@code MAX_PAGE_ORDER} (include/linux/mmzone.h, CONFIG_ARCH_FORCE_MAX_ORDER unset): the buddy allocator's largest order. */
    public static final int MAX_PAGE_ORDER = 10;
    /**
     * {@code KMALLOC_MAX_SIZE} = 1 &lt;&lt; (MAX_PAGE_ORDER + PAGE_SHIFT) under SLUB with 4 KiB pages: larger
     * kmalloc() calls return NULL (kmalloc_large → alloc_pages of too high an order). The language's
     * validator warns with the same constant.
     */
    public static final long KMALLOC_MAX_SIZE = 1L << (MAX_PAGE_ORDER + PhysicalMemory.PAGE_SHIFT);

    private static final int[] KMALLOC_SIZES = {8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096};

    private final PhysicalMemory mem;
    private final KernelPageTable pageTable;
    private final TreeMap<Long, Allocation> byVa = new TreeMap<>();
    private final Map<Integer, long[]> slabCursor = new HashMap<>(); // size class -> {pfn, next slot}
    private long vmallocNext = VMALLOC_START;
    private long moduleNext = MODULES_VADDR;
    private final Allocation text;
    private final Allocation rodata;

    public KernelAddressSpace(PhysicalMemory mem) {
        this.mem = mem;
        this.pageTable = new KernelPageTable(PAGE_OFFSET, mem.bytes());
        long textPfn = KERNEL_PHYS >>> PhysicalMemory.PAGE_SHIFT;
        this.text = mem.register(AllocationKind.KERNEL_TEXT, "_text", KERNEL_TEXT_START, KERNEL_TEXT_SIZE,
                range(textPfn, (int) (KERNEL_TEXT_SIZE >>> PhysicalMemory.PAGE_SHIFT)), 0, MemoryArea.KERNEL_TEXT, false, 0);
        long roPfn = textPfn + (KERNEL_TEXT_SIZE >>> PhysicalMemory.PAGE_SHIFT);
        this.rodata = mem.register(AllocationKind.RODATA, "__start_rodata", KERNEL_TEXT_START + KERNEL_TEXT_SIZE,
                KERNEL_RODATA_SIZE, range(roPfn, (int) (KERNEL_RODATA_SIZE >>> PhysicalMemory.PAGE_SHIFT)), 0,
                MemoryArea.RODATA, false, 0);
        byVa.put(text.va(), text);
        byVa.put(rodata.va(), rodata);
        for (long v = 0; v < KERNEL_TEXT_SIZE; v += PhysicalMemory.PAGE_SIZE) {
            pageTable.map(KERNEL_TEXT_START + v, KERNEL_PHYS + v, false, true);
        }
        for (long v = 0; v < KERNEL_RODATA_SIZE; v += PhysicalMemory.PAGE_SIZE) {
            pageTable.map(rodata.va() + v, KERNEL_PHYS + KERNEL_TEXT_SIZE + v, false, false);
        }
        // The direct-map alias of the kernel image is read-only too (mark_rodata_ro()).
        pageTable.protect(PAGE_OFFSET + KERNEL_PHYS, KERNEL_TEXT_SIZE + KERNEL_RODATA_SIZE, false, false, "mark_rodata_ro", 0);
    }

    private static long[] range(long first, int n) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) p[i] = first + i;
        return p;
    }

    public PhysicalMemory memory() { return mem; }
    public KernelPageTable pageTable() { return pageTable; }
    public Allocation kernelText() { return text; }
    public Allocation rodata() { return rodata; }

    /** Whether kmalloc(size) can succeed at all: 1 ≤ size ≤ {@link #KMALLOC_MAX_SIZE}. */
    public static boolean kmallocSizeOk(long size) { return size > 0 && size <= KMALLOC_MAX_SIZE; }

    /** {@code kmalloc(size, GFP_KERNEL)}: a slab object, or whole pages above 4 KiB; null on failure (also above KMALLOC_MAX_SIZE). */
    public Allocation kmalloc(String name, long size, int step) {
        if (!kmallocSizeOk(size)) return null;
        int cls = 0;
        for (int s : KMALLOC_SIZES) if (s >= size) { cls = s; break; }
        if (cls == 0 || cls == 4096) return pages(AllocationKind.KMALLOC, name, size, MemoryArea.DIRECT_MAP, step);
        long[] cur = slabCursor.get(cls);
        if (cur == null || cur[1] >= PhysicalMemory.PAGE_SIZE / cls) {
            long pfn = mem.allocFrames(1);
            if (pfn < 0) return null;
            cur = new long[] {pfn, 0};
            slabCursor.put(cls, cur);
        }
        long pa = (cur[0] << PhysicalMemory.PAGE_SHIFT) + cur[1] * cls;
        cur[1]++;
        Allocation a = mem.register(AllocationKind.KMALLOC, name, PAGE_OFFSET + pa, size, new long[] {cur[0]},
                pa & PhysicalMemory.PAGE_MASK_LOW, MemoryArea.DIRECT_MAP, true, step);
        byVa.put(a.va(), a);
        return a;
    }

    /** {@code alloc_pages(GFP_KERNEL, order)} seen through {@code page_address()}. */
    public Allocation allocPages(String name, long order, int step) {
        if (order < 0 || order > MAX_PAGE_ORDER) return null; // __alloc_pages: WARN_ON_ONCE, NULL
        return pages(AllocationKind.PAGES, name, PhysicalMemory.PAGE_SIZE << order, MemoryArea.DIRECT_MAP, step);
    }

    private Allocation pages(AllocationKind kind, String name, long size, MemoryArea area, int step) {
        int n = pagesFor(size);
        if (n < 0) return null;
        long pfn = mem.allocFrames(n);
        if (pfn < 0) return null;
        Allocation a = mem.register(kind, name, PAGE_OFFSET + (pfn << PhysicalMemory.PAGE_SHIFT), size, range(pfn, n), 0,
                area, false, step);
        byVa.put(a.va(), a);
        return a;
    }

    /**
     * The direct-map memory at physical address {@code pa}, as a kernel capture names a buffer
     * ({@code phys_to_page(pa)} + {@code page_address()}): the frames there, whoever holds them, shared like slab
     * pages (several buffers may share a page); nothing is allocated. Null when the range is outside memory or
     * longer than {@link #MAX_PHYS_BUFFER}.
     */
    public Allocation atPhys(String name, long pa, long size, int step) {
        if (pa < 0 || size <= 0 || size > MAX_PHYS_BUFFER || pa + size < pa) return null;
        long first = pa >>> PhysicalMemory.PAGE_SHIFT;
        long last = (pa + size - 1) >>> PhysicalMemory.PAGE_SHIFT;
        if (!mem.isValidPfn(last)) return null;
        Allocation a = mem.register(AllocationKind.PHYS, name, PAGE_OFFSET + pa, size, range(first, (int) (last - first + 1)),
                pa & PhysicalMemory.PAGE_MASK_LOW, MemoryArea.DIRECT_MAP, true, step);
        byVa.put(a.va(), a);
        return a;
    }

    /** The longest buffer {@link #atPhys} names: 1 GiB. */
    public static final long MAX_PHYS_BUFFER = 1L << 30;

    /** Page-backed memory for other kernel users (coherent DMA, swiotlb pool). */
    public Allocation allocContiguous(AllocationKind kind, String name, long size, MemoryArea area, int step) {
        return pages(kind, name, size, area, step);
    }

    /** {@code vmalloc(size)}: separately allocated pages mapped into the vmalloc area, with a guard page. */
    public Allocation vmalloc(String name, long size, int step) {
        return vmap(AllocationKind.VMALLOC, name, size, MemoryArea.VMALLOC, true, false, step);
    }

    /** A task stack: with CONFIG_VMAP_STACK (the x86 default) it lives in the vmalloc area. */
    public Allocation stack(String name, long size, boolean vmapped, int step) {
        if (!vmapped) return pages(AllocationKind.STACK, name, size, MemoryArea.STACK, step);
        return vmap(AllocationKind.STACK, name, size, MemoryArea.VMAPPED_STACK, true, false, step);
    }

    /**
     * The pages {@code size} bytes take, or -1 when no allocation of that size can succeed on this
     * machine (not positive, or more pages than are free): checked before anything is allocated, so a
     * huge request costs nothing.
     */
    int pagesFor(long size) {
        if (size <= 0) return -1;
        long n = (size - 1 >>> PhysicalMemory.PAGE_SHIFT) + 1;
        return n > mem.freePages() ? -1 : (int) n;
    }

    private Allocation vmap(AllocationKind kind, String name, long size, MemoryArea area, boolean writable, boolean exec, int step) {
        int n = pagesFor(size);
        if (n < 0) return null;
        long[] pfns = new long[n];
        for (int i = 0; i < n; i++) {
            pfns[i] = mem.allocFrames(1);
            if (pfns[i] < 0) return null;
        }
        long base = area == MemoryArea.MODULE ? moduleNext : vmallocNext;
        long span = ((long) n + 1) << PhysicalMemory.PAGE_SHIFT; // + guard page
        if (area == MemoryArea.MODULE) moduleNext += span; else vmallocNext += span;
        for (int i = 0; i < n; i++) {
            pageTable.map(base + ((long) i << PhysicalMemory.PAGE_SHIFT), pfns[i] << PhysicalMemory.PAGE_SHIFT, writable, exec);
        }
        Allocation a = mem.register(kind, name, base, size, pfns, 0, area, false, step);
        byVa.put(a.va(), a);
        return a;
    }

    /**
     * {@code load_module()}: text (RX) and data (RW) in the module area, and {@code set_memory_ro()}
     * on the direct-map alias of the text pages (module_enable_rodata_ro): the direct map is split.
     */
    public Allocation loadModule(String name, long textSize, int step) {
        Allocation a = vmap(AllocationKind.MODULE, name, textSize, MemoryArea.MODULE, false, true, step);
        if (a == null) return null;
        for (int i = 0; i < a.pageCount(); i++) {
            pageTable.protect(PAGE_OFFSET + (a.pfn(i) << PhysicalMemory.PAGE_SHIFT), PhysicalMemory.PAGE_SIZE, false, false,
                    "load_module(" + name + ") set_memory_ro on the direct map", step);
        }
        return a;
    }

    /** {@code set_memory_ro(addr, numpages)}. */
    public void setMemoryRo(long va, int pages, int step) {
        if (pages <= 0) return;
        pageTable.protect(va, (long) pages << PhysicalMemory.PAGE_SHIFT, false, false, "set_memory_ro", step);
    }

    /** {@code kfree}, {@code vfree}, {@code __free_pages}: frees and, for vmalloc, unmaps. */
    public void free(Allocation a, int step) {
        if (a.area() == MemoryArea.VMALLOC || a.area() == MemoryArea.VMAPPED_STACK || a.area() == MemoryArea.MODULE) {
            pageTable.unmap(a.va(), (long) a.pageCount() << PhysicalMemory.PAGE_SHIFT, "vfree", step);
        }
        mem.free(a, step, true);
    }

    /** Which area a kernel virtual address lies in (for dma-debug's checks). */
    public MemoryArea areaOf(long va) {
        Allocation a = allocationAt(va);
        if (a != null) return a.area();
        if (va >= PAGE_OFFSET && va < PAGE_OFFSET + mem.bytes()) return MemoryArea.DIRECT_MAP;
        if (va >= VMALLOC_START && va <= VMALLOC_END) return MemoryArea.VMALLOC;
        if (va >= MODULES_VADDR) return MemoryArea.MODULE;
        return MemoryArea.INVALID;
    }

    /** The allocation containing kernel virtual address {@code va}, or null. */
    public Allocation allocationAt(long va) {
        Map.Entry<Long, Allocation> e = byVa.floorEntry(va);
        if (e == null) return null;
        Allocation a = e.getValue();
        return va < a.va() + Math.max(a.size(), 1) ? a : null;
    }

    /** {@code virt_to_phys} for the direct map, a page walk elsewhere; -1 when unmapped. */
    public long virtToPhys(long va) {
        KernelPte pte = pageTable.walk(va);
        if (pte == null) return -1;
        return pte.pa() + (va & (pte.pageSize() - 1));
    }
}

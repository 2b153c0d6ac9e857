package org.dmaworkbench.runtime.mem;

/**
 * One allocation of physical memory with the kernel virtual address it was handed out at; models
 * the object a {@code kmalloc()}/{@code vmalloc()}/{@code alloc_pages()} caller owns (mm/slub.c,
 * mm/vmalloc.c, mm/page_alloc.c). Physical pages of a vmalloc allocation need not be contiguous.
 */
public final class Allocation {
    private final int id;
    private final AllocationKind kind;
    private final String name;
    private final long va;
    private final long size;
    private final long[] pfns;      // one per page spanned; for contiguous allocations consecutive
    private final long physOffset;  // offset of va inside its first page
    private final MemoryArea area;
    private boolean freed;
    private int freedAtStep = -1;
    private int allocatedAtStep;

    Allocation(int id, AllocationKind kind, String name, long va, long size, long[] pfns, long physOffset, MemoryArea area) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.va = va;
        this.size = size;
        this.pfns = pfns;
        this.physOffset = physOffset;
        this.area = area;
    }

    public int id() { return id; }
    public AllocationKind kind() { return kind; }
    public String name() { return name; }
    public long va() { return va; }
    public long size() { return size; }
    public MemoryArea area() { return area; }
    public boolean isFreed() { return freed; }
    public int freedAtStep() { return freedAtStep; }
    public int allocatedAtStep() { return allocatedAtStep; }
    void setAllocatedAtStep(int s) { allocatedAtStep = s; }
    void markFreed(int step) { freed = true; freedAtStep = step; }

    /** Physical address of byte {@code offset} of this allocation ({@code virt_to_phys} / {@code vmalloc_to_page}). */
    public long phys(long offset) {
        long abs = physOffset + offset;
        if (offset < 0 || abs < 0 || (abs >>> PhysicalMemory.PAGE_SHIFT) >= pfns.length) {
            throw new IllegalArgumentException("offset " + offset + " is outside " + describe());
        }
        return (pfns[(int) (abs >>> PhysicalMemory.PAGE_SHIFT)] << PhysicalMemory.PAGE_SHIFT) | (abs & PhysicalMemory.PAGE_MASK_LOW);
    }

    /** True when the pages are physically contiguous (everything but vmalloc). */
    public boolean contiguous() {
        for (int i = 1; i < pfns.length; i++) if (pfns[i] != pfns[0] + i) return false;
        return true;
    }

    public long firstPfn() { return pfns[0]; }
    public int pageCount() { return pfns.length; }
    public long pfn(int i) { return pfns[i]; }

    /** Bytes from the start of the allocation to the end of its last page: what a CPU access can reach. */
    public long span() { return ((long) pfns.length << PhysicalMemory.PAGE_SHIFT) - physOffset; }

    /** True when the allocation contains physical address {@code pa}. */
    public boolean containsPhys(long pa) {
        for (int i = 0; i < pfns.length; i++) {
            if (pfns[i] == pa >>> PhysicalMemory.PAGE_SHIFT) {
                long off = ((long) i << PhysicalMemory.PAGE_SHIFT) + (pa & PhysicalMemory.PAGE_MASK_LOW) - physOffset;
                return off >= 0 && off < size;
            }
        }
        return false;
    }

    /** "kmalloc 'buf' (64 bytes at 0xffff888100001000)". */
    public String describe() {
        String n = name == null ? "" : " '" + name + "'";
        return kind.label() + n + " (" + size + " bytes at 0x" + Long.toHexString(va) + ")";
    }

    @Override public String toString() { return describe(); }
}

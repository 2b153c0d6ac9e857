package org.dmaworkbench.runtime.mem;

import java.util.HashMap;
import java.util.Map;

/**
 * A user process's address space ({@code struct mm_struct}): anonymous mappings backed by page
 * frames, and {@code mm->pasid} once it is bound for SVA ({@code iommu_sva_bind_device},
 * {@code mm_pasid_drop}).
 */
public final class MmStruct {
    public static final long USER_BASE = 0x7f0000000000L;

    private final String name;
    private final PhysicalMemory mem;
    private final Map<Long, KernelPte> pages = new HashMap<>();
    private long next = USER_BASE;
    private int pasid = -1;

    public MmStruct(String name, PhysicalMemory mem) {
        this.name = name;
        this.mem = mem;
    }

    public String name() { return name; }
    public int pasid() { return pasid; }
    public void setPasid(int p) { pasid = p; }

    /** {@code mmap(NULL, size, PROT_READ|PROT_WRITE, MAP_ANONYMOUS)} with the pages faulted in. */
    public Allocation mmap(String bufName, long size, int step) {
        if (size <= 0 || (size - 1 >>> PhysicalMemory.PAGE_SHIFT) + 1 > mem.freePages()) return null; // -ENOMEM
        int n = (int) ((size - 1 >>> PhysicalMemory.PAGE_SHIFT) + 1);
        long[] pfns = new long[n];
        for (int i = 0; i < n; i++) {
            pfns[i] = mem.allocFrames(1);
            if (pfns[i] < 0) return null;
            pages.put((next >>> PhysicalMemory.PAGE_SHIFT) + i, new KernelPte(pfns[i] << PhysicalMemory.PAGE_SHIFT,
                    PhysicalMemory.PAGE_SIZE, true, false));
        }
        Allocation a = mem.register(AllocationKind.USER, bufName, next, size, pfns, 0, MemoryArea.USER, false, step);
        next += ((long) n + 1) << PhysicalMemory.PAGE_SHIFT;
        return a;
    }

    /** {@code munmap}: the pages go away from the CPU page table (an mmu notifier invalidates SVA TLBs). */
    public void munmap(Allocation a, int step) {
        for (int i = 0; i < a.pageCount(); i++) pages.remove((a.va() >>> PhysicalMemory.PAGE_SHIFT) + i);
        mem.free(a, step, true);
    }

    /** Walks the user page table; null when not present. */
    public KernelPte walk(long va) {
        return pages.get(va >>> PhysicalMemory.PAGE_SHIFT);
    }
}

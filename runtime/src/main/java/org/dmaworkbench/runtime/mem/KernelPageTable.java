package org.dmaworkbench.runtime.mem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel half of the CPU page table ({@code init_mm.pgd}): the direct map in 2 MiB pages, split
 * to 4 KiB where permissions differ ({@code set_memory_ro()}, arch/x86/mm/pat/set_memory.c), plus
 * the 4 KiB vmalloc/module mappings ({@code vmap_pages_range()}). Every change is logged so a
 * device that shares this table (the RFC's KVA fast mode, supervisor SVA on init_mm) can be shown
 * to use a translation the CPU no longer has.
 */
public final class KernelPageTable {
    public static final long SIZE_2M = 1L << 21;

    /** One change of the kernel page table, for explanations. */
    public record Change(long va, long len, String what, int step) { }

    private final long pageOffset;
    private final long memBytes;
    private final Map<Long, KernelPte> small = new HashMap<>();     // 4K overrides and vmalloc pages, keyed by va>>>12
    private final Map<Long, Boolean> split = new HashMap<>();        // 2M direct-map regions split into 4K, keyed by va>>>21
    private final List<Change> changes = new ArrayList<>();
    private Runnable changeListener;

    public KernelPageTable(long pageOffset, long memBytes) {
        this.pageOffset = pageOffset;
        this.memBytes = memBytes;
    }

    /** Walks the table for {@code va}; null when nothing is mapped there. */
    public KernelPte walk(long va) {
        KernelPte pte = small.get(va >>> PhysicalMemory.PAGE_SHIFT);
        if (pte != null) return pte;
        if (va >= pageOffset && va < pageOffset + memBytes) {
            long off = va - pageOffset;
            if (split.containsKey(va >>> 21)) {
                return new KernelPte(off & ~PhysicalMemory.PAGE_MASK_LOW, PhysicalMemory.PAGE_SIZE, true, false);
            }
            return new KernelPte(off & ~(SIZE_2M - 1), SIZE_2M, true, false);
        }
        return null;
    }

    /** Installs 4 KiB mappings ({@code vmap_pages_range}); never logged as a hazard: new entries cannot be stale. */
    public void map(long va, long pa, boolean writable, boolean exec) {
        small.put(va >>> PhysicalMemory.PAGE_SHIFT, new KernelPte(pa, PhysicalMemory.PAGE_SIZE, writable, exec));
    }

    /** Removes 4 KiB mappings ({@code vunmap_range}) and logs the change. */
    public void unmap(long va, long len, String what, int step) {
        for (long v = va; v < va + len; v += PhysicalMemory.PAGE_SIZE) small.remove(v >>> PhysicalMemory.PAGE_SHIFT);
        changes.add(new Change(va, len, what, step));
        changed();
    }

    /**
     * Changes permissions of [va, va+len) ({@code set_memory_ro/rw/x/nx}); direct-map 2 MiB pages
     * covering the range are split ({@code split_large_page}).
     */
    public void protect(long va, long len, boolean writable, boolean exec, String what, int step) {
        for (long v = va & ~PhysicalMemory.PAGE_MASK_LOW; v < va + len; v += PhysicalMemory.PAGE_SIZE) {
            KernelPte cur = walk(v);
            if (cur == null) continue;
            long pa = cur.pa() + (cur.pageSize() == SIZE_2M ? (v & (SIZE_2M - 1)) : 0);
            if (v >= pageOffset && v < pageOffset + memBytes) split.put(v >>> 21, Boolean.TRUE);
            small.put(v >>> PhysicalMemory.PAGE_SHIFT, new KernelPte(pa, PhysicalMemory.PAGE_SIZE, writable, exec));
        }
        changes.add(new Change(va, len, what, step));
        changed();
    }

    /** Called after every change that can leave a stale translation (the 2025 KVA flush fix). */
    public void setChangeListener(Runnable r) { changeListener = r; }

    private void changed() { if (changeListener != null) changeListener.run(); }


    /** The last logged change touching {@code va}, or null. */
    public Change lastChangeAt(long va) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (va >= (c.va() & ~(SIZE_2M - 1)) && va < c.va() + c.len() + SIZE_2M) return c;
        }
        return null;
    }
}

package org.dmaworkbench.runtime.mem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Physical memory as page frames; models {@code mem_map}/{@code struct page} ownership as the page
 * allocator (mm/page_alloc.c) and slab (mm/slub.c) hand it out, so every DMA can be attributed to
 * the allocation it touched, live or freed. Also keeps per-page cache state for non-coherent DMA.
 */
public final class PhysicalMemory {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long PAGE_MASK_LOW = PAGE_SIZE - 1;

    /** Page state bits. */
    private static final byte FREED = 1, CPU_DIRTY = 2, DEV_WRITTEN = 4;

    private final long totalPages;
    private final int[] owner;          // allocation id + 1 per pfn; 0 = never allocated
    private final byte[] state;
    private final List<Allocation> allocations = new ArrayList<>();
    private final Map<Long, List<Allocation>> sharedPages = new HashMap<>(); // slab pages: pfn -> objects
    private final ArrayDeque<Long> freeFrames = new ArrayDeque<>();
    private long nextFrame;
    private final int[] cpuDirtyStep;   // step of the last unsynced CPU write per page
    private final int[] devWriteStep;   // step of the last device write not yet synced for the CPU

    public PhysicalMemory(long bytes, long firstAllocatablePfn) {
        this.totalPages = bytes >>> PAGE_SHIFT;
        if (totalPages > Integer.MAX_VALUE) throw new IllegalArgumentException("memory too large");
        this.owner = new int[(int) totalPages];
        this.state = new byte[(int) totalPages];
        this.cpuDirtyStep = new int[(int) totalPages];
        this.devWriteStep = new int[(int) totalPages];
        this.nextFrame = firstAllocatablePfn;
    }

    public long totalPages() { return totalPages; }
    public long bytes() { return totalPages << PAGE_SHIFT; }
    public boolean isValidPfn(long pfn) { return pfn >= 0 && pfn < totalPages; }

    /** Takes {@code count} contiguous frames ({@code __alloc_pages}); -1 when memory is exhausted. */
    public long allocFrames(int count) {
        if (count == 1 && !freeFrames.isEmpty()) return freeFrames.pop();
        if (nextFrame + count > totalPages) return -1;
        long pfn = nextFrame;
        nextFrame += count;
        return pfn;
    }

    /** Registers an allocation over frames (page granular unless {@code shared}). */
    public Allocation register(AllocationKind kind, String name, long va, long size, long[] pfns, long physOffset,
                               MemoryArea area, boolean shared, int step) {
        Allocation a = new Allocation(allocations.size(), kind, name, va, size, pfns, physOffset, area);
        a.setAllocatedAtStep(step);
        allocations.add(a);
        for (long pfn : pfns) {
            if (shared) {
                sharedPages.computeIfAbsent(pfn, k -> new ArrayList<>()).add(a);
            } else {
                owner[(int) pfn] = a.id() + 1;
            }
            state[(int) pfn] &= ~FREED;
        }
        return a;
    }

    /** Marks an allocation freed and, when {@code releaseFrames}, returns its frames for reuse. */
    public void free(Allocation a, int step, boolean releaseFrames) {
        a.markFreed(step);
        for (int i = 0; i < a.pageCount(); i++) {
            long pfn = a.pfn(i);
            List<Allocation> objs = sharedPages.get(pfn);
            boolean pageFree = objs == null || objs.stream().allMatch(Allocation::isFreed);
            if (pageFree) {
                state[(int) pfn] |= FREED;
                if (releaseFrames && a.pageCount() == 1 && objs == null) freeFrames.push(pfn);
            }
        }
    }

    public Allocation allocation(int id) { return allocations.get(id); }

    /** The allocations that hold byte range [pa, pa+len) of one page (live or freed). */
    public List<Allocation> ownersOf(long pa, long len) {
        long pfn = pa >>> PAGE_SHIFT;
        if (!isValidPfn(pfn)) return List.of();
        List<Allocation> objs = sharedPages.isEmpty() ? null : sharedPages.get(pfn);
        if (objs == null) {
            int o0 = owner[(int) pfn];
            return o0 == 0 ? List.of() : List.of(allocations.get(o0 - 1));
        }
        List<Allocation> out = new ArrayList<>(2);
        if (objs != null) {
            for (Allocation a : objs) {
                for (long b = pa; b < pa + len; b += 8) {
                    if (a.containsPhys(b)) { out.add(a); break; }
                }
            }
        }
        int o = owner[(int) pfn];
        if (o != 0) out.add(allocations.get(o - 1));
        return out;
    }

    /** The page-granular owner of a frame, or null (slab pages return null). */
    public Allocation pageOwner(long pfn) {
        if (!isValidPfn(pfn)) return null;
        int o = owner[(int) pfn];
        return o == 0 ? null : allocations.get(o - 1);
    }

    public boolean isSharedPage(long pfn) { return sharedPages.containsKey(pfn); }
    public boolean isFreedPage(long pfn) { return isValidPfn(pfn) && (state[(int) pfn] & FREED) != 0; }

    // ---- cache state for non-coherent devices (arch_sync_dma_for_device / for_cpu) ----

    public void cpuWrote(long pfn, int step) { state[(int) pfn] |= CPU_DIRTY; cpuDirtyStep[(int) pfn] = step; }
    public void cacheCleaned(long pfn) { state[(int) pfn] &= ~CPU_DIRTY; }
    public boolean isCpuDirty(long pfn) { return (state[(int) pfn] & CPU_DIRTY) != 0; }
    public int cpuDirtyStep(long pfn) { return cpuDirtyStep[(int) pfn]; }
    public void deviceWrote(long pfn, int step) { state[(int) pfn] |= DEV_WRITTEN; devWriteStep[(int) pfn] = step; }
    public void cacheInvalidated(long pfn) { state[(int) pfn] &= ~DEV_WRITTEN; }
    public boolean isDeviceWritten(long pfn) { return (state[(int) pfn] & DEV_WRITTEN) != 0; }
    public int deviceWriteStep(long pfn) { return devWriteStep[(int) pfn]; }
}

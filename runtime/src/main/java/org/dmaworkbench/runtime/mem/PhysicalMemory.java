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
 * Frame state is kept in chunks made on first write, so a machine declared with 64 TiB costs what
 * its scenario uses.
 */
public final class PhysicalMemory {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long PAGE_MASK_LOW = PAGE_SIZE - 1;

    /** Page state bits. */
    private static final byte FREED = 1, CPU_DIRTY = 2, DEV_WRITTEN = 4;
    /** Largest memory a platform may declare: 64 TiB, x86-64's MAX_PHYSMEM_BITS (46) with 4-level paging. */
    public static final long MAX_BYTES = 1L << 46;

    /** Frames are tracked in chunks of 2^14 (64 MiB of memory), made when first written: memory costs what is used. */
    private static final int CHUNK_SHIFT = 14, CHUNK = 1 << CHUNK_SHIFT, CHUNKS_PER_DIR = 1024;

    /** Per-frame state of one chunk; the step arrays only once a page of the chunk is dirtied. */
    private static final class Chunk {
        final int[] owner = new int[CHUNK];   // allocation id + 1 per pfn; 0 = never allocated
        final byte[] state = new byte[CHUNK];
        int[] cpuDirtyStep;                   // step of the last unsynced CPU write per page
        int[] devWriteStep;                   // step of the last device write not yet synced for the CPU
    }

    private final long totalPages;
    private final Chunk[][] dirs;             // two levels: [pfn >>> 24][(pfn >>> 14) & 1023]
    private final List<Allocation> allocations = new ArrayList<>();
    private final Map<Long, List<Allocation>> sharedPages = new HashMap<>(); // slab pages: pfn -> objects
    private final ArrayDeque<Long> freeFrames = new ArrayDeque<>();
    private long nextFrame;

    public PhysicalMemory(long bytes, long firstAllocatablePfn) {
        if (bytes <= 0 || bytes > MAX_BYTES) throw new IllegalArgumentException("memory of " + bytes + " bytes outside 1 byte..64 TiB");
        this.totalPages = bytes >>> PAGE_SHIFT;
        long chunks = (totalPages + CHUNK - 1) >>> CHUNK_SHIFT;
        this.dirs = new Chunk[(int) ((chunks + CHUNKS_PER_DIR - 1) / CHUNKS_PER_DIR)][];
        this.nextFrame = firstAllocatablePfn;
    }

    /** The chunk holding {@code pfn}, or null when nothing was written there (every frame reads as never allocated). */
    private Chunk chunk(long pfn) {
        Chunk[] dir = dirs[(int) (pfn >>> (CHUNK_SHIFT + 10))];
        return dir == null ? null : dir[(int) (pfn >>> CHUNK_SHIFT) & (CHUNKS_PER_DIR - 1)];
    }

    /** The chunk holding {@code pfn}, made on first write. */
    private Chunk chunkForWrite(long pfn) {
        int d = (int) (pfn >>> (CHUNK_SHIFT + 10));
        Chunk[] dir = dirs[d];
        if (dir == null) dir = dirs[d] = new Chunk[CHUNKS_PER_DIR];
        int i = (int) (pfn >>> CHUNK_SHIFT) & (CHUNKS_PER_DIR - 1);
        Chunk c = dir[i];
        if (c == null) c = dir[i] = new Chunk();
        return c;
    }

    private static int slot(long pfn) { return (int) pfn & (CHUNK - 1); }

    private int owner(long pfn) {
        Chunk c = chunk(pfn);
        return c == null ? 0 : c.owner[slot(pfn)];
    }

    private byte state(long pfn) {
        Chunk c = chunk(pfn);
        return c == null ? 0 : c.state[slot(pfn)];
    }

    private void setBits(long pfn, int bits) { chunkForWrite(pfn).state[slot(pfn)] |= (byte) bits; }

    private void clearBits(long pfn, int bits) {
        Chunk c = chunk(pfn);
        if (c != null) c.state[slot(pfn)] &= (byte) ~bits;
    }

    /** Chunks made so far (for footprint tests): each costs about 80 KiB. */
    public int chunksInUse() {
        int n = 0;
        for (Chunk[] dir : dirs) if (dir != null) for (Chunk c : dir) if (c != null) n++;
        return n;
    }

    public long totalPages() { return totalPages; }
    public long bytes() { return totalPages << PAGE_SHIFT; }
    public boolean isValidPfn(long pfn) { return pfn >= 0 && pfn < totalPages; }

    /** Frames that can still be allocated (never used + returned). */
    public long freePages() { return totalPages - nextFrame + freeFrames.size(); }

    /** Takes {@code count} contiguous frames ({@code __alloc_pages}); -1 when memory is exhausted. */
    public long allocFrames(int count) {
        if (count <= 0) return -1;
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
                chunkForWrite(pfn).owner[slot(pfn)] = a.id() + 1;
            }
            clearBits(pfn, FREED);
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
                setBits(pfn, FREED);
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
            int o0 = owner(pfn);
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
        int o = owner(pfn);
        if (o != 0) out.add(allocations.get(o - 1));
        return out;
    }

    /** The page-granular owner of a frame, or null (slab pages return null). */
    public Allocation pageOwner(long pfn) {
        if (!isValidPfn(pfn)) return null;
        int o = owner(pfn);
        return o == 0 ? null : allocations.get(o - 1);
    }

    public boolean isSharedPage(long pfn) { return sharedPages.containsKey(pfn); }
    public boolean isFreedPage(long pfn) { return isValidPfn(pfn) && (state(pfn) & FREED) != 0; }

    // ---- cache state for non-coherent devices (arch_sync_dma_for_device / for_cpu) ----

    public void cpuWrote(long pfn, int step) {
        Chunk c = chunkForWrite(pfn);
        c.state[slot(pfn)] |= CPU_DIRTY;
        if (c.cpuDirtyStep == null) c.cpuDirtyStep = new int[CHUNK];
        c.cpuDirtyStep[slot(pfn)] = step;
    }

    public void cacheCleaned(long pfn) { clearBits(pfn, CPU_DIRTY); }
    public boolean isCpuDirty(long pfn) { return (state(pfn) & CPU_DIRTY) != 0; }

    public int cpuDirtyStep(long pfn) {
        Chunk c = chunk(pfn);
        return c == null || c.cpuDirtyStep == null ? 0 : c.cpuDirtyStep[slot(pfn)];
    }

    public void deviceWrote(long pfn, int step) {
        Chunk c = chunkForWrite(pfn);
        c.state[slot(pfn)] |= DEV_WRITTEN;
        if (c.devWriteStep == null) c.devWriteStep = new int[CHUNK];
        c.devWriteStep[slot(pfn)] = step;
    }

    public void cacheInvalidated(long pfn) { clearBits(pfn, DEV_WRITTEN); }
    public boolean isDeviceWritten(long pfn) { return (state(pfn) & DEV_WRITTEN) != 0; }

    public int deviceWriteStep(long pfn) {
        Chunk c = chunk(pfn);
        return c == null || c.devWriteStep == null ? 0 : c.devWriteStep[slot(pfn)];
    }
}

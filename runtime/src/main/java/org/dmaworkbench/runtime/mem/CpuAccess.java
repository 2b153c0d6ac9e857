package org.dmaworkbench.runtime.mem;

import java.util.ArrayList;
import java.util.List;

/**
 * CPU loads and stores to a buffer as the cache sees them: a store dirties the CPU cache (a
 * non-coherent device reads memory, not the cache, until {@code arch_sync_dma_for_device} cleans
 * it); a load of a page a non-coherent device wrote may hit stale cache lines until
 * {@code arch_sync_dma_for_cpu} invalidates them (arch/arm64/mm/dma-mapping.c).
 */
public final class CpuAccess {
    private final PhysicalMemory mem;

    public CpuAccess(PhysicalMemory mem) { this.mem = mem; }

    /** A store of {@code len} bytes at {@code off}; returns nothing to report. */
    public void write(Allocation a, long off, long len, int line) {
        for (long o = off; o < off + len; o = (o & ~PhysicalMemory.PAGE_MASK_LOW) + PhysicalMemory.PAGE_SIZE) {
            mem.cpuWrote(a.phys(o) >>> PhysicalMemory.PAGE_SHIFT, line);
        }
    }

    /** A load; returns one note per page whose device write the CPU may not see, and for freed memory. */
    public List<String> read(Allocation a, long off, long len) {
        List<String> notes = new ArrayList<>();
        for (long o = off; o < off + len; o = (o & ~PhysicalMemory.PAGE_MASK_LOW) + PhysicalMemory.PAGE_SIZE) {
            long pfn = a.phys(o) >>> PhysicalMemory.PAGE_SHIFT;
            if (mem.isDeviceWritten(pfn)) {
                notes.add(String.format("the device wrote PA 0x%x at line %d and no dma_sync_*_for_cpu or unmap followed",
                        pfn << PhysicalMemory.PAGE_SHIFT, mem.deviceWriteStep(pfn)));
            }
        }
        return notes;
    }
}

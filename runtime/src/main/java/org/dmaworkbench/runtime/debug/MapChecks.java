package org.dmaworkbench.runtime.debug;

import org.dmaworkbench.runtime.mem.MemoryArea;

/**
 * The checks of kernel/dma/debug.c made when a mapping is created ({@code check_for_stack},
 * {@code check_for_illegal_area}, {@code check_sg_segment}), reported through {@code err_printk}.
 */
final class MapChecks {
    private final ErrPrintk errors;

    MapChecks(ErrPrintk errors) { this.errors = errors; }

    /** check_for_stack(): 9 for a direct-mapped stack, 10 for a page of a vmapped stack. */
    void checkForStack(DebugDevice dev, MemoryArea area, long cpuAddr, long devAddr) {
        if (area == MemoryArea.STACK) errors.err(DmaDebugCheck.MAP_FROM_STACK, dev, devAddr, cpuAddr);
        else if (area == MemoryArea.VMAPPED_STACK) errors.err(DmaDebugCheck.MAP_FROM_VMAPPED_STACK, dev, devAddr, cpuAddr);
    }

    /** check_for_illegal_area(): 11 when the range lies in kernel text or rodata. */
    void checkForIllegalArea(DebugDevice dev, MemoryArea area, long cpuAddr, long len, long devAddr) {
        if (area == MemoryArea.KERNEL_TEXT || area == MemoryArea.RODATA) {
            errors.err(DmaDebugCheck.MAP_KERNEL_TEXT_OR_RODATA, dev, devAddr, cpuAddr, len);
        }
    }

    /** check_sg_segment(): 23 (longer than dma_get_max_seg_size) and 24 (crosses dma_get_seg_boundary). */
    void checkSgSegment(DebugDevice dev, SgEntry s) {
        long maxSeg = Math.min(dev.maxSegSize(), 0xffffffffL);
        if (Long.compareUnsigned(s.length(), maxSeg) > 0) {
            errors.err(DmaDebugCheck.SG_SEGMENT_TOO_LONG, dev, s.dmaAddress(), s.length(), maxSeg);
        }
        long start = s.dmaAddress();
        long end = start + s.dmaLength() - 1;
        long boundary = dev.segBoundaryMask();
        if (((start ^ end) & ~boundary) != 0) {
            errors.err(DmaDebugCheck.SG_SEGMENT_ACROSS_BOUNDARY, dev, s.dmaAddress(), start, end, boundary);
        }
    }
}

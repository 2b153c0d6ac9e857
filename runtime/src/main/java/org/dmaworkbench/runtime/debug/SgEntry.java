package org.dmaworkbench.runtime.debug;

import org.dmaworkbench.runtime.mem.MemoryArea;

/**
 * One element of a scatterlist as dma-debug reads it; models the fields of {@code struct scatterlist}
 * (include/linux/scatterlist.h): {@code sg_phys()}, {@code length}, {@code sg_dma_address()},
 * {@code sg_dma_len()}, and where {@code sg_virt()} lies.
 *
 * @param phys       physical address of the CPU segment ({@code sg_phys(s)})
 * @param length     CPU segment length ({@code s->length})
 * @param dmaAddress device address of DMA segment i ({@code sg_dma_address(s)})
 * @param dmaLength  length of DMA segment i ({@code sg_dma_len(s)}); after IOMMU merging it may differ from length
 * @param area       area of the CPU address, for the stack and kernel-text checks
 * @param cpuAddr    kernel virtual address of the segment ({@code sg_virt(s)})
 */
public record SgEntry(long phys, long length, long dmaAddress, long dmaLength, MemoryArea area, long cpuAddr) {

    /** A direct-map segment whose DMA segment is the same length as the CPU one. */
    public static SgEntry of(long phys, long length, long dmaAddress, long cpuAddr) {
        return new SgEntry(phys, length, dmaAddress, length, MemoryArea.DIRECT_MAP, cpuAddr);
    }
}

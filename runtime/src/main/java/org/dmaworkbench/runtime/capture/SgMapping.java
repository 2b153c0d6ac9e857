package org.dmaworkbench.runtime.capture;

import java.util.List;
import org.dmaworkbench.runtime.debug.SgEntry;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * A scatterlist as a replayed {@code dma_map_sg} left it: {@code dma_unmap_sg} prints only the CPU segments'
 * physical addresses, so the replay finds the DMA segments (sg_dma_address/len) of the map by the first one.
 *
 * @param segments  the traced segments (physical and DMA addresses)
 * @param nents     nents of the map call
 * @param dir       its direction
 * @param line      its line
 * @param truncated the map's arrays were truncated at 128 entries
 * @param unmapLine the line of its unmap, 0 while it is mapped
 */
record SgMapping(List<SgEntry> segments, int nents, DmaDirection dir, long line, boolean truncated, long unmapLine) {
    SgMapping unmappedAt(long l) {
        return new SgMapping(segments, nents, dir, line, truncated, l);
    }
}

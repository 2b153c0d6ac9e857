package org.dmaworkbench.runtime.run;

import java.util.List;
import org.dmaworkbench.runtime.dma.DmaApi;

/** A scenario's scatterlist ({@code struct sg_table}) and, once mapped, its DMA mapping. */
final class SgTable {
    final List<DmaApi.SgElement> elements;
    DmaApi.SgMapping mapping;

    SgTable(List<DmaApi.SgElement> elements) { this.elements = elements; }
}

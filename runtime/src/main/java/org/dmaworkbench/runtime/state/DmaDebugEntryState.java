package org.dmaworkbench.runtime.state;

import com.google.gson.annotations.JsonAdapter;

/**
 * One live entry of dma-debug's hash ({@code struct dma_debug_entry}, kernel/dma/debug.c
 * {@code add_dma_entry}; what {@code debug_dma_dump_mappings} prints): a mapping or coherent
 * allocation the driver has not released yet.
 *
 * @param type      "single", "page", "scatter-gather", "coherent", "resource"
 * @param dmaAddr   the DMA address handed to the driver
 * @param direction DMA_TO_DEVICE, …
 * @param paddr     the physical address mapped
 */
public record DmaDebugEntryState(String type, @JsonAdapter(Hex.class) long dmaAddr, long size, String direction,
                                 @JsonAdapter(Hex.class) long paddr) {
    public String key() { return Hex.of(dmaAddr) + " " + type; }
}

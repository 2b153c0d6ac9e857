package org.dmaworkbench.runtime.debug;

/** Whether dma_mapping_error() was called on a mapping; models {@code enum map_err_types} (kernel/dma/debug.c). */
public enum MapErrType {
    /** Coherent and scatter-gather entries: the driver need not call dma_mapping_error(). */
    MAP_ERR_CHECK_NOT_APPLICABLE("dma map error check not applicable"),
    /** A single/page/resource mapping whose address was never passed to dma_mapping_error(). */
    MAP_ERR_NOT_CHECKED("dma map error not checked"),
    /** dma_mapping_error() was called on the mapping. */
    MAP_ERR_CHECKED("dma map error checked");

    private final String kernelText;

    MapErrType(String kernelText) { this.kernelText = kernelText; }

    /** The text of {@code maperr2str[]}, as the debugfs dump prints it. */
    public String kernelText() { return kernelText; }
}

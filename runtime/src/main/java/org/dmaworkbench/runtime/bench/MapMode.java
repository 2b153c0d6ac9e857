package org.dmaworkbench.runtime.bench;

/**
 * {@code map_mode} of {@code struct map_benchmark} (include/uapi/linux/map_benchmark.h, added 2025 by
 * Qinxin Xia): {@code DMA_MAP_BENCH_SINGLE_MODE} maps the buffer with {@code dma_map_single},
 * {@code DMA_MAP_BENCH_SG_MODE} maps it as a scatterlist of {@code granule} entries of PAGE_SIZE each.
 */
public enum MapMode {
    SINGLE, SG
}

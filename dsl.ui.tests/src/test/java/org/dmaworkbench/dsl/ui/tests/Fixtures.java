package org.dmaworkbench.dsl.ui.tests;

/** The .dmas texts the workbench tests type and run. */
final class Fixtures {
    private Fixtures() { }

    static final String PLATFORM = """
            platform lab {
                iommu vtd0 arch intel-vtd { pasid-bits 20  address-width 48  flush-queue 256 entries 10 ms }
                default-domain lazy
            }

            device nic0 { bdf 0000:17:00.0  iommu vtd0  pasid-bits 20  dma-mask 64  driver ice }
            device tbt_nic { bdf 0000:3c:00.0  iommu vtd0  behind external-facing-port  dma-mask 64  driver igc }
            """;

    /** Two scenarios: the first passes; the second expects a fault on line 17 that does not happen. */
    static final String SCENARIOS = """
            import "platforms/lab.dmas"

            scenario "map and read" on lab {
                probe nic0
                buffer buf = kmalloc(4096)
                dma_addr a = dma_map_single(nic0, buf, 4096, DMA_TO_DEVICE)
                dma_mapping_error(nic0, a)                         expect false
                dma nic0 read a len 64                             expect ok
                dma_unmap_single(nic0, a, 4096, DMA_TO_DEVICE)
            }

            scenario "a mapped read expected to fault" on lab {
                probe nic0
                buffer buf = kmalloc(4096)
                dma_addr a = dma_map_single(nic0, buf, 4096, DMA_TO_DEVICE)
                dma_mapping_error(nic0, a)                         expect false
                dma nic0 read a len 64                             expect fault not-present
            }
            """;
    static final int FAILING_LINE = 17;

    /** Line 4 calls a function that does not exist (a quick fix offers dma_map_single). */
    static final String MISSPELLED = """
            import "platforms/lab.dmas"
            scenario "typo" on lab {
                buffer buf = kmalloc(64)
                dma_addr a = dma_map_singel(nic0, buf, 64, DMA_TO_DEVICE)
                dma_mapping_error(nic0, a) expect false
            }
            """;

    static final String UNFORMATTED = """
            import "platforms/lab.dmas"
            scenario "messy" on lab {
            probe nic0
                  buffer buf = kmalloc(64)
            }
            """;

    static final String FORMATTED = """
            import "platforms/lab.dmas"
            scenario "messy" on lab {
                probe nic0
                buffer buf = kmalloc(64)
            }
            """;

    /** A benchmark long enough to cancel: millions of map/unmap pairs. */
    static final String LONG_BENCHMARK = """
            import "platforms/lab.dmas"
            benchmark "long" on lab {
                device nic0  threads 16  iterations 1000000  granule 1  direction bidirectional  dma-bits 32
                compare strict, lazy, passthrough
            }
            """;

    static final String BENCHMARK = """
            import "platforms/lab.dmas"
            benchmark "policies" on lab {
                device nic0  threads 2  iterations 500  granule 1  direction bidirectional  dma-bits 32
                compare passthrough, strict, lazy
            }
            """;
}

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

    /**
     * A tracefs capture (include/trace/events/dma.h and iommu.h formats, as runtime/src/test/resources/captures): line 6
     * unmaps the mapping of line 5 with another direction (a violation), line 9 is an io_page_fault on the mapping
     * line 8 removed (a use after unmap), line 10 maps for a second device and nothing unmaps it.
     */
    static final String CAPTURE = """
            # tracer: nop
            #
            #           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION
            #              | |         |   |||||     |         |
                 kworker/u16:2-412 [003] ..... 10452.113390: dma_map_page: 0000:02:00.0 dir=TO_DEVICE dma_addr=ffffb000 size=256 phys_addr=11a2b7000 attrs=
                 kworker/u16:2-412 [003] ..... 10452.113611: dma_unmap_page: 0000:02:00.0 dir=FROM_DEVICE dma_addr=ffffb000 size=256 attrs=
                 kworker/u16:2-412 [003] ..... 10452.113700: dma_map_page: 0000:02:00.0 dir=FROM_DEVICE dma_addr=ffff4000 size=4096 phys_addr=11a2b8000 attrs=
                 kworker/u16:2-412 [003] ..... 10452.113800: dma_unmap_page: 0000:02:00.0 dir=FROM_DEVICE dma_addr=ffff4000 size=4096 attrs=
                          <idle>-0 [000] d.h1. 10452.114070: io_page_fault: IOMMU:e1000e 0000:02:00.0 iova=0x00000000ffff4040 flags=0x0001
                 kworker/u16:2-412 [003] ..... 10452.114100: dma_map_page: 0000:03:00.0 dir=TO_DEVICE dma_addr=fff80000 size=4096 phys_addr=11a2c0000 attrs=
            """;
    static final int VIOLATION_LINE = 6, MAPPED_LINE = 5, FAULT_LINE = 9, UNMAPPED_LINE = 8, LIVE_LINE = 10;

    /** A kernel log with dmar.c's dmar_fault_do_one() lines (5.15+), as runtime/src/test/resources/captures/run-42.dmesg. */
    static final String DMESG = """
            [ 3999.912001] e1000e 0000:02:00.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx
            [ 4000.200001] DMAR: DRHD: handling fault status reg 2
            [ 4000.200004] DMAR: [DMA Write NO_PASID] Request device [02:00.0] fault addr 0xffd1d000 [fault reason 0x05] PTE Write access is not set
            [ 4000.300000] dmar_fault: 12 callbacks suppressed
            """;
}

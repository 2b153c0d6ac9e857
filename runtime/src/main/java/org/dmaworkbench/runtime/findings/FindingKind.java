package org.dmaworkbench.runtime.findings;

/**
 * Kinds of security / correctness findings: a DMA that succeeded but should worry a reviewer.
 * None of these is detected by real hardware; they follow from the model (iommu-semantics.md §2,
 * "Checks not done by dma-debug").
 */
public enum FindingKind {
    /** A translation was served from an IOTLB / ATC entry whose page-table entry is gone or changed. */
    STALE_IOTLB("stale-iotlb"),
    /** The access reached memory whose owner was freed (or reallocated since it was mapped). */
    USE_AFTER_FREE("use-after-free"),
    /** Bytes outside the mapped buffer but inside a mapped page were reachable (IOMMU protection is page granular). */
    SUB_PAGE_EXPOSURE("sub-page-exposure"),
    /** Kernel text or read-only data was reachable by the device. */
    KERNEL_TEXT_REACHABLE("kernel-text-reachable"),
    /** A non-coherent device (or a bounce slot) was read before the CPU's write was synced to it. */
    STALE_DATA("stale-data"),
    /** The CPU read a buffer the device wrote without {@code dma_sync_*_for_cpu} / unmap first. */
    CPU_STALE_READ("cpu-stale-read"),
    /** KVA fast mode used a translation of the kernel page table that the CPU has since changed. */
    KVA_STALE_PAGE_TABLE("kva-stale-page-table"),
    /** The device reached memory no mapping of it covers: identity / bypass / KVA fast domains isolate nothing. */
    NO_ISOLATION("no-isolation"),
    /** The device wrote a buffer mapped for reading only: the mapping cannot honour the DMA direction. */
    DIRECTION_NOT_HONOURED("direction-not-honoured");

    private final String dslName;

    FindingKind(String dslName) { this.dslName = dslName; }

    public String dslName() { return dslName; }

    public static FindingKind byDslName(String s) {
        for (FindingKind k : values()) if (k.dslName.equals(s)) return k;
        return null;
    }
}

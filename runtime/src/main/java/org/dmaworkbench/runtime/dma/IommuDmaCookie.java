package org.dmaworkbench.runtime.dma;

/**
 * {@code struct iommu_dma_cookie} (dma-iommu.c): the DMA API's private state in a DMA / DMA-FQ
 * domain, its IOVA allocator and, for DMA-FQ, the flush queue.
 */
public final class IommuDmaCookie {
    private final IovaDomain iovad;
    private FlushQueue fq;

    public IommuDmaCookie(IovaDomain iovad) { this.iovad = iovad; }

    public IovaDomain iovad() { return iovad; }
    public FlushQueue fq() { return fq; }
    public void setFq(FlushQueue fq) { this.fq = fq; }
}

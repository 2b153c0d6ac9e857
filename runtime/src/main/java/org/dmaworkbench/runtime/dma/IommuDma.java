package org.dmaworkbench.runtime.dma;

import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuCore;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * dma-iommu ({@code iommu_dma_map_page} / {@code __iommu_dma_unmap} in drivers/iommu/dma-iommu.c):
 * streaming mappings in the default DMA / DMA-FQ domain: an IOVA from the cookie's allocator, the
 * pages mapped with {@code dma_info_to_prot()}, unmap strict or through the flush queue, and swiotlb
 * bounce for unaligned buffers of untrusted devices ({@code dev_use_swiotlb}).
 */
public final class IommuDma {
    static final long GRANULE_MASK = IovaDomain.GRANULE - 1;

    private final SimContext ctx;
    private final IommuCore core;
    private final Swiotlb swiotlb;
    private final boolean forceDac;

    public IommuDma(SimContext ctx, IommuCore core, Swiotlb swiotlb, boolean forceDac) {
        this.ctx = ctx;
        this.core = core;
        this.swiotlb = swiotlb;
        this.forceDac = forceDac;
    }

    /** {@code iommu_get_dma_domain()}: the default domain when it is a DMA API domain, else null (dma-direct). */
    IommuDomain domain(Device dev) {
        if (dev.iommu() == null || dev.group() == null) return null;
        IommuDomain d = dev.group().defaultDomain();
        return d != null && d.type().isDmaApi() ? d : null;
    }

    /** {@code iommu_dma_map_page()}: the mapping, or null (no IOVA space, no bounce slot, the map failed). */
    DmaMapping map(Device dev, IommuDomain domain, Allocation buf, long offset, long phys, long size, DmaDirection dir,
                   DmaMapping.Type type) {
        IommuDmaCookie cookie = (IommuDmaCookie) domain.dmaCookie();
        long bounce = -1;
        long mapPhys = phys;
        if (dev.isUntrusted() && ((phys | size) & GRANULE_MASK) != 0) {
            // dev_use_swiotlb(): bounce the unaligned buffer; padding in the slot is zeroed
            if (swiotlb == null) {
                ctx.event("DMA bounce buffers are inactive, unable to map unaligned transaction.");
                return null;
            }
            bounce = swiotlb.mapSingle(size, GRANULE_MASK);
            if (bounce < 0) return null;
            swiotlb.copy(size); // swiotlb_tbl_map_single copies in for every direction (info-leak fix)
            mapPhys = bounce;
        }
        long iovaOff = mapPhys & GRANULE_MASK;
        long pages = (iovaOff + size + GRANULE_MASK) >>> IovaDomain.GRANULE_SHIFT;
        long allocPages = roundIovaLen(pages);
        long pfn = allocIova(dev, domain, cookie, allocPages);
        if (pfn == 0) {
            if (bounce >= 0) swiotlb.unmap(bounce, size, GRANULE_MASK);
            return null;
        }
        long iova = pfn << IovaDomain.GRANULE_SHIFT;
        DmaMapping m = new DmaMapping(dev, type, iova + iovaOff, size, dir, buf, offset, phys, bounce, pfn, allocPages, ctx.step());
        int prot = dmaInfoToProt(dir, dev.isCoherent());
        int ret = core.map(domain, iova, mapPhys & ~GRANULE_MASK, pages << IovaDomain.GRANULE_SHIFT, prot, m);
        if (ret != 0) {
            cookie.iovad().free(pfn, allocPages);
            if (bounce >= 0) swiotlb.unmap(bounce, size, GRANULE_MASK);
            return null;
        }
        return m;
    }

    /** {@code iommu_dma_alloc_iova}: small sizes rounded to a power of two; below 4 GiB first for PCI. */
    private long allocIova(Device dev, IommuDomain domain, IommuDmaCookie cookie, long pages) {
        long limit = Long.compareUnsigned(dev.dmaMask(), domain.apertureEnd()) < 0 ? dev.dmaMask() : domain.apertureEnd();
        long limitPfn = limit == -1L ? Long.MAX_VALUE >>> IovaDomain.GRANULE_SHIFT : limit >>> IovaDomain.GRANULE_SHIFT;
        long pfn = 0;
        if (Long.compareUnsigned(limit, 0xffffffffL) > 0 && !forceDac) {
            pfn = cookie.iovad().alloc(pages, 0xffffffffL >>> IovaDomain.GRANULE_SHIFT);
        }
        if (pfn == 0) pfn = cookie.iovad().alloc(pages, limitPfn);
        return pfn;
    }

    static long roundIovaLen(long pages) {
        if (pages < (1L << (IovaDomain.RCACHE_ORDERS - 1)) && Long.bitCount(pages) != 1) return Long.highestOneBit(pages) << 1;
        return pages;
    }

    /** {@code dma_info_to_prot()}: BIDI → R|W, TO_DEVICE → R, FROM_DEVICE → W (readable too on stage-1 tables). */
    static int dmaInfoToProt(DmaDirection dir, boolean coherent) {
        int prot = coherent ? IoMapping.PROT_CACHE : 0;
        if (dir.deviceReads()) prot |= IoMapping.PROT_READ;
        if (dir.deviceWrites()) prot |= IoMapping.PROT_WRITE | IoMapping.PROT_READ;
        return prot;
    }

    /** {@code __iommu_dma_unmap()}: clear PTEs, then strict sync + free, or queue on the flush queue. */
    void unmap(IommuDomain domain, long dmaAddr, long size) {
        IommuDmaCookie cookie = (IommuDmaCookie) domain.dmaCookie();
        long off = dmaAddr & GRANULE_MASK;
        long iova = dmaAddr - off;
        long len = (off + size + GRANULE_MASK) & ~GRANULE_MASK;
        long unmapped = core.unmapFast(domain, iova, len);
        if (unmapped != len) {
            ctx.event(String.format("WARNING: __iommu_dma_unmap: unmapped %d of %d bytes at iova 0x%x", unmapped, len, iova));
        }
        if (unmapped == 0) return;
        long pages = roundIovaLen(len >>> IovaDomain.GRANULE_SHIFT);
        if (cookie.fq() != null) {
            cookie.fq().queue(iova >>> IovaDomain.GRANULE_SHIFT, pages);
        } else {
            core.invalidator().flushRange(domain, iova, unmapped);
            cookie.iovad().free(iova >>> IovaDomain.GRANULE_SHIFT, pages);
        }
    }

    /** The live DMA API mapping behind {@code dmaAddr} in {@code domain}'s page table, or null. */
    static DmaMapping find(IommuDomain domain, long dmaAddr) {
        IoMapping io = domain.pageTable().lookup(dmaAddr);
        return io != null && io.owner() instanceof DmaMapping dm ? dm : null;
    }
}

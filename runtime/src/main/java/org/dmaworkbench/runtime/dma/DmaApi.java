package org.dmaworkbench.runtime.dma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.debug.DebugDevice;
import org.dmaworkbench.runtime.debug.DmaDebug;
import org.dmaworkbench.runtime.debug.SgEntry;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IommuCore;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.AllocationKind;
import org.dmaworkbench.runtime.mem.KernelAddressSpace;
import org.dmaworkbench.runtime.mem.MemoryArea;
import org.dmaworkbench.runtime.mem.PhysicalMemory;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * The dma-mapping façade ({@code dma_map_page_attrs} and friends in kernel/dma/mapping.c): every
 * call reported to dma-debug, cache maintenance for non-coherent devices, swiotlb copies, then
 * dispatch to {@link DmaDirect} (no IOMMU or an identity domain) or {@link IommuDma} (the default
 * DMA / DMA-FQ domain); scatterlists, coherent allocations and the DMA mask on top.
 */
public final class DmaApi {
    /** {@code DMA_MAPPING_ERROR} ((dma_addr_t)~0). */
    public static final long DMA_MAPPING_ERROR = -1L;
    private static final long GRANULE_MASK = IommuDma.GRANULE_MASK;

    /** A mapped scatterlist: the DMA segments and the mappings behind them. */
    public record SgMapping(Device device, List<DmaMapping> segments, int nents, int mappedEnts, DmaDirection dir,
                            List<SgEntry> debugEntries) { }

    /** A coherent allocation: the CPU side and the device side. */
    public record Coherent(Allocation cpu, long dmaAddr, DmaMapping mapping) { }

    private final SimContext ctx;
    private final KernelAddressSpace kas;
    private final Swiotlb swiotlb;
    private final DmaDebug debug;
    private final DmaDirect direct;
    private final IommuDma iommuDma;
    private final Map<Device, DebugDevice> debugDevices = new HashMap<>();
    private final List<DmaMapping> liveBounced = new ArrayList<>();

    public DmaApi(SimContext ctx, IommuCore core, KernelAddressSpace kas, Swiotlb swiotlb, DmaDebug debug, boolean forceDac) {
        this.ctx = ctx;
        this.kas = kas;
        this.swiotlb = swiotlb;
        this.debug = debug;
        this.direct = new DmaDirect(ctx, swiotlb);
        this.iommuDma = new IommuDma(ctx, core, swiotlb, forceDac);
    }

    public DmaDebug debug() { return debug; }
    public Swiotlb swiotlb() { return swiotlb; }

    /** The dma-debug identity of a device: driver name and BDF. */
    public DebugDevice debugDevice(Device dev) {
        return debugDevices.computeIfAbsent(dev, d -> new DebugDevice(d.driver(), d.bdf().toString()));
    }

    /** The domain the DMA API maps into ({@code iommu_get_dma_domain}), or null for dma-direct. */
    public IommuDomain dmaDomain(Device dev) { return iommuDma.domain(dev); }

    // ------------------------------------------------------------------ streaming

    /** {@code dma_map_single(dev, ptr, size, dir)}: vmalloc addresses are rejected (DMA_MAPPING_ERROR). */
    public long mapSingle(Device dev, Allocation buf, long offset, long size, DmaDirection dir) {
        MemoryArea area = buf.area();
        if (debug.isEnabled()) debug.mapSingle(debugDevice(dev), buf.va() + offset, area, size);
        if (area == MemoryArea.VMALLOC || area == MemoryArea.VMAPPED_STACK || area == MemoryArea.MODULE) {
            ctx.event("WARNING: " + dev.bdf() + ": rejecting DMA map of vmalloc memory");
            ctx.counters.mapErrors++;
            return DMA_MAPPING_ERROR;
        }
        return mapPage(dev, buf, offset, size, dir, DmaMapping.Type.SINGLE);
    }

    /** {@code dma_map_page(dev, page, offset, size, dir)} on the pages of {@code buf}. */
    public long mapPage(Device dev, Allocation buf, long offset, long size, DmaDirection dir, DmaMapping.Type type) {
        long limit = Math.max(buf.size(), PhysicalMemory.PAGE_SIZE * buf.pageCount());
        if (size <= 0 || offset < 0 || offset > limit || size > limit - offset) { // without overflow for huge offsets
            ctx.counters.mapErrors++;
            return DMA_MAPPING_ERROR;
        }
        long phys = buf.phys(offset);
        if (!buf.contiguous() && ((phys & PhysicalMemory.PAGE_MASK_LOW) + size > PhysicalMemory.PAGE_SIZE)) {
            // a vmalloc range is not physically contiguous: one page at a time only
            ctx.counters.mapErrors++;
            return DMA_MAPPING_ERROR;
        }
        DmaMapping m = mapPhys(dev, buf, offset, phys, size, dir, type);
        long addr = m == null ? DMA_MAPPING_ERROR : m.dmaAddr();
        if (debug.isEnabled()) {
            debug.mapPage(debugDevice(dev), phys, size, dir, addr, addr == DMA_MAPPING_ERROR, buf.va() + offset, buf.area(), false);
        }
        return addr;
    }

    private DmaMapping mapPhys(Device dev, Allocation buf, long offset, long phys, long size, DmaDirection dir,
                               DmaMapping.Type type) {
        if (!dev.isCoherent()) syncForDeviceCaches(phys, size); // arch_sync_dma_for_device
        IommuDomain domain = dmaDomain(dev);
        DmaMapping m = domain == null ? direct.map(dev, buf, offset, phys, size, dir, type)
                : iommuDma.map(dev, domain, buf, offset, phys, size, dir, type);
        if (m == null) {
            ctx.counters.mapErrors++;
            return null;
        }
        ctx.counters.maps++;
        if (m.isBounced()) liveBounced.add(m);
        if (ctx.recording()) ctx.event(String.format("%s: %s -> dma 0x%x (%s)", dev.bdf(), m.describe(), m.dmaAddr(),
                domain == null ? "dma-direct" : domain.describe() + (m.isBounced() ? ", bounced via swiotlb" : "")));
        return m;
    }

    /** {@code dma_unmap_single/page(dev, addr, size, dir)}: the kernel trusts size and direction; dma-debug does not. */
    public void unmapPage(Device dev, long dmaAddr, long size, DmaDirection dir) {
        if (debug.isEnabled()) debug.unmapPage(debugDevice(dev), dmaAddr, size, dir);
        if (dmaAddr == DMA_MAPPING_ERROR) return;
        IommuDomain domain = dmaDomain(dev);
        DmaMapping m = find(dev, dmaAddr);
        if (m != null && !dev.isCoherent()) syncForCpuCaches(m.devicePhys(), m.size());
        if (m != null && m.isBounced()) {
            if (dir.deviceWrites() || m.dir().deviceWrites()) {
                swiotlb.copy(m.size());
                copyBack(m);
            }
            swiotlb.unmap(m.bouncePhys(), m.size(), domain == null ? 0 : GRANULE_MASK);
        }
        if (domain == null) direct.unmap(dev, dmaAddr);
        else iommuDma.unmap(domain, dmaAddr, size);
        if (m != null) {
            m.markUnmapped(ctx.step());
            if (m.isBounced()) liveBounced.remove(m);
        }
        ctx.counters.unmaps++;
    }

    /** {@code dma_mapping_error(dev, addr)}. */
    public boolean mappingError(Device dev, long dmaAddr) {
        if (debug.isEnabled()) debug.mappingError(debugDevice(dev), dmaAddr);
        return dmaAddr == DMA_MAPPING_ERROR;
    }

    /** The live mapping containing {@code dmaAddr} for {@code dev}, or null. */
    public DmaMapping find(Device dev, long dmaAddr) {
        IommuDomain domain = dmaDomain(dev);
        return domain != null ? IommuDma.find(domain, dmaAddr) : direct.find(dev, dmaAddr);
    }

    // ------------------------------------------------------------------ sync

    /** {@code dma_sync_single_for_cpu}: invalidate caches, copy a bounce slot back. */
    public void syncSingleForCpu(Device dev, long dmaAddr, long size, DmaDirection dir) {
        if (debug.isEnabled()) debug.syncSingleForCpu(debugDevice(dev), dmaAddr, size, dir);
        DmaMapping m = find(dev, dmaAddr);
        if (m == null) return;
        if (!dev.isCoherent()) syncForCpuCaches(m.devicePhys() + (dmaAddr - m.dmaAddr()), size);
        if (m.isBounced() && dir != DmaDirection.TO_DEVICE) {
            swiotlb.copy(size);
            copyBack(m);
        }
    }

    /** {@code dma_sync_single_for_device}: clean caches, copy into a bounce slot. */
    public void syncSingleForDevice(Device dev, long dmaAddr, long size, DmaDirection dir) {
        if (debug.isEnabled()) debug.syncSingleForDevice(debugDevice(dev), dmaAddr, size, dir);
        DmaMapping m = find(dev, dmaAddr);
        if (m == null) return;
        if (!dev.isCoherent()) syncForDeviceCaches(m.phys() + (dmaAddr - m.dmaAddr()), size);
        if (m.isBounced() && dir != DmaDirection.FROM_DEVICE) {
            swiotlb.copy(size);
            m.origDirty = false;
        }
    }

    private void copyBack(DmaMapping m) {
        m.bounceDirty = false;
        for (long pa = m.phys() & ~PhysicalMemory.PAGE_MASK_LOW; pa < m.phys() + m.size(); pa += PhysicalMemory.PAGE_SIZE) {
            kas.memory().cacheInvalidated(pa >>> PhysicalMemory.PAGE_SHIFT);
        }
    }

    private void syncForDeviceCaches(long phys, long size) {
        for (long pa = phys & ~PhysicalMemory.PAGE_MASK_LOW; pa < phys + size; pa += PhysicalMemory.PAGE_SIZE) {
            if (kas.memory().isValidPfn(pa >>> PhysicalMemory.PAGE_SHIFT)) kas.memory().cacheCleaned(pa >>> PhysicalMemory.PAGE_SHIFT);
        }
    }

    private void syncForCpuCaches(long phys, long size) {
        for (long pa = phys & ~PhysicalMemory.PAGE_MASK_LOW; pa < phys + size; pa += PhysicalMemory.PAGE_SIZE) {
            if (kas.memory().isValidPfn(pa >>> PhysicalMemory.PAGE_SHIFT)) kas.memory().cacheInvalidated(pa >>> PhysicalMemory.PAGE_SHIFT);
        }
    }

    // ------------------------------------------------------------------ scatter-gather

    /** One scatterlist element as the driver fills it: a buffer, offset and length. */
    public record SgElement(Allocation buffer, long offset, long length) { }

    /**
     * {@code dma_map_sg(dev, sg, nents, dir)}: each element mapped; returns the mapping, whose
     * {@code mappedEnts} is 0 on failure (dma_map_sg returns 0).
     */
    public SgMapping mapSg(Device dev, List<SgElement> sg, DmaDirection dir) {
        List<DmaMapping> segs = new ArrayList<>();
        List<SgEntry> dbg = new ArrayList<>();
        for (SgElement e : sg) {
            long phys = e.buffer().phys(e.offset());
            DmaMapping m = mapPhys(dev, e.buffer(), e.offset(), phys, e.length(), dir, DmaMapping.Type.SG);
            if (m == null) {
                for (DmaMapping done : segs) unmapQuiet(dev, done);
                return new SgMapping(dev, List.of(), sg.size(), 0, dir, List.of());
            }
            segs.add(m);
            dbg.add(new SgEntry(phys, e.length(), m.dmaAddr(), e.length(), e.buffer().area(), e.buffer().va() + e.offset()));
        }
        if (debug.isEnabled()) debug.mapSg(debugDevice(dev), dbg, sg.size(), segs.size(), dir);
        return new SgMapping(dev, segs, sg.size(), segs.size(), dir, dbg);
    }

    private void unmapQuiet(Device dev, DmaMapping m) {
        IommuDomain domain = dmaDomain(dev);
        if (domain == null) direct.unmap(dev, m.dmaAddr());
        else iommuDma.unmap(domain, m.dmaAddr(), m.size());
        m.markUnmapped(ctx.step());
    }

    /** {@code dma_unmap_sg(dev, sg, nents, dir)}. */
    public void unmapSg(Device dev, SgMapping sg, int nents, DmaDirection dir) {
        if (debug.isEnabled()) debug.unmapSg(debugDevice(dev), sg.debugEntries(), nents, dir);
        for (DmaMapping m : sg.segments()) {
            if (m.isUnmapped()) continue;
            if (!dev.isCoherent()) syncForCpuCaches(m.devicePhys(), m.size());
            if (m.isBounced()) swiotlb.unmap(m.bouncePhys(), m.size(), GRANULE_MASK);
            unmapQuiet(dev, m);
            ctx.counters.unmaps++;
        }
    }

    /** {@code dma_sync_sg_for_cpu} / {@code dma_sync_sg_for_device}. */
    public void syncSg(Device dev, SgMapping sg, int nents, DmaDirection dir, boolean forCpu) {
        if (debug.isEnabled()) {
            if (forCpu) debug.syncSgForCpu(debugDevice(dev), sg.debugEntries(), nents, dir);
            else debug.syncSgForDevice(debugDevice(dev), sg.debugEntries(), nents, dir);
        }
        for (DmaMapping m : sg.segments()) {
            if (dev.isCoherent()) continue;
            if (forCpu) syncForCpuCaches(m.devicePhys(), m.size());
            else syncForDeviceCaches(m.phys(), m.size());
        }
    }

    // ------------------------------------------------------------------ coherent

    /** {@code dma_alloc_coherent(dev, size, &handle, GFP_KERNEL)}; null on failure. */
    public Coherent allocCoherent(Device dev, String name, long size) {
        Allocation cpu = kas.allocContiguous(AllocationKind.COHERENT, name, size, MemoryArea.DIRECT_MAP, ctx.step());
        if (cpu == null) return null;
        DmaMapping m = mapPhys(dev, cpu, 0, cpu.phys(0), size, DmaDirection.BIDIRECTIONAL, DmaMapping.Type.COHERENT);
        if (m == null) {
            kas.free(cpu, ctx.step());
            return null;
        }
        if (debug.isEnabled()) debug.allocCoherent(debugDevice(dev), size, m.dmaAddr(), cpu.va(), cpu.phys(0));
        return new Coherent(cpu, m.dmaAddr(), m);
    }

    /** {@code dma_free_coherent(dev, size, cpu_addr, handle)}. */
    public void freeCoherent(Device dev, long size, Allocation cpu, long dmaAddr) {
        if (debug.isEnabled()) debug.freeCoherent(debugDevice(dev), size, cpu.va(), dmaAddr);
        DmaMapping m = find(dev, dmaAddr);
        if (m != null) {
            unmapQuiet(dev, m);
            ctx.counters.unmaps++;
        }
        kas.free(cpu, ctx.step());
    }

    /** {@code dma_set_mask(dev, DMA_BIT_MASK(bits))}: -EIO when the mask is too small to be supported. */
    public int setMask(Device dev, int bits) {
        if (bits < 24 || bits > 64) return Errno.EIO.ret();
        dev.setDmaMaskBits(bits);
        return 0;
    }

    /** Records that the CPU wrote the original buffer of a bounced mapping (the bounce slot is now behind). */
    public void cpuWroteBuffer(Device dev, DmaMapping m) { m.origDirty = true; }

    /** Records a device write into a bounced mapping's slot. */
    public void deviceWroteBounce(DmaMapping m) { m.bounceDirty = true; }

    /** A live, bounced streaming mapping of {@code buf} for {@code dev}, or null. */
    public DmaMapping liveBouncedFor(Device dev, Allocation buf) {
        for (DmaMapping m : liveBounced) if (m.device() == dev && m.buffer() == buf && !m.isUnmapped()) return m;
        return null;
    }

    /** Live mappings of a device through dma-direct (for tests and reports). */
    public int directMappings(Device dev) { return direct.mappings(dev); }
}

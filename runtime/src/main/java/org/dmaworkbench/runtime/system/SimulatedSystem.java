package org.dmaworkbench.runtime.system;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.cost.CostModel;
import org.dmaworkbench.runtime.debug.DmaDebug;
import org.dmaworkbench.runtime.device.DeviceDmaEngine;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.dma.FlushQueue;
import org.dmaworkbench.runtime.dma.IommuDmaCookie;
import org.dmaworkbench.runtime.dma.IovaDomain;
import org.dmaworkbench.runtime.dma.Swiotlb;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.dmaworkbench.runtime.iommu.DefaultDomainPolicy;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.DomainType;
import org.dmaworkbench.runtime.iommu.IommuArch;
import org.dmaworkbench.runtime.iommu.IommuCore;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.IommuInstance;
import org.dmaworkbench.runtime.kva.RfcDmaPasid;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.AllocationKind;
import org.dmaworkbench.runtime.mem.KernelAddressSpace;
import org.dmaworkbench.runtime.mem.MemoryArea;
import org.dmaworkbench.runtime.mem.PhysicalMemory;
import org.dmaworkbench.runtime.platform.BootParams;
import org.dmaworkbench.runtime.platform.KconfigDefault;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.program.SpecLimits;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * One booted machine: memory, kernel address space, IOMMU instances, devices with their groups and
 * default domains, the DMA API, dma-debug, the RFC APIs and the device-side DMA engine, wired as
 * the kernel wires them at boot ({@code iommu_subsys_init}, {@code iommu_probe_device},
 * {@code swiotlb_init}, {@code dma_debug_init}).
 */
public final class SimulatedSystem {
    public static final long SWIOTLB_SIZE = 64L << 20;

    public final SimContext ctx;
    public final PhysicalMemory memory;
    public final KernelAddressSpace kernel;
    public final BootParams params;
    public final IommuCore iommu;
    public final DmaDebug dmaDebug;
    public final DmaApi dma;
    public final RfcDmaPasid rfc;
    public final org.dmaworkbench.runtime.iommu.IommuSva sva;
    public final DeviceDmaEngine engine;
    public final org.dmaworkbench.runtime.mem.CpuAccess cpu;
    private final Map<String, IommuInstance> iommus = new LinkedHashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final List<IommuDomain> fqDomains = new ArrayList<>();
    private final List<String> bootLog = new ArrayList<>();

    private SimulatedSystem(PlatformSpec p, boolean recordEvents) {
        SpecLimits.Problem problem = SpecLimits.platform(p);
        for (IommuSpec s : p.iommus()) if (problem == null) problem = SpecLimits.iommu(s);
        if (problem != null) throw new IllegalArgumentException(problem.message());
        this.ctx = new SimContext(costModel(p.costOverrides()), recordEvents);
        this.params = BootParams.parse(p.cmdline());
        long mem = Math.max(256, p.memoryMiB()) << 20;
        this.memory = new PhysicalMemory(mem, (KernelAddressSpace.KERNEL_PHYS + (64L << 20)) >>> PhysicalMemory.PAGE_SHIFT);
        this.kernel = new KernelAddressSpace(memory);
        KconfigDefault k = KconfigDefault.parse(p.defaultDomain() == null ? "lazy" : p.defaultDomain());
        DefaultDomainPolicy policy = new DefaultDomainPolicy(k == null ? KconfigDefault.LAZY : k, params);
        this.iommu = new IommuCore(ctx, policy, this::initDmaCookie);
        this.dmaDebug = new DmaDebug();
        dmaDebug.setEnabled(params.dmaDebug);
        Swiotlb sw = null;
        if (params.swiotlb) {
            Allocation pool = kernel.allocContiguous(AllocationKind.SWIOTLB, "io_tlb_default_mem", SWIOTLB_SIZE, MemoryArea.SWIOTLB, 0);
            sw = new Swiotlb(ctx, pool);
        }
        this.dma = new DmaApi(ctx, iommu, kernel, sw, dmaDebug, params.forceDac);
        this.sva = new org.dmaworkbench.runtime.iommu.IommuSva(ctx, iommu);
        this.rfc = new RfcDmaPasid(ctx, iommu, dma, kernel, params.kva);
        this.engine = new DeviceDmaEngine(ctx, memory, dma, rfc::intents);
        this.cpu = new org.dmaworkbench.runtime.mem.CpuAccess(memory);
        if (params.svaKvaFlush) {
            // "iommu/sva: invalidate stale IOTLB entries for kernel address space" (2025)
            kernel.pageTable().setChangeListener(() -> rfc.kernelSharingDomains().forEach(iommu.invalidator()::flushAll));
        }
        for (IommuSpec s : p.iommus()) {
            IommuArch arch = IommuArch.byName(s.arch());
            if (arch == null) throw new IllegalArgumentException("unknown IOMMU architecture '" + s.arch() + "'");
            IommuInstance inst = new IommuInstance(s.name(), arch, s.addressWidth(), s.pasidBits(), s.fqEntries(),
                    s.fqTimeoutMs() * 1_000_000L, ctx);
            inst.setQuirkInvalidateRidOnly(s.quirkInvalidateRidOnly());
            iommus.put(s.name(), inst);
        }
        bootLog.add(policy.logLine());
        for (String u : params.unknown()) bootLog.add("Unknown kernel command line parameter \"" + u + "\", ignored");
    }

    /** Boots a platform with its devices; each device gets its group and default domain. */
    public static SimulatedSystem boot(PlatformSpec p, List<DeviceSpec> devs, boolean recordEvents) {
        SimulatedSystem s = new SimulatedSystem(p, recordEvents);
        for (DeviceSpec d : devs) s.addDevice(d);
        s.ctx.events.drain();
        return s;
    }

    private static CostModel costModel(Map<String, Long> overrides) {
        CostModel base = CostModel.defaults();
        if (overrides == null || overrides.isEmpty()) return base;
        try {
            RecordComponent[] rc = CostModel.class.getRecordComponents();
            Object[] vals = new Object[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                Long o = overrides.get(rc[i].getName());
                vals[i] = o != null ? o : rc[i].getAccessor().invoke(base);
                types[i] = rc[i].getType();
            }
            return CostModel.class.getDeclaredConstructor(types).newInstance(vals);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Device addDevice(DeviceSpec d) {
        SpecLimits.Problem problem = SpecLimits.device(d);
        if (problem != null) throw new IllegalArgumentException(problem.message());
        IommuInstance inst = d.iommu() == null ? null : iommus.get(d.iommu());
        if (d.iommu() != null && inst == null) throw new IllegalArgumentException("device " + d.name() + ": unknown IOMMU " + d.iommu());
        Bdf bdf = d.bdf() == null ? null : Bdf.parse(d.bdf());
        if (bdf == null) throw new IllegalArgumentException("device " + d.name() + ": malformed BDF " + d.bdf());
        Device dev = new Device(d.name(), bdf, inst, d.pasidBits(), d.ats(), d.satc(), d.coherent(), d.externalFacing(),
                d.requireDirect(), d.dmaMaskBits(), d.driver());
        devices.put(d.name(), dev);
        if (inst != null) {
            int ret = iommu.probeDevice(dev, null);
            if (ret != 0) bootLog.add(dev.describe() + ": iommu probe failed " + Errno.describe(ret));
            if (dev.isUntrusted()) bootLog.add("pci " + bdf + ": marking as untrusted (below an external-facing port)");
        }
        return dev;
    }

    /** {@code iommu_dma_init_domain}: the IOVA allocator, and the flush queue for DMA-FQ. */
    private void initDmaCookie(IommuDomain d) {
        IommuDmaCookie cookie = d.dmaCookie() instanceof IommuDmaCookie c ? c : null;
        if (cookie == null) {
            long end = d.apertureEnd() == -1L ? (Long.MAX_VALUE >>> IovaDomain.GRANULE_SHIFT) : d.apertureEnd() >>> IovaDomain.GRANULE_SHIFT;
            cookie = new IommuDmaCookie(new IovaDomain(ctx, 1, end));
            d.setDmaCookie(cookie);
        }
        if (d.type() == DomainType.DMA_FQ && cookie.fq() == null) {
            IommuInstance inst = d.iommu();
            cookie.setFq(new FlushQueue(ctx, d, cookie.iovad(), iommu.invalidator(), inst.fqEntries(), inst.fqTimeoutNs()));
            fqDomains.add(d);
        }
    }

    public Device device(String name) { return devices.get(name); }
    public Map<String, Device> devices() { return devices; }
    public IommuInstance iommuInstance(String name) { return iommus.get(name); }
    public Map<String, IommuInstance> iommus() { return iommus; }
    public List<String> bootLog() { return bootLog; }

    /** Lets simulated time pass and fires due flush-queue timers. */
    public void advance(long ns) {
        ctx.clock.advance(ns);
        tick();
    }

    /** Fires the flush-queue timers that are due. */
    public void tick() {
        for (IommuDomain d : fqDomains) {
            FlushQueue fq = ((IommuDmaCookie) d.dmaCookie()).fq();
            if (fq != null) fq.tick();
        }
    }
}

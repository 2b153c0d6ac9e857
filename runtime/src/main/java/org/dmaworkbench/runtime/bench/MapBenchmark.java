package org.dmaworkbench.runtime.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.PasidAllocator;
import org.dmaworkbench.runtime.kva.DmaPasidMode;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.PhysicalMemory;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.run.RunCancelledException;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.sim.SimContext;
import org.dmaworkbench.runtime.system.SimulatedSystem;

/**
 * The simulator's {@code dma_map_benchmark} (kernel/dma/map_benchmark.c, Barry Song 2020): boots the
 * platform with one device under a {@link Policy}, then each simulated thread loops
 * <ol>
 * <li>{@code memset(buf, 0x66, size)} unless FROM_DEVICE (a CPU write: dirties the cache for a
 *     non-coherent device; simulated time passes at the cost model's copy bandwidth);</li>
 * <li>{@code dma_map_single} (or {@code dma_map_sg}, or {@code iommu_map_kva}) timed;</li>
 * <li>{@code ndelay(dma_trans_ns)}: simulated time passes, due flush-queue timers fire;</li>
 * <li>{@code dma_unmap_single} (…) timed.</li>
 * </ol>
 * Latency is the CPU time the operation charged to the simulated clock ({@code ctx.clock.take()}
 * before and after). N threads are simulated as N CPUs taking turns (round robin over
 * {@code ctx.setCpu(i)}, so each has its own flush-queue ring) while the invalidation queue is told
 * that N CPUs contend for it ({@code setContendingCpus(N)}, {@code CostModel.contentionNs}). Work that
 * runs outside the measured calls (timer flushes, memset) is not attributed to any sample.
 */
public final class MapBenchmark {
    private MapBenchmark() { }

    /** Runs one policy; throws {@link MapBenchmarkException} where the kernel's ioctl would fail. */
    public static MapBenchmarkResult run(PlatformSpec platform, DeviceSpec device, MapBenchmarkParams params, Policy policy) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(policy, "policy");
        params.requireValid();
        SimulatedSystem sys = SimulatedSystem.boot(policy.apply(platform), List.of(device), false);
        SimContext ctx = sys.ctx;
        Device dev = sys.device(device.name());
        String devName = dev.bdf().toString();

        // dma_set_mask(map->dev, DMA_BIT_MASK(dma_bits)), restored when done
        int oldBits = dev.dmaMaskBits();
        if (sys.dma.setMask(dev, params.dmaBits()) != 0) {
            throw new MapBenchmarkException(Errno.EINVAL, "failed to set dma_mask on device " + devName);
        }
        try {
            if (dev.iommu() != null) sys.iommuInstance(dev.iommu().name()).queue().setContendingCpus(params.threads());

            int threads = params.threads();
            long size = params.sizeBytes();
            int order = 64 - Long.numberOfLeadingZeros(params.granule() - 1L); // get_order(size)
            Allocation[] bufs = new Allocation[threads];
            for (int t = 0; t < threads; t++) {
                bufs[t] = sys.kernel.allocPages("map_benchmark buf " + t, order, 0);
                if (bufs[t] == null) throw new MapBenchmarkException(Errno.ENOMEM, "cannot allocate the buffer of thread " + t);
            }
            Ops ops = policy.isKva() ? new KvaOps(sys, dev, bufs, params) : params.mode() == MapMode.SG
                    ? new SgOps(sys.dma, dev, bufs, params) : new SingleOps(sys.dma, dev, bufs, params);

            boolean memset = params.direction() != DmaDirection.FROM_DEVICE;
            long memsetNs = ctx.cost.bounceCopyNs(size);
            LatencyStats map = new LatencyStats();
            LatencyStats unmap = new LatencyStats();
            Map<String, Long> before = ctx.counters.asMap();
            long start = ctx.clock.now();
            for (long i = 0; i < params.iterations(); i++) {
                if ((i & 255) == 0) RunCancelledException.check();
                for (int t = 0; t < threads; t++) {
                    ctx.setCpu(t);
                    if (memset) {
                        long first = bufs[t].firstPfn();
                        for (int pg = 0; pg < params.granule(); pg++) sys.memory.cpuWrote(first + pg, ctx.step());
                        sys.advance(memsetNs);
                    }
                    ctx.clock.take();
                    boolean ok = ops.map(t);
                    long mapNs = ctx.clock.take();
                    if (!ok) throw new MapBenchmarkException(Errno.ENOMEM, ops.failure(devName));
                    if (params.transDelayNs() > 0) sys.advance(params.transDelayNs());
                    ctx.clock.take();
                    ops.unmap(t);
                    long unmapNs = ctx.clock.take();
                    map.add(mapNs);
                    unmap.add(unmapNs);
                    sys.tick();
                }
            }
            long total = ctx.clock.now() - start;
            Map<String, Long> after = ctx.counters.asMap();
            Map<String, Long> delta = new LinkedHashMap<>();
            after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
            return new MapBenchmarkResult(policy, params, ops.domain(), map.count(),
                    map.meanNs(), map.stddevNs(), unmap.meanNs(), unmap.stddevNs(),
                    map.avg100ns(), map.stddev100ns(), unmap.avg100ns(), unmap.stddev100ns(), total, Map.copyOf(delta));
        } finally {
            dev.setDmaMaskBits(oldBits);
        }
    }

    /**
     * Runs every policy with the same parameters, each on a freshly booted platform. Invalid parameters
     * throw; a policy the platform refuses (e.g. KVA for an untrusted device) becomes a row with its error.
     */
    public static BenchmarkTable compare(PlatformSpec platform, DeviceSpec device, MapBenchmarkParams params,
                                         List<Policy> policies) {
        params.requireValid();
        List<BenchmarkTable.Row> rows = new ArrayList<>();
        for (Policy p : policies) {
            try {
                rows.add(BenchmarkTable.Row.of(run(platform, device, params, p)));
            } catch (MapBenchmarkException e) {
                rows.add(BenchmarkTable.Row.failed(p, e.getMessage()));
            }
        }
        return new BenchmarkTable((platform.name() == null ? "" : platform.name() + " / ") + device.name(), params, rows);
    }

    // ------------------------------------------------------------------ the measured operations

    /** One policy's map and unmap of thread {@code t}'s buffer. */
    private interface Ops {
        boolean map(int t);
        void unmap(int t);
        String failure(String devName);
        String domain();
    }

    private static String dmaDomainName(DmaApi dma, Device dev) {
        IommuDomain d = dma.dmaDomain(dev);
        if (d != null) return d.describe();
        if (dev.group() != null && dev.group().domain() != null) return dev.group().domain().describe() + " (dma-direct)";
        return "dma-direct (no IOMMU)";
    }

    /** {@code dma_map_single} / {@code dma_unmap_single}. */
    private static final class SingleOps implements Ops {
        private final DmaApi dma;
        private final Device dev;
        private final Allocation[] bufs;
        private final long size;
        private final DmaDirection dir;
        private final long[] addr;

        SingleOps(DmaApi dma, Device dev, Allocation[] bufs, MapBenchmarkParams p) {
            this.dma = dma;
            this.dev = dev;
            this.bufs = bufs;
            this.size = p.sizeBytes();
            this.dir = p.direction();
            this.addr = new long[bufs.length];
        }

        @Override public boolean map(int t) {
            addr[t] = dma.mapSingle(dev, bufs[t], 0, size, dir);
            return !dma.mappingError(dev, addr[t]);
        }

        @Override public void unmap(int t) { dma.unmapPage(dev, addr[t], size, dir); }
        @Override public String failure(String devName) { return "dma_map_single failed on " + devName; }
        @Override public String domain() { return dmaDomainName(dma, dev); }
    }

    /** {@code dma_map_sg} / {@code dma_unmap_sg} of {@code granule} PAGE_SIZE entries. */
    private static final class SgOps implements Ops {
        private final DmaApi dma;
        private final Device dev;
        private final DmaDirection dir;
        private final List<List<DmaApi.SgElement>> lists = new ArrayList<>();
        private final DmaApi.SgMapping[] mapped;

        SgOps(DmaApi dma, Device dev, Allocation[] bufs, MapBenchmarkParams p) {
            this.dma = dma;
            this.dev = dev;
            this.dir = p.direction();
            this.mapped = new DmaApi.SgMapping[bufs.length];
            for (Allocation b : bufs) {
                List<DmaApi.SgElement> l = new ArrayList<>(p.granule());
                for (int i = 0; i < p.granule(); i++) {
                    l.add(new DmaApi.SgElement(b, (long) i << PhysicalMemory.PAGE_SHIFT, PhysicalMemory.PAGE_SIZE));
                }
                lists.add(List.copyOf(l));
            }
        }

        @Override public boolean map(int t) {
            mapped[t] = dma.mapSg(dev, lists.get(t), dir);
            return mapped[t].mappedEnts() > 0;
        }

        @Override public void unmap(int t) { dma.unmapSg(dev, mapped[t], mapped[t].nents(), dir); }
        @Override public String failure(String devName) { return "dma_map_sg failed on " + devName; }
        @Override public String domain() { return dmaDomainName(dma, dev); }
    }

    /** The RFC's {@code iommu_map_kva} / {@code iommu_unmap_kva} on the KVA PASID's domain. */
    private static final class KvaOps implements Ops {
        private final SimulatedSystem sys;
        private final IommuDomain domain;
        private final Allocation[] bufs;
        private final long size;
        private final int pages;
        private final boolean sg;
        private final int prot;
        private int lastError;

        KvaOps(SimulatedSystem sys, Device dev, Allocation[] bufs, MapBenchmarkParams p) {
            this.sys = sys;
            this.bufs = bufs;
            this.size = p.sizeBytes();
            this.pages = p.granule();
            this.sg = p.mode() == MapMode.SG;
            int pasid = sys.rfc.enable(dev, DmaPasidMode.KVA);
            if (pasid == PasidAllocator.IOMMU_PASID_INVALID) {
                throw new MapBenchmarkException(Errno.EINVAL, "iommu_dma_pasid_enable(KVA) failed on " + dev.bdf()
                        + (dev.maxPasids() == 0 ? ": no PASID capability" : ": refused by platform policy"));
            }
            this.domain = sys.rfc.domainOf(dev, pasid);
            this.prot = prot(p.direction(), dev.isCoherent());
        }

        /** {@code dma_info_to_prot()}. */
        private static int prot(DmaDirection dir, boolean coherent) {
            int prot = coherent ? IoMapping.PROT_CACHE : 0;
            if (dir.deviceReads()) prot |= IoMapping.PROT_READ;
            if (dir.deviceWrites()) prot |= IoMapping.PROT_WRITE | IoMapping.PROT_READ;
            return prot;
        }

        @Override public boolean map(int t) {
            long va = bufs[t].va();
            if (!sg) {
                lastError = sys.rfc.mapKva(domain, va, size, prot);
                return lastError == 0;
            }
            for (int i = 0; i < pages; i++) {
                lastError = sys.rfc.mapKva(domain, va + ((long) i << PhysicalMemory.PAGE_SHIFT), PhysicalMemory.PAGE_SIZE, prot);
                if (lastError != 0) {
                    for (int j = 0; j < i; j++) sys.rfc.unmapKva(domain, va + ((long) j << PhysicalMemory.PAGE_SHIFT), PhysicalMemory.PAGE_SIZE);
                    return false;
                }
            }
            return true;
        }

        @Override public void unmap(int t) {
            long va = bufs[t].va();
            if (!sg) {
                sys.rfc.unmapKva(domain, va, size);
                return;
            }
            for (int i = 0; i < pages; i++) sys.rfc.unmapKva(domain, va + ((long) i << PhysicalMemory.PAGE_SHIFT), PhysicalMemory.PAGE_SIZE);
        }

        @Override public String failure(String devName) {
            return "iommu_map_kva failed on " + devName + " (" + Errno.describe(lastError) + ")";
        }

        @Override public String domain() { return domain.describe(); }
    }
}

package org.dmaworkbench.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.DomainType;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the simulator's hot path on one core: one {@code dma_map_single} + a device DMA read
 * of the mapped page through the IOMMU ({@code engine.access}) + {@code dma_unmap_single}, in strict
 * mode ({@code iommu.strict=1}: every unmap invalidates the IOTLB and syncs), dma-debug off
 * ({@code dma_debug=off}), events not recorded. Goal: at least 5 million triples/s and within 10× of
 * {@link #hashMapBaseline}, a bare {@code HashMap<Long,Object>} put + get + remove (the same three
 * operations on the least bookkeeping that could represent them).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StrictTriple -f 1 -wi 2 -w 2s -i 3 -r 3s</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class StrictTripleBenchmark {
    static final long SIZE = 4096;
    static final DmaDirection DIR = DmaDirection.TO_DEVICE;

    private SimulatedSystem system;
    private Device dev;
    private Allocation buf;

    private HashMap<Long, Object> map;
    private Object value;
    private long nextKey;

    /** The platform the triple runs on: one SMMUv3, Kconfig lazy overridden by iommu.strict=1, dma-debug off. */
    static SimulatedSystem bootStrict(long memoryMiB) {
        PlatformSpec p = new PlatformSpec("bench-strict", List.of(IommuSpec.of("smmu0", "arm-smmuv3")), "lazy",
                "iommu.strict=1 dma_debug=off", memoryMiB, 1, Map.of());
        return SimulatedSystem.boot(p, List.of(DeviceSpec.of("nic", "0000:01:00.0", "smmu0")), false);
    }

    @Setup
    public void setup() {
        system = bootStrict(512);
        dev = system.device("nic");
        buf = system.kernel.allocPages("rx buffer", 0, 0);
        if (system.dmaDebug.isEnabled()) throw new IllegalStateException("dma-debug should be off");
        if (system.dma.dmaDomain(dev) == null || system.dma.dmaDomain(dev).type() != DomainType.DMA) {
            throw new IllegalStateException("expected a strict DMA domain, got " + system.dma.dmaDomain(dev));
        }
        DmaOutcome o = strictTriple();
        if (!o.ok() || !o.findings().isEmpty()) throw new IllegalStateException("triple does not run cleanly: " + o);

        map = new HashMap<>();
        value = new Object();
    }

    @Benchmark
    public DmaOutcome strictTriple() {
        long addr = system.dma.mapSingle(dev, buf, 0, SIZE, DIR);
        if (addr == DmaApi.DMA_MAPPING_ERROR) throw new IllegalStateException("dma_map_single failed");
        DmaOutcome o = system.engine.access(dev, null, addr, SIZE, AccessType.READ);
        system.dma.unmapPage(dev, addr, SIZE, DIR);
        return o;
    }

    @Benchmark
    public Object hashMapBaseline() {
        Long k = (nextKey++ & 0xfffffL) << 12; // an IOVA-like key; boxed as a naive implementation would
        map.put(k, value);
        Object o = map.get(k);
        map.remove(k);
        return o;
    }
}

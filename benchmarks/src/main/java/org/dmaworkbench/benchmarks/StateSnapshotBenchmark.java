package org.dmaworkbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.state.DomainState;
import org.dmaworkbench.runtime.state.IommuState;
import org.dmaworkbench.runtime.state.StateSnapshot;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One state snapshot ({@link StateSnapshot#take}: what {@code ./dmas run --state} and the IOMMU State
 * view show after a step) of a machine whose DMA domain holds 10,000 live 4 KiB mappings, every one
 * of them cached in the IOTLB by a device read: the page table read as mappings and as a tree by level,
 * 10,000 IOTLB entries checked for staleness, the IOVA allocator's ranges, dma-debug off. Goal: at
 * most 5 ms.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StateSnapshot -f 1 -wi 3 -i 5</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class StateSnapshotBenchmark {
    static final int MAPPINGS = 10_000;

    private SimulatedSystem system;

    @Setup
    public void setup() {
        system = StrictTripleBenchmark.bootStrict(512);
        Device dev = system.device("nic");
        Allocation buf = system.kernel.allocPages("rx buffer", 0, 0);
        for (int i = 0; i < MAPPINGS; i++) {
            long a = system.dma.mapSingle(dev, buf, 0, 4096, DmaDirection.TO_DEVICE);
            if (a == DmaApi.DMA_MAPPING_ERROR) throw new IllegalStateException("dma_map_single failed at " + i);
            if (!system.engine.access(dev, null, a, 64, AccessType.READ).ok()) throw new IllegalStateException("read failed at " + i);
        }
        DomainState d = snapshot().domain(system.dma.dmaDomain(dev).id());
        if (d.pageTable().mappings().size() != MAPPINGS || d.iotlb().size() != MAPPINGS) {
            throw new IllegalStateException("expected " + MAPPINGS + " mappings and IOTLB entries, got "
                    + d.pageTable().mappings().size() + " / " + d.iotlb().size());
        }
    }

    @Benchmark
    public IommuState snapshot() {
        return StateSnapshot.take(system, 1, List.of());
    }
}

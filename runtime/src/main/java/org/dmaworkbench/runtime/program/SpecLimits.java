package org.dmaworkbench.runtime.program;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.cost.CostModel;

/**
 * The ranges the simulator accepts for what a platform and its devices declare, one rule for
 * every way in: the runtime refuses to boot outside them, the compiled-program reader names the
 * JSON path, and the language's validator can use the same constants. Each method returns the
 * problem as one line, or null.
 */
public final class SpecLimits {
    /** 64 TiB: x86-64's MAX_PHYSMEM_BITS (46) with 4-level paging. */
    public static final long MAX_MEMORY_MIB = 1L << 26;
    /** The PCIe PASID capability, VT-d PASID tables and SMMUv3 SSIDSIZE: at most 20 bits. */
    public static final int MAX_PASID_BITS = 20;
    /** IOMMU input address widths: 1..64 bits (real tables translate 39, 48 or 57). */
    public static final int MAX_ADDRESS_WIDTH = 64;
    /** {@code DMA_BIT_MASK(n)}: below 12 bits not one 4 KiB page is addressable. */
    public static final int MIN_DMA_MASK_BITS = 12, MAX_DMA_MASK_BITS = 64;
    /** CONFIG_NR_CPUS with CONFIG_MAXSMP on x86-64. */
    public static final int MAX_CPUS = 8192;
    /** {@code IOVA_SINGLE_FQ_SIZE}: the kernel's largest flush queue. */
    public static final int MAX_FQ_ENTRIES = 32768;
    /** Flush-queue timeout at most one hour (the kernel's is 10 ms). */
    public static final long MAX_FQ_TIMEOUT_MS = 3_600_000L;

    /** How often a step may run through {@code repeat}s: one count, and the product of nested counts. */
    public static final int MAX_REPEAT = 1_000_000;

    /** {@code DMA_MAP_MAX_THREADS} (kernel/dma/map_benchmark.c). */
    public static final int MAX_BENCH_THREADS = 1024;
    /** The granule limit of {@code map_benchmark_ioctl()}, in pages. */
    public static final int MAX_BENCH_GRANULE = 1024;
    /** {@code DMA_MAP_MAX_TRANS_DELAY}: 10 * NSEC_PER_MSEC. */
    public static final long MAX_BENCH_TRANS_DELAY_NS = 10_000_000L;
    /** Map/unmap loops of one policy in all (threads x iterations): the simulator's bound, so that a run ends in minutes. */
    public static final long MAX_BENCH_TOTAL_ITERATIONS = 100_000_000L;

    /** The cost model's components, by name (what a platform's {@code cost NAME N ns} may override). */
    public static final List<String> COSTS =
            Arrays.stream(CostModel.class.getRecordComponents()).map(RecordComponent::getName).toList();

    /** What is out of range: the record component and why. */
    public record Problem(String component, String message) { }

    private SpecLimits() { }

    /** Memory, CPUs and costs of a platform (its IOMMUs: {@link #iommu}). */
    public static Problem platform(PlatformSpec p) {
        if (p.memoryMiB() < 0 || p.memoryMiB() > MAX_MEMORY_MIB) {
            return new Problem("memoryMiB", "memory " + p.memoryMiB() + " MiB is outside 0.." + MAX_MEMORY_MIB
                    + " MiB (64 TiB, MAX_PHYSMEM_BITS 46)");
        }
        if (p.cpus() < 0 || p.cpus() > MAX_CPUS) return new Problem("cpus", "cpus " + p.cpus() + " is outside 0.." + MAX_CPUS + " (NR_CPUS)");
        if (p.costOverrides() != null) {
            for (Map.Entry<String, Long> c : p.costOverrides().entrySet()) {
                if (!COSTS.contains(c.getKey())) {
                    return new Problem("costOverrides", "no cost \"" + c.getKey() + "\" in the cost model (costs: " + String.join(", ", COSTS) + ")");
                }
                if (c.getValue() == null || c.getValue() < 0) {
                    return new Problem("costOverrides", "cost " + c.getKey() + " " + c.getValue() + " ns: costs are 0 ns or more");
                }
            }
        }
        return null;
    }

    public static Problem iommu(IommuSpec i) {
        if (i.pasidBits() < 0 || i.pasidBits() > MAX_PASID_BITS) {
            return new Problem("pasidBits", "IOMMU " + i.name() + ": pasid-bits " + i.pasidBits() + " is outside 0.." + MAX_PASID_BITS);
        }
        if (i.addressWidth() < 1 || i.addressWidth() > MAX_ADDRESS_WIDTH) {
            return new Problem("addressWidth", "IOMMU " + i.name() + ": address-width " + i.addressWidth() + " is outside 1.."
                    + MAX_ADDRESS_WIDTH);
        }
        if (i.fqEntries() < 1 || i.fqEntries() > MAX_FQ_ENTRIES) {
            return new Problem("fqEntries", "IOMMU " + i.name() + ": flush-queue " + i.fqEntries() + " entries is outside 1.."
                    + MAX_FQ_ENTRIES);
        }
        if (i.fqTimeoutMs() < 0 || i.fqTimeoutMs() > MAX_FQ_TIMEOUT_MS) {
            return new Problem("fqTimeoutMs", "IOMMU " + i.name() + ": flush-queue timeout " + i.fqTimeoutMs() + " ms is outside 0.."
                    + MAX_FQ_TIMEOUT_MS + " ms");
        }
        return null;
    }

    /**
     * A benchmark's parameters within what the language accepts (the same bounds: threads, granule, loops per policy,
     * delay); the rest ({@code dma-bits}, a mask the device cannot take) is the kernel's {@code -EINVAL} at run time.
     */
    public static Problem benchmark(BenchmarkSpec b) {
        if (b.threads() < 1 || b.threads() > MAX_BENCH_THREADS) {
            return new Problem("threads", "threads " + b.threads() + " is outside 1.." + MAX_BENCH_THREADS + " (DMA_MAP_MAX_THREADS)");
        }
        if (b.granule() < 1 || b.granule() > MAX_BENCH_GRANULE) {
            return new Problem("granule", "granule " + b.granule() + " is outside 1.." + MAX_BENCH_GRANULE + " pages");
        }
        if (b.iterations() < 1 || b.iterations() > MAX_BENCH_TOTAL_ITERATIONS / b.threads()) {
            return new Problem("iterations", "iterations " + b.iterations() + " with " + b.threads() + " threads is outside 1.."
                    + MAX_BENCH_TOTAL_ITERATIONS / b.threads() + " (at most " + MAX_BENCH_TOTAL_ITERATIONS + " map/unmap loops per policy)");
        }
        if (b.transDelayNs() < 0 || b.transDelayNs() > MAX_BENCH_TRANS_DELAY_NS) {
            return new Problem("transDelayNs", "delay " + b.transDelayNs() + " ns is outside 0.." + MAX_BENCH_TRANS_DELAY_NS
                    + " ns (DMA_MAP_MAX_TRANS_DELAY)");
        }
        return null;
    }

    public static Problem device(DeviceSpec d) {
        if (d.pasidBits() < 0 || d.pasidBits() > MAX_PASID_BITS) {
            return new Problem("pasidBits", "device " + d.name() + ": pasid-bits " + d.pasidBits() + " is outside 0.." + MAX_PASID_BITS);
        }
        if (d.dmaMaskBits() < MIN_DMA_MASK_BITS || d.dmaMaskBits() > MAX_DMA_MASK_BITS) {
            return new Problem("dmaMaskBits", "device " + d.name() + ": dma-mask " + d.dmaMaskBits() + " bits is outside "
                    + MIN_DMA_MASK_BITS + ".." + MAX_DMA_MASK_BITS);
        }
        return null;
    }
}

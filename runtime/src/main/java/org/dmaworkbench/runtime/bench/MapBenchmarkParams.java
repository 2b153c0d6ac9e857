package org.dmaworkbench.runtime.bench;

import java.util.Optional;
import org.dmaworkbench.runtime.program.SpecLimits;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.sim.Errno;

/**
 * The parameters of {@code struct map_benchmark} (include/uapi/linux/map_benchmark.h) as the
 * simulator takes them. The kernel runs each thread for {@code seconds}; the simulator runs each
 * simulated thread for {@code iterations} map/unmap loops instead. {@code node} is not modelled.
 *
 * @param threads      kthreads, 1..{@value #MAX_THREADS} (tool flag {@code -t}); simulated as that many CPUs
 * @param iterations   map/unmap loops per thread (replaces {@code -s seconds}); threads × iterations at most
 *                     {@value #MAX_TOTAL_ITERATIONS}
 * @param granule      buffer size in pages, 1..{@value #MAX_GRANULE} ({@code -g}); in SG mode the number of
 *                     PAGE_SIZE scatterlist entries
 * @param direction    {@code -d}: BIDIRECTIONAL, TO_DEVICE or FROM_DEVICE
 * @param dmaBits      DMA mask width ({@code -b}), 20..64; restored afterwards
 * @param transDelayNs {@code -x}: {@code ndelay} between map and unmap, at most 10 ms ("pretend DMA is transmitting")
 * @param mode         {@code -m}: SINGLE or SG
 */
public record MapBenchmarkParams(int threads, long iterations, int granule, DmaDirection direction, int dmaBits,
                                 long transDelayNs, MapMode mode) {
    /** {@code DMA_MAP_MAX_THREADS}. */
    public static final int MAX_THREADS = SpecLimits.MAX_BENCH_THREADS;
    /** The granule limit of {@code map_benchmark_ioctl()}. */
    public static final int MAX_GRANULE = SpecLimits.MAX_BENCH_GRANULE;
    /** {@code DMA_MAP_MAX_TRANS_DELAY}: 10 * NSEC_PER_MSEC. */
    public static final long MAX_TRANS_DELAY_NS = SpecLimits.MAX_BENCH_TRANS_DELAY_NS;
    /** The tool's DMA mask bounds ("suppose the minimum DMA zone is 1MB in the world"). */
    public static final int MIN_DMA_BITS = 20, MAX_DMA_BITS = 64;
    /** Map/unmap loops of one policy in all (threads x iterations): the simulator's bound, so that a run ends in minutes. */
    public static final long MAX_TOTAL_ITERATIONS = SpecLimits.MAX_BENCH_TOTAL_ITERATIONS;
    /** Default loops per thread. */
    public static final long DEFAULT_ITERATIONS = 10_000;

    /** Why a parameter set is refused: the errno and the kernel's / tool's message. */
    public record Invalid(Errno errno, String reason) { }

    /** The tool's defaults: 1 thread, 1 page, BIDIRECTIONAL, 32-bit mask, no delay, single mode. */
    public static MapBenchmarkParams defaults() {
        return new MapBenchmarkParams(1, DEFAULT_ITERATIONS, 1, DmaDirection.BIDIRECTIONAL, 32, 0, MapMode.SINGLE);
    }

    /**
     * The checks of {@code map_benchmark_ioctl()} in the kernel's order (threads, duration, delay,
     * granule, direction, map mode) plus the tool's DMA-mask bound; empty when the set is valid. A mask
     * the device cannot take (e.g. below 24 bits on this platform) fails later, at run time, with
     * "failed to set dma_mask on device ...", as {@code dma_set_mask()} does in the kernel.
     */
    public Optional<Invalid> validate() {
        if (threads < 1 || threads > MAX_THREADS) return invalid("invalid thread number");
        if (iterations < 1) return invalid("invalid iteration count");
        if (iterations > MAX_TOTAL_ITERATIONS / threads) return invalid("threads x iterations above " + MAX_TOTAL_ITERATIONS);
        if (transDelayNs < 0 || transDelayNs > MAX_TRANS_DELAY_NS) return invalid("invalid transmission delay");
        if (granule < 1 || granule > MAX_GRANULE) return invalid("invalid granule size");
        if (direction == null || direction == DmaDirection.NONE) return invalid("invalid DMA direction");
        if (mode == null) return invalid("invalid map mode");
        if (dmaBits < MIN_DMA_BITS || dmaBits > MAX_DMA_BITS) return invalid("invalid dma mask bit, must be in 20-64");
        return Optional.empty();
    }

    private static Optional<Invalid> invalid(String reason) {
        return Optional.of(new Invalid(Errno.EINVAL, reason));
    }

    /** Throws {@link MapBenchmarkException} (-EINVAL + reason) when {@link #validate()} refuses the set. */
    public MapBenchmarkParams requireValid() {
        Optional<Invalid> v = validate();
        if (v.isPresent()) throw new MapBenchmarkException(v.get().errno(), v.get().reason());
        return this;
    }

    /** Bytes mapped per operation: granule pages. */
    public long sizeBytes() { return (long) granule << 12; }

    public MapBenchmarkParams withThreads(int t) {
        return new MapBenchmarkParams(t, iterations, granule, direction, dmaBits, transDelayNs, mode);
    }

    public MapBenchmarkParams withIterations(long n) {
        return new MapBenchmarkParams(threads, n, granule, direction, dmaBits, transDelayNs, mode);
    }

    public MapBenchmarkParams withGranule(int g) {
        return new MapBenchmarkParams(threads, iterations, g, direction, dmaBits, transDelayNs, mode);
    }

    public MapBenchmarkParams withDirection(DmaDirection d) {
        return new MapBenchmarkParams(threads, iterations, granule, d, dmaBits, transDelayNs, mode);
    }

    public MapBenchmarkParams withDmaBits(int b) {
        return new MapBenchmarkParams(threads, iterations, granule, direction, b, transDelayNs, mode);
    }

    public MapBenchmarkParams withTransDelayNs(long ns) {
        return new MapBenchmarkParams(threads, iterations, granule, direction, dmaBits, ns, mode);
    }

    public MapBenchmarkParams withMode(MapMode m) {
        return new MapBenchmarkParams(threads, iterations, granule, direction, dmaBits, transDelayNs, m);
    }

    /** The tool's spelling of the direction ({@code directions[]}: BIDIRECTIONAL, TO_DEVICE, FROM_DEVICE). */
    public String directionName() { return direction == null ? "?" : direction.name(); }
}

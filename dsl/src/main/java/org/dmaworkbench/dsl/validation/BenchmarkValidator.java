package org.dmaworkbench.dsl.validation;

import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.bench.MapBenchmarkParams;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.xtext.validation.Check;

/**
 * A benchmark's parameters within the bounds the runtime enforces ({@link MapBenchmarkParams}:
 * {@code map_benchmark_ioctl()}'s limits and the simulator's bound on loops), on the token written.
 * A parameter left out takes the tool's default; one written as 0 is refused, as the kernel does.
 */
public class BenchmarkValidator extends DmasCheckBase {

    @Check
    public void checkBounds(Benchmark b) {
        range(b, Literals.BENCHMARK__THREADS, b.getThreads(), 1, MapBenchmarkParams.MAX_THREADS, "threads (DMA_MAP_MAX_THREADS)");
        range(b, Literals.BENCHMARK__GRANULE, b.getGranule(), 1, MapBenchmarkParams.MAX_GRANULE, "granule (pages)");
        int threads = Numbers.written(b, Literals.BENCHMARK__THREADS) ? Math.max(1, b.getThreads()) : 1;
        long maxIterations = MapBenchmarkParams.MAX_TOTAL_ITERATIONS / threads;
        if (Numbers.written(b, Literals.BENCHMARK__ITERATIONS) && b.getIterations() < 1) {
            error("iterations 0: the benchmark would measure nothing (leave it out for the default, "
                    + MapBenchmarkParams.DEFAULT_ITERATIONS + ")", b, Literals.BENCHMARK__ITERATIONS, IssueCodes.BENCHMARK_BOUNDS,
                    String.valueOf(MapBenchmarkParams.DEFAULT_ITERATIONS));
        } else if (Numbers.written(b, Literals.BENCHMARK__ITERATIONS) && b.getIterations() > maxIterations) {
            error("threads x iterations is " + (long) threads * b.getIterations() + ", above the simulator's bound of "
                    + MapBenchmarkParams.MAX_TOTAL_ITERATIONS + " map/unmap loops per policy: at most " + maxIterations + " iterations with "
                    + threads + (threads == 1 ? " thread" : " threads"), b, Literals.BENCHMARK__ITERATIONS, IssueCodes.BENCHMARK_BOUNDS,
                    String.valueOf(maxIterations));
        }
        if (b.getDelay() != null && DmasLowering.nanos(b.getDelay()) > MapBenchmarkParams.MAX_TRANS_DELAY_NS) {
            error("delay above 10 ms (DMA_MAP_MAX_TRANS_DELAY): the kernel refuses it", b, Literals.BENCHMARK__DELAY,
                    IssueCodes.BENCHMARK_BOUNDS, "10 ms");
        }
    }

    private void range(Benchmark b, EAttribute f, int v, int min, int max, String what) {
        if (!Numbers.written(b, f) || v >= min && v <= max) return;
        error(what + " must be " + min + ".." + max + ", not " + v + (v == 0 ? " (leave it out for the default, 1)" : ""), b, f,
                IssueCodes.BENCHMARK_BOUNDS, String.valueOf(v < min ? min : max));
    }
}

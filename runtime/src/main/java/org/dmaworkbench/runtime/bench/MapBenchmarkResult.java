package org.dmaworkbench.runtime.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one {@link MapBenchmark#run} (the filled-in {@code struct map_benchmark} plus what
 * the simulator knows besides).
 *
 * @param policy           the protection policy measured
 * @param params           the parameters
 * @param domain           what the device's DMA really went through ("DMA domain 2", "identity domain 2",
 *                         "KVA fast (init_mm) domain 3", "dma-direct (no IOMMU)")
 * @param loops            map/unmap pairs measured ({@code loops}: threads × iterations)
 * @param avgMapNs         mean map latency in ns (exact)
 * @param mapStddevNs      population standard deviation of the map latency in ns
 * @param avgUnmapNs       mean unmap latency in ns
 * @param unmapStddevNs    its standard deviation in ns
 * @param avgMap100ns      {@code avg_map_100ns} as the kernel computes it (per-sample truncation)
 * @param mapStddev100ns   {@code map_stddev}
 * @param avgUnmap100ns    {@code avg_unmap_100ns}
 * @param unmapStddev100ns {@code unmap_stddev}
 * @param totalSimNs       simulated time the run took (the simulated CPUs run one after another on one
 *                         clock, so this is the sum of their time, including memset and delay)
 * @param counters         simulator counters accumulated during the measured loop (boot excluded)
 */
public record MapBenchmarkResult(Policy policy, MapBenchmarkParams params, String domain, long loops,
                                 double avgMapNs, double mapStddevNs, double avgUnmapNs, double unmapStddevNs,
                                 long avgMap100ns, long mapStddev100ns, long avgUnmap100ns, long unmapStddev100ns,
                                 long totalSimNs, Map<String, Long> counters) {

    /** The tool's "average map latency(us)": {@code avg_map_100ns / 10.0}. */
    public double avgMapUs() { return avgMap100ns / 10.0; }
    public double mapStddevUs() { return mapStddev100ns / 10.0; }
    public double avgUnmapUs() { return avgUnmap100ns / 10.0; }
    public double unmapStddevUs() { return unmapStddev100ns / 10.0; }

    /** One counter accumulated during the run (0 when unknown). */
    public long counter(String name) { return counters.getOrDefault(name, 0L); }

    /** The two lines {@code dma_map_benchmark} prints. */
    public String kernelOutput() {
        return String.format(Locale.ROOT, "average map latency(us):%.1f standard deviation:%.1f%n"
                        + "average unmap latency(us):%.1f standard deviation:%.1f%n",
                avgMapUs(), mapStddevUs(), avgUnmapUs(), unmapStddevUs());
    }
}

package org.dmaworkbench.runtime.program;

import java.util.List;

/**
 * A compiled {@code benchmark} block: dma_map_benchmark's parameters on one device of a platform
 * and the policies to compare ("passthrough", "strict", "lazy", "kva-fast", "kva-strict").
 */
public record BenchmarkSpec(String name, String file, int line, PlatformSpec platform, List<DeviceSpec> devices,
                            String device, int threads, long iterations, int granule, String direction, int dmaBits,
                            long transDelayNs, String mode, List<String> policies) { }

package org.dmaworkbench.runtime.program;

import java.util.List;
import java.util.Map;

/**
 * A platform: IOMMU instances, the Kconfig default domain policy ("passthrough", "strict",
 * "lazy"), the kernel command line, memory size, CPUs and cost-model overrides (CostModel
 * component names in nanoseconds).
 */
public record PlatformSpec(String name, List<IommuSpec> iommus, String defaultDomain, String cmdline, long memoryMiB,
                           int cpus, Map<String, Long> costOverrides) {
    public static PlatformSpec of(String name, String defaultDomain, String cmdline, IommuSpec... iommus) {
        return new PlatformSpec(name, List.of(iommus), defaultDomain, cmdline, 4096, 1, Map.of());
    }
}

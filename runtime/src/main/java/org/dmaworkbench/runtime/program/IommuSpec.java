package org.dmaworkbench.runtime.program;

/** An IOMMU instance of a platform, as a scenario declares it. */
public record IommuSpec(String name, String arch, int addressWidth, int pasidBits, int fqEntries, long fqTimeoutMs,
                        boolean quirkInvalidateRidOnly) {
    public static IommuSpec of(String name, String arch) {
        return new IommuSpec(name, arch, 48, 20, 256, 10, false);
    }
}

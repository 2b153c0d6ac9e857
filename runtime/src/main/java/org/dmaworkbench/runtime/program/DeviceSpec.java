package org.dmaworkbench.runtime.program;

/**
 * A device: BDF, the IOMMU it sits behind (null: none), PASID width, ATS, SATC, coherence,
 * external-facing (untrusted), firmware-required direct mapping, DMA mask and driver name.
 */
public record DeviceSpec(String name, String bdf, String iommu, int pasidBits, boolean ats, boolean satc, boolean coherent,
                         boolean externalFacing, boolean requireDirect, int dmaMaskBits, String driver) {
    public static DeviceSpec of(String name, String bdf, String iommu) {
        return new DeviceSpec(name, bdf, iommu, 0, false, false, true, false, false, 64, name);
    }

    public DeviceSpec withPasidBits(int bits) {
        return new DeviceSpec(name, bdf, iommu, bits, ats, satc, coherent, externalFacing, requireDirect, dmaMaskBits, driver);
    }

    public DeviceSpec withAts(boolean a, boolean s) {
        return new DeviceSpec(name, bdf, iommu, pasidBits, a, s, coherent, externalFacing, requireDirect, dmaMaskBits, driver);
    }

    public DeviceSpec withCoherent(boolean c) {
        return new DeviceSpec(name, bdf, iommu, pasidBits, ats, satc, c, externalFacing, requireDirect, dmaMaskBits, driver);
    }

    public DeviceSpec untrusted() {
        return new DeviceSpec(name, bdf, iommu, pasidBits, ats, satc, coherent, true, requireDirect, dmaMaskBits, driver);
    }

    public DeviceSpec withDmaMask(int bits) {
        return new DeviceSpec(name, bdf, iommu, pasidBits, ats, satc, coherent, externalFacing, requireDirect, bits, driver);
    }
}

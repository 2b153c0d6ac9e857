package org.dmaworkbench.runtime.iommu;

import java.util.HashMap;
import java.util.Map;

/**
 * A DMA-capable PCI function as the IOMMU core sees it ({@code struct device} +
 * {@code struct pci_dev} + {@code dev->iommu}): requester ID, the IOMMU it sits behind, PASID
 * capability ({@code pci_max_pasids}), ATS (and whether the ACPI DMAR SATC lists it), DMA
 * coherence ({@code dev_is_dma_coherent}), DMA mask and trust. {@code untrusted} is derived from
 * firmware ({@code set_pcie_untrusted}: at or below an external-facing port), never set by a driver.
 */
public final class Device {
    private final String name;
    private final Bdf bdf;
    private final IommuInstance iommu;
    private final int pasidBits;
    private final boolean ats;
    private final boolean satc;
    private final boolean coherent;
    private final boolean behindExternalFacingPort;
    private final boolean requireDirect;
    private final String driver;
    private final String bdfName;
    private int dmaMaskBits;
    private IommuGroup group;
    private boolean driverBound;
    /** The hardware PASID table / CD table: PASID → domain written by {@code set_dev_pasid}. */
    private final Map<Integer, IommuDomain> pasidTable = new HashMap<>();
    private final DeviceTlb deviceTlb = new DeviceTlb();

    public Device(String name, Bdf bdf, IommuInstance iommu, int pasidBits, boolean ats, boolean satc, boolean coherent,
                  boolean behindExternalFacingPort, boolean requireDirect, int dmaMaskBits, String driver) {
        this.name = name;
        this.bdf = bdf;
        this.iommu = iommu;
        this.pasidBits = pasidBits;
        this.ats = ats;
        this.satc = satc;
        this.coherent = coherent;
        this.behindExternalFacingPort = behindExternalFacingPort;
        this.requireDirect = requireDirect;
        this.dmaMaskBits = dmaMaskBits;
        this.driver = driver == null ? name : driver;
        this.bdfName = bdf.toString();
    }

    public String name() { return name; }
    public Bdf bdf() { return bdf; }

    /** The BDF as text ("0000:6a:01.0"), formatted once. */
    public String bdfName() { return bdfName; }
    public IommuInstance iommu() { return iommu; }
    public String driver() { return driver; }
    public int pasidBits() { return pasidBits; }
    public boolean hasAts() { return ats; }
    public boolean listedInSatc() { return satc; }
    public boolean isCoherent() { return coherent; }
    public boolean requireDirect() { return requireDirect; }

    /** {@code pdev->untrusted}: at or below an external-facing root port (ACPI ExternalFacingPort / DT external-facing). */
    public boolean isUntrusted() { return behindExternalFacingPort; }

    /** {@code dev->iommu->max_pasids} = min(PCI PASID capability, IOMMU instance); 0 without PASID. */
    public int maxPasids() {
        if (pasidBits == 0 || iommu == null) return 0;
        return Math.min(1 << pasidBits, iommu.maxPasids());
    }

    /**
     * Whether the OS enables ATS ({@code pci_ats_supported} + {@code dmar_ats_supported}): the
     * capability, not untrusted (ATS stays off for untrusted devices), and a scalable-mode IOMMU.
     */
    public boolean atsEnabled() { return ats && !isUntrusted() && iommu != null; }

    public int dmaMaskBits() { return dmaMaskBits; }

    /** {@code DMA_BIT_MASK(bits)}. */
    public long dmaMask() { return dmaMaskBits >= 64 ? -1L : (1L << dmaMaskBits) - 1; }

    public void setDmaMaskBits(int bits) { dmaMaskBits = bits; }

    public IommuGroup group() { return group; }
    public void setGroup(IommuGroup g) { group = g; }
    public boolean isDriverBound() { return driverBound; }
    public void setDriverBound(boolean b) { driverBound = b; }

    public Map<Integer, IommuDomain> pasidTable() { return pasidTable; }
    public DeviceTlb deviceTlb() { return deviceTlb; }

    /** "dsa0 (0000:6a:01.0)". */
    public String describe() { return name + " (" + bdf + ")"; }

    @Override public String toString() { return describe(); }
}

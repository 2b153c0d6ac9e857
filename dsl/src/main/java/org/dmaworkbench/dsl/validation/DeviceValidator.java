package org.dmaworkbench.dsl.validation;

import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.eclipse.xtext.validation.Check;

/** Device declarations: a well-formed BDF, PASID width within the IOMMU's, a sane DMA mask, one coherency. */
public class DeviceValidator extends DmasCheckBase {

    @Check
    public void checkBdf(Device d) {
        if (d.getBdf() == null) {
            error("device " + d.getName() + " has no bdf: its requester ID is the stream ID the IOMMU translates with",
                    d, Literals.REFERABLE__NAME, IssueCodes.MALFORMED_BDF);
        } else if (Bdf.parse(d.getBdf()) == null) {
            error("malformed BDF '" + d.getBdf() + "': [segment:]bus:device.function with bus <= ff, device <= 1f, function <= 7",
                    d, Literals.DEVICE__BDF, IssueCodes.MALFORMED_BDF);
        }
    }

    @Check
    public void checkPasidBits(Device d) {
        int bits = d.getPasidBits();
        if (bits == 0) return;
        if (bits > IommuValidator.MAX_PASID_BITS) {
            error("pasid-bits " + bits + ": the PCIe PASID capability has at most 20 bits", d, Literals.DEVICE__PASID_BITS,
                    IssueCodes.PASID_BITS_RANGE, String.valueOf(IommuValidator.MAX_PASID_BITS));
            return;
        }
        Iommu i = d.getIommu() == null || d.getIommu().eIsProxy() ? null : d.getIommu();
        if (i == null) {
            warning("device " + d.getName() + " has no iommu: without an IOMMU its PASIDs translate nothing (max_pasids 0)",
                    d, Literals.DEVICE__PASID_BITS, IssueCodes.PASID_BITS_CLIPPED, "0");
        } else if (i.getPasidBits() == 0) {
            warning("IOMMU " + i.getName() + " has no pasid-bits: max_pasids = min(device, IOMMU) = 0, every PASID call fails",
                    d, Literals.DEVICE__PASID_BITS, IssueCodes.PASID_BITS_CLIPPED, "0");
        } else if (bits > i.getPasidBits()) {
            warning("pasid-bits " + bits + " is clipped to IOMMU " + i.getName() + "'s " + i.getPasidBits()
                    + ": max_pasids = min(device, IOMMU) = " + (1L << i.getPasidBits()), d, Literals.DEVICE__PASID_BITS,
                    IssueCodes.PASID_BITS_CLIPPED, String.valueOf(i.getPasidBits()));
        }
    }

    @Check
    public void checkDmaMask(Device d) {
        String problem = maskProblem(d.getDmaMask());
        if (problem != null && Numbers.written(d, Literals.DEVICE__DMA_MASK)) {
            error(problem, d, Literals.DEVICE__DMA_MASK, IssueCodes.DMA_MASK_RANGE, d.getDmaMask() < 12 ? "12" : "64");
        }
    }

    @Check
    public void checkCoherency(Device d) {
        if (d.isCoherent() && d.isNonCoherent()) {
            error("device " + d.getName() + " is declared both coherent and non-coherent: keep one", d, Literals.DEVICE__NON_COHERENT,
                    IssueCodes.COHERENCE_CONFLICT);
        }
    }

    /** DMA_BIT_MASK(n) for 12 <= n <= 64: below a page the DMA API cannot map anything; null when fine. */
    static String maskProblem(int bits) {
        return bits >= 12 && bits <= 64 ? null
                : "DMA_BIT_MASK(" + bits + "): masks are 12 to 64 bits (below 12 not even one 4 KiB page is addressable)";
    }
}

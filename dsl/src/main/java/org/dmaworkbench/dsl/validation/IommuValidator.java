package org.dmaworkbench.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.runtime.iommu.IommuArch;
import org.eclipse.xtext.validation.Check;

/** IOMMU declarations: a known architecture, a PASID width the PCIe spec allows, a page-table input width. */
public class IommuValidator extends DmasCheckBase {
    static final int MAX_PASID_BITS = 20;
    private static final int[] WIDTHS = {39, 48, 57};

    @Check
    public void checkArch(Iommu i) {
        if (i.getArch() == null || IommuArch.byName(i.getArch()) != null) return;
        List<String> known = new ArrayList<>();
        IommuArch.names().forEach(known::add);
        String best = Suggest.closest(i.getArch(), known);
        error("unknown IOMMU architecture '" + i.getArch() + "' (known: " + String.join(", ", known) + ")" + Suggest.didYouMean(best),
                i, Literals.IOMMU__ARCH, IssueCodes.UNKNOWN_IOMMU_ARCH, best == null ? new String[0] : new String[] {best});
    }

    @Check
    public void checkPasidBits(Iommu i) {
        if (i.getPasidBits() > MAX_PASID_BITS) {
            error("pasid-bits " + i.getPasidBits() + ": a PASID is at most 20 bits (PCIe PASID capability, VT-d PASID tables, SMMUv3 SSIDSIZE)",
                    i, Literals.IOMMU__PASID_BITS, IssueCodes.PASID_BITS_RANGE, String.valueOf(MAX_PASID_BITS));
        }
    }

    @Check
    public void checkAddressWidth(Iommu i) {
        if (!Numbers.written(i, Literals.IOMMU__ADDRESS_WIDTH)) return;
        int w = i.getAddressWidth(), nearest = WIDTHS[0];
        for (int ok : WIDTHS) {
            if (ok == w) return;
            if (Math.abs(ok - w) < Math.abs(nearest - w)) nearest = ok;
        }
        warning("address-width " + w + ": first-stage IO page tables translate 39 (3-level), 48 (4-level) or 57 (5-level) bits",
                i, Literals.IOMMU__ADDRESS_WIDTH, IssueCodes.ADDRESS_WIDTH, String.valueOf(nearest));
    }
}

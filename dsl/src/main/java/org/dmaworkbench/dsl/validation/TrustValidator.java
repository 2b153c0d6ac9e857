package org.dmaworkbench.dsl.validation;

import java.util.Set;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.ExpectPasidInvalid;
import org.dmaworkbench.dsl.dmas.NameRef;
import org.dmaworkbench.dsl.dmas.SymbolLit;
import org.eclipse.xtext.validation.Check;

/**
 * A device behind an external-facing port is untrusted (pci_dev->untrusted): the RFC's
 * iommu_dma_pasid_enable refuses it the modes that share or skip translation (BYPASS, KVA). Not
 * reported when the statement already expects the refusal.
 */
public class TrustValidator extends DmasCheckBase {
    private static final Set<String> TRUSTED_ONLY = Set.of("BYPASS", "KVA");

    @Check
    public void checkPasidEnable(Call c) {
        if (!"iommu_dma_pasid_enable".equals(c.getFunction()) || c.getArgs().size() < 2) return;
        if (!(c.getArgs().get(0) instanceof NameRef r) || !(r.getTarget() instanceof Device d) || d.eIsProxy() || !d.isExternal()) return;
        if (!(c.getArgs().get(1) instanceof SymbolLit mode) || mode.getParts().size() != 1 || !TRUSTED_ONLY.contains(mode.getParts().get(0))) return;
        if (Statements.isTopLevel(c) && Statements.expectOf(c.eContainer()) instanceof ExpectPasidInvalid) return;
        String m = mode.getParts().get(0);
        warning(d.getName() + " is behind an external-facing port (untrusted): the platform will refuse " + m
                + ": KVA/bypass are for trusted devices only; expect IOMMU_PASID_INVALID", c, Literals.CALL__ARGS, 1,
                IssueCodes.KVA_UNTRUSTED, d.getName(), m);
    }
}

package org.dmaworkbench.dsl.validation;

import java.util.List;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.NumberLit;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.ValueType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

/**
 * PASIDs within the device's range: {@code dev->iommu->max_pasids} = min(1 << device pasid-bits,
 * 1 << IOMMU pasid-bits), 0 without either. Not reported where the statement expects the refusal
 * (an errno, IOMMU_PASID_INVALID, a negative value, a fault): that is a scenario about the check.
 */
public class PasidValidator extends DmasCheckBase {

    @Check
    public void checkCall(Call c) {
        CallSignature sig = ArgTypes.signature(c);
        Device dev = Statements.deviceArg(c);
        if (sig == null || dev == null || Statements.isTopLevel(c) && Statements.expectsFailure(c.eContainer())) return;
        List<Arg> args = c.getArgs();
        for (int i = 0; i < Math.min(args.size(), sig.params().size()); i++) {
            if (sig.params().get(i).type() == ValueType.PASID) check(dev, args.get(i), c, Literals.CALL__ARGS, i);
        }
    }

    @Check
    public void checkDma(DeviceDma d) {
        Device dev = Statements.device(d.getDevice());
        if (d.getPasid() != null && dev != null && !Statements.expectsFailure(d)) check(dev, d.getPasid(), d, Literals.DEVICE_DMA__PASID, -1);
    }

    private void check(Device dev, Arg pasid, EObject owner, EStructuralFeature f, int index) {
        int bits = maxPasidBits(dev);
        if (bits == 0) {
            error(dev.getName() + " cannot use PASIDs: " + whyNone(dev) + " (max_pasids 0); the kernel refuses every PASID on it",
                    owner, f, index, IssueCodes.PASID_UNSUPPORTED, dev.getName());
        } else if (pasid instanceof NumberLit n && Numbers.bytes(n) >= 1L << bits) {
            long max = (1L << bits) - 1;
            error("PASID " + Statements.text(n) + " is beyond " + dev.getName() + "'s range: max_pasids is " + (1L << bits)
                    + " (" + bits + " bits), so PASIDs run 0.." + max, owner, f, index, IssueCodes.PASID_OUT_OF_RANGE, String.valueOf(max));
        }
    }

    /** log2 of the device's max_pasids; 0 when it has none. */
    static int maxPasidBits(Device d) {
        Iommu i = d.getIommu();
        if (d.getPasidBits() == 0 || i == null || i.eIsProxy() || i.getPasidBits() == 0) return 0;
        return Math.min(d.getPasidBits(), i.getPasidBits());
    }

    private static String whyNone(Device d) {
        if (d.getPasidBits() == 0) return "it declares no pasid-bits (no PASID capability)";
        if (d.getIommu() == null || d.getIommu().eIsProxy()) return "it is behind no IOMMU";
        return "IOMMU " + d.getIommu().getName() + " declares no pasid-bits";
    }
}

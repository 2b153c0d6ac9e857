package org.dmaworkbench.dsl.validation;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.validation.Check;

/**
 * A scenario boots its platform with the devices it names: a device behind an IOMMU the platform
 * does not have cannot be probed there. Reported once per device, at its first use.
 */
public class PlatformReachValidator extends DmasCheckBase {

    @Check
    public void checkScenario(Scenario s) {
        Platform p = s.getPlatform();
        if (p == null || p.eIsProxy()) return;
        Set<Device> seen = new HashSet<>();
        for (Iterator<EObject> it = s.eAllContents(); it.hasNext(); ) {
            EObject o = it.next();
            for (EReference ref : o.eClass().getEAllReferences()) {
                if (ref.isContainment() || ref.isMany()) continue;
                if (o.eGet(ref) instanceof Device d && !d.eIsProxy() && seen.add(d)) check(d, p, o, ref);
            }
        }
    }

    @Check
    public void checkBenchmark(Benchmark b) {
        Platform p = b.getPlatform();
        Device d = Statements.device(b.getDevice());
        if (p != null && !p.eIsProxy() && d != null) check(d, p, b, Literals.BENCHMARK__DEVICE);
    }

    private void check(Device d, Platform p, EObject at, EReference ref) {
        Iommu i = d.getIommu();
        if (i == null || i.eIsProxy() || p.getIommus().contains(i)) return;
        String owner = i.eContainer() instanceof Platform other ? " of platform " + other.getName() : "";
        StringBuilder have = new StringBuilder();
        for (Iommu x : p.getIommus()) have.append(have.length() == 0 ? "" : ", ").append(x.getName());
        error("device " + d.getName() + " is behind IOMMU " + i.getName() + owner + ", which platform " + p.getName()
                + " does not have (its IOMMUs: " + (have.length() == 0 ? "none" : have) + "): the device cannot be booted here",
                at, ref, IssueCodes.DEVICE_NOT_ON_PLATFORM, d.getName(), p.getName());
    }
}

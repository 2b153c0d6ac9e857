package org.dmaworkbench.dsl.validation;

import com.google.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * Platforms, IOMMUs and devices are global names: two of one kind with one name among the files a
 * file sees (itself and its imports) make references ambiguous; two devices of one platform with
 * one BDF would share a requester ID. Reported on the later one, in the file being validated.
 */
public class UniquenessValidator extends DmasCheckBase {
    @Inject private ImportResolver imports;

    @Check
    public void checkUnique(Model model) {
        Map<String, EObject> imported = new HashMap<>(), own = new HashMap<>();
        Map<String, Device> importedBdfs = new HashMap<>(), ownBdfs = new HashMap<>();
        List<EObject> visible = VisibleElements.of(model, imports);
        for (EObject e : visible) {
            if (e.eResource() == model.eResource()) continue;
            imported.putIfAbsent(key(e), e);
            if (e instanceof Device d && bdfKey(d) != null) importedBdfs.putIfAbsent(bdfKey(d), d);
        }
        for (EObject e : visible) {
            if (e.eResource() != model.eResource()) continue;
            EObject other = own.putIfAbsent(key(e), e);
            if (other == null) other = imported.get(key(e));
            if (other != null && name(e) != null) {
                error(kind(e) + " '" + name(e) + "' is already declared" + where(other, model), e, nameFeature(e),
                        IssueCodes.DUPLICATE_NAME, name(e));
            }
            if (!(e instanceof Device d) || bdfKey(d) == null) continue;
            Device same = ownBdfs.putIfAbsent(bdfKey(d), d);
            if (same == null) same = importedBdfs.get(bdfKey(d));
            if (same != null) {
                error("BDF " + Bdf.parse(d.getBdf()) + " is already device " + same.getName() + "'s" + where(same, model)
                        + ": one requester ID cannot be two devices of a platform", d, Literals.DEVICE__BDF,
                        IssueCodes.DUPLICATE_BDF, same.getName());
            }
        }
    }

    /** Reports, JUnit cases and --scenario name runs by title: two with one title in a file cannot be told apart. */
    @Check
    public void checkTitles(Model model) {
        Map<String, EObject> seen = new HashMap<>();
        for (EObject e : model.getElements()) {
            String title = e instanceof Scenario s ? s.getTitle() : e instanceof Benchmark b ? b.getTitle() : null;
            if (title == null) continue;
            EObject first = seen.putIfAbsent(title, e);
            if (first != null) {
                warning((e instanceof Scenario ? "scenario" : "benchmark") + " \"" + title + "\" has the title of line " + Statements.line(first)
                        + ": reports and test results could not tell them apart", e,
                        e instanceof Scenario ? Literals.SCENARIO__TITLE : Literals.BENCHMARK__TITLE, IssueCodes.DUPLICATE_TITLE, title);
            }
        }
    }

    private static String key(EObject e) {
        return e.eClass().getName() + ":" + name(e);
    }

    /** Devices collide when their BDFs are equal and they sit on the same platform (or both on none). */
    private static String bdfKey(Device d) {
        Bdf bdf = d.getBdf() == null ? null : Bdf.parse(d.getBdf());
        Platform p = platform(d);
        return bdf == null ? null : bdf + "@" + (p == null ? "" : p.getName());
    }

    private static Platform platform(Device d) {
        Iommu i = d.getIommu();
        return i == null || i.eIsProxy() || !(i.eContainer() instanceof Platform p) ? null : p;
    }

    private static String where(EObject other, Model model) {
        String at = " (line " + Statements.line(other);
        return other.eResource() == model.eResource() || other.eResource() == null ? at + ")"
                : at + " of " + other.eResource().getURI().lastSegment() + ")";
    }

    private static String name(EObject e) {
        return e instanceof Platform p ? p.getName() : e instanceof Device d ? d.getName() : e instanceof Iommu i ? i.getName() : null;
    }

    private static String kind(EObject e) {
        return e instanceof Platform ? "platform" : e instanceof Device ? "device" : "IOMMU";
    }

    private static EAttribute nameFeature(EObject e) {
        return e instanceof Platform ? Literals.PLATFORM__NAME : e instanceof Device ? Literals.REFERABLE__NAME : Literals.IOMMU__NAME;
    }
}

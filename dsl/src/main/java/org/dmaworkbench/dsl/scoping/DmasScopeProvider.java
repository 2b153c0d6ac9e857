package org.dmaworkbench.dsl.scoping;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.DmasPackage;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Repeat;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.dmaworkbench.dsl.dmas.Statement;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;

/**
 * Name references inside a scenario see the handles declared before them (in the scenario, or
 * earlier in an enclosing {@code repeat} body; a later declaration shadows an earlier one), then
 * the devices visible through imports.
 */
public class DmasScopeProvider extends AbstractDmasScopeProvider {

    @Override
    public IScope getScope(EObject context, EReference reference) {
        if (reference == DmasPackage.Literals.NAME_REF__TARGET) {
            IScope devices = super.getScope(context, reference);
            return Scopes.scopeFor(handlesBefore(context), devices);
        }
        return super.getScope(context, reference);
    }

    /** Handles visible at {@code context}, nearest first. */
    public static List<HandleDecl> handlesBefore(EObject context) {
        List<HandleDecl> out = new ArrayList<>();
        EObject child = context;
        for (EObject c = context.eContainer(); c != null; child = c, c = c.eContainer()) {
            List<Statement> siblings = c instanceof Scenario s ? s.getStatements() : c instanceof Repeat r ? r.getBody() : null;
            if (siblings == null) continue;
            int idx = child instanceof Statement st ? siblings.indexOf(st) : siblings.size();
            for (int i = idx - 1; i >= 0; i--) if (siblings.get(i) instanceof HandleDecl h) out.add(h);
            if (c instanceof Scenario) break;
        }
        return out;
    }

    static EObject root(EObject o) { return EcoreUtil.getRootContainer(o); }

    static <T extends EObject> T container(EObject o, Class<T> t) { return EcoreUtil2.getContainerOfType(o, t); }
}

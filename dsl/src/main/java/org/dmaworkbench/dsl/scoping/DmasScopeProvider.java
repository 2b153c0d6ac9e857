package org.dmaworkbench.dsl.scoping;

import com.google.inject.Inject;
import java.util.List;
import org.dmaworkbench.dsl.dmas.DmasPackage;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.AbstractScope;
import org.eclipse.xtext.util.IResourceScopeCache;

/**
 * Name references inside a scenario see the handles declared before them (in the scenario, or
 * earlier in an enclosing {@code repeat} body; a later declaration shadows an earlier one), then
 * the devices visible through imports. Handle lookups go through a per-scenario {@link HandleIndex}.
 */
public class DmasScopeProvider extends AbstractDmasScopeProvider {
    @Inject
    private IResourceScopeCache cache;

    @Override
    public IScope getScope(EObject context, EReference reference) {
        if (reference == DmasPackage.Literals.NAME_REF__TARGET) {
            IScope devices = super.getScope(context, reference);
            Scenario s = EcoreUtil2.getContainerOfType(context, Scenario.class);
            if (s == null) return devices;
            HandleIndex index = cache.get(List.of(HandleIndex.class, s), context.eResource(), () -> new HandleIndex(s));
            return new HandleScope(devices, index, context);
        }
        return super.getScope(context, reference);
    }

    /** Handles visible at {@code context}, nearest first (content assist, hover). */
    public static List<HandleDecl> handlesBefore(EObject context) {
        Scenario s = EcoreUtil2.getContainerOfType(context, Scenario.class);
        return s == null ? List.of() : new HandleIndex(s).visibleAt(context);
    }

    /** Handles first (looked up by name in the index), then the outer scope. */
    private static final class HandleScope extends AbstractScope {
        private final HandleIndex index;
        private final EObject context;

        HandleScope(IScope parent, HandleIndex index, EObject context) {
            super(parent, false);
            this.index = index;
            this.context = context;
        }

        @Override
        protected Iterable<IEObjectDescription> getAllLocalElements() {
            return index.visibleAt(context).stream()
                    .map(h -> EObjectDescription.create(QualifiedName.create(h.getName()), h)).toList();
        }

        @Override
        protected Iterable<IEObjectDescription> getLocalElementsByName(QualifiedName name) {
            HandleDecl h = name.getSegmentCount() == 1 ? index.lookup(name.getFirstSegment(), context) : null;
            return h == null ? List.of() : List.of(EObjectDescription.create(name, h));
        }

        @Override
        protected boolean isShadowed(IEObjectDescription fromParent) {
            return index.lookup(fromParent.getName().getFirstSegment(), context) != null;
        }

    }
}

package org.dmaworkbench.dsl.ide.contentassist;

import com.google.common.base.Predicate;
import org.dmaworkbench.dsl.ide.docs.ElementDocs;
import org.dmaworkbench.runtime.run.ValueType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;

/**
 * Cross-reference proposals (devices, handles declared before the cursor, IOMMUs, platforms:
 * the scope provider decides which) with what the user needs to pick one: a device's BDF and
 * IOMMU, a handle's type and the call that produced it.
 */
public class DmasCrossrefProposalProvider extends IdeCrossrefProposalProvider {
    /** How much a handle of the wanted type rises, and a device where something else is wanted sinks. */
    static final int WANTED = 200;

    /** Where the position wants a type ({@link ExpectedType}), the handles of that type come first and devices last. */
    @Override
    public void lookupCrossReference(IScope scope, CrossReference crossReference, ContentAssistContext context,
            IIdeContentProposalAcceptor acceptor, Predicate<IEObjectDescription> filter) {
        ValueType wanted = ExpectedType.at(context);
        IIdeContentProposalAcceptor ranked = wanted == null ? acceptor : new IIdeContentProposalAcceptor() {
            @Override
            public void accept(ContentAssistEntry entry, int priority) {
                acceptor.accept(entry, priority + rank(entry, wanted, context));
            }

            @Override
            public boolean canAcceptMoreProposals() {
                return acceptor.canAcceptMoreProposals();
            }
        };
        super.lookupCrossReference(scope, crossReference, context, ranked, filter);
    }

    private static int rank(ContentAssistEntry entry, ValueType wanted, ContentAssistContext context) {
        if (entry == null || !(entry.getSource() instanceof IEObjectDescription d)) return 0;
        EObject target = d.getEObjectOrProxy();
        if (target != null && target.eIsProxy() && context.getResource() != null) target = EcoreUtil.resolve(target, context.getResource());
        if (target instanceof org.dmaworkbench.dsl.dmas.Device) return wanted == ValueType.DEVICE ? WANTED : -WANTED;
        ValueType type = ExpectedType.of(target);
        return type == wanted ? WANTED : 0;
    }

    @Override
    protected ContentAssistEntry createProposal(IEObjectDescription candidate, CrossReference crossRef, ContentAssistContext context) {
        ContentAssistEntry entry = super.createProposal(candidate, crossRef, context);
        if (entry == null) return null;
        EObject target = candidate.getEObjectOrProxy();
        if (target != null && target.eIsProxy() && context.getResource() != null) {
            target = EcoreUtil.resolve(target, context.getResource());
        }
        if (target != null && !target.eIsProxy()) {
            String detail = ElementDocs.detail(target);
            if (detail != null) entry.setDescription(detail);
            entry.setDocumentation(ElementDocs.describe(target));
            entry.setKind(target instanceof org.dmaworkbench.dsl.dmas.HandleDecl ? ContentAssistEntry.KIND_VARIABLE
                    : ContentAssistEntry.KIND_REFERENCE);
        }
        return entry;
    }
}

package org.dmaworkbench.dsl.ide.contentassist;

import org.dmaworkbench.dsl.ide.docs.ElementDocs;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeCrossrefProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;

/**
 * Cross-reference proposals (devices, handles declared before the cursor, IOMMUs, platforms:
 * the scope provider decides which) with what the user needs to pick one: a device's BDF and
 * IOMMU, a handle's type and the call that produced it.
 */
public class DmasCrossrefProposalProvider extends IdeCrossrefProposalProvider {

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

package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import org.dmaworkbench.dsl.dmas.CallStatement;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Statement;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * KVA or bypass asked for an untrusted device (data {@code [device, mode]}): use IOVA mode
 * instead, or state that the platform refuses ({@code expect IOMMU_PASID_INVALID}).
 */
public class KvaUntrustedFix implements QuickFix {

    @Override
    public String issueCode() {
        return IssueCodes.KVA_UNTRUSTED;
    }

    @Override
    public void fix(FixContext context, List<CodeAction> actions) {
        actions.add(context.action("Use IOVA mode for " + (context.data(0) == null ? "the device" : context.data(0)),
                new TextEdit(context.range(), "IOVA")));
        Statement st = context.elementAt(Statement.class);
        EObject expect = st instanceof HandleDecl h ? h.getExpect() : st instanceof CallStatement c ? c.getExpect() : null;
        if (st == null || expect != null) return;
        Position end = context.document().getPosition(NodeModelUtils.findActualNodeFor(st).getEndOffset());
        actions.add(context.action("Expect IOMMU_PASID_INVALID", new TextEdit(new Range(end, end), " expect IOMMU_PASID_INVALID")));
    }
}

package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * A handle declared with the wrong type: with data {@code [keyword]} the keyword is replaced;
 * without (the call's result fits no handle) {@code TYPE name =} is dropped, leaving the call.
 */
public class HandleTypeFix implements QuickFix {

    @Override
    public String issueCode() {
        return IssueCodes.HANDLE_TYPE_MISMATCH;
    }

    @Override
    public void fix(FixContext context, List<CodeAction> actions) {
        String keyword = context.data(0);
        if (keyword != null && !keyword.isEmpty()) {
            actions.add(context.action("Declare as " + keyword, new TextEdit(context.range(), keyword)));
            return;
        }
        HandleDecl decl = context.elementAt(HandleDecl.class);
        if (decl == null || decl.getCall() == null) return;
        int callStart = NodeModelUtils.findActualNodeFor(decl.getCall()).getOffset();
        Range drop = new Range(context.range().getStart(), context.document().getPosition(callStart));
        actions.add(context.action("Drop the handle '" + decl.getName() + "', keep the call", new TextEdit(drop, "")));
    }
}

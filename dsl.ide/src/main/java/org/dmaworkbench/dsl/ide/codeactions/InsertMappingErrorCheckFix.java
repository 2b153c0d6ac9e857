package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * A mapping never checked with {@code dma_mapping_error()}: inserts
 * {@code dma_mapping_error(dev, h) expect false} on the line after the declaration, indented
 * like it. Device and handle come from the issue data ({@code [device, handle]}).
 */
public class InsertMappingErrorCheckFix implements QuickFix {

    @Override
    public String issueCode() {
        return IssueCodes.MISSING_MAPPING_ERROR_CHECK;
    }

    @Override
    public void fix(FixContext context, List<CodeAction> actions) {
        String dev = context.data(0);
        String handle = context.data(1);
        HandleDecl decl = context.elementAt(HandleDecl.class);
        if (dev == null || handle == null || decl == null) return;
        Position end = context.endOfLastLine(decl);
        String check = "dma_mapping_error(" + dev + ", " + handle + ") expect false";
        actions.add(context.action("Check with " + "dma_mapping_error(" + dev + ", " + handle + ")",
                new TextEdit(new Range(end, end), "\n" + context.indentationOf(decl) + check)));
    }
}

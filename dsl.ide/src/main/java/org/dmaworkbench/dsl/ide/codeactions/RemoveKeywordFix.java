package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/** Removes the flagged keyword and the blanks before it (e.g. a contradicting {@code non-coherent}). */
public class RemoveKeywordFix implements QuickFix {
    private final String issueCode;

    public RemoveKeywordFix(String issueCode) {
        this.issueCode = issueCode;
    }

    @Override
    public String issueCode() {
        return issueCode;
    }

    @Override
    public void fix(FixContext context, List<CodeAction> actions) {
        String text = context.document().getContents();
        int start = context.document().getOffSet(context.range().getStart());
        while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) start--;
        Range range = new Range(context.document().getPosition(start), context.range().getEnd());
        actions.add(context.action("Remove '" + context.text() + "'", new TextEdit(range, "")));
    }
}

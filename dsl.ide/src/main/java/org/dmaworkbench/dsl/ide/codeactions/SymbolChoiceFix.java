package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import org.dmaworkbench.dsl.ide.docs.KeywordDocs;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;

/**
 * An argument where the call takes a symbol ({@code dir}, {@code mode}, ...): the issue data lists
 * the accepted spellings; each one the language can spell as a symbol becomes a replacement.
 * (When the data names a type instead, e.g. {@code buffer}, there is nothing to substitute.)
 */
public class SymbolChoiceFix implements QuickFix {

    @Override
    public String issueCode() {
        return IssueCodes.ARG_TYPE_MISMATCH;
    }

    @Override
    public void fix(FixContext context, List<CodeAction> actions) {
        for (String symbol : context.data()) {
            if (KeywordDocs.SYMBOLS.containsKey(symbol) && !symbol.equals(context.text())) {
                actions.add(context.action("Use " + symbol, new TextEdit(context.range(), symbol)));
            }
        }
    }
}

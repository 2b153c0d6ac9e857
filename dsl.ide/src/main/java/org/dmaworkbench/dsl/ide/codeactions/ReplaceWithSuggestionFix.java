package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.TextEdit;

/**
 * Replaces the flagged text with the value the validator suggested in the issue data: a
 * did-you-mean name, the nearest valid number, the value the matching map call used. One action
 * per suggestion when {@code allSuggestions} (e.g. closest counters, best first).
 */
public class ReplaceWithSuggestionFix implements QuickFix {
    private final String issueCode;
    private final String title;
    private final boolean quoted;
    private final boolean allSuggestions;
    private final boolean errorsOnly;

    /** @param title format with one {@code %s} for the suggestion */
    public ReplaceWithSuggestionFix(String issueCode, String title, boolean quoted, boolean allSuggestions, boolean errorsOnly) {
        this.issueCode = issueCode;
        this.title = title;
        this.quoted = quoted;
        this.allSuggestions = allSuggestions;
        this.errorsOnly = errorsOnly;
    }

    public static ReplaceWithSuggestionFix of(String issueCode, String title) {
        return new ReplaceWithSuggestionFix(issueCode, title, false, false, false);
    }

    @Override
    public String issueCode() {
        return issueCode;
    }

    @Override
    public void fix(FixContext context, List<CodeAction> actions) {
        if (errorsOnly && context.diagnostic().getSeverity() != DiagnosticSeverity.Error) return;
        List<String> suggestions = allSuggestions ? context.data() : context.data().stream().limit(1).toList();
        for (String s : suggestions) {
            if (s == null || s.isEmpty() || s.equals(context.text())) continue;
            String text = quoted ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : s;
            actions.add(context.action(String.format(title, s), new TextEdit(context.range(), text)));
        }
    }
}

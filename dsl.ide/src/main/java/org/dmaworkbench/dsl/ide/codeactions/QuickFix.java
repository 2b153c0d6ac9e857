package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;

/**
 * One quick fix for one issue code. It reads what it needs from the issue data the validator
 * attached to the diagnostic (see {@code org.dmaworkbench.dsl.validation.IssueCodes}) and, at
 * most, the text of the document; it does not re-run any analysis.
 */
public interface QuickFix {
    /** The issue code ({@code IssueCodes.*}) this fix resolves. */
    String issueCode();

    /** Adds zero or more code actions resolving the diagnostic of {@code context}. */
    void fix(FixContext context, List<CodeAction> actions);
}

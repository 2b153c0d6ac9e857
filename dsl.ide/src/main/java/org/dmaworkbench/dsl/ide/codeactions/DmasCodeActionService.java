package org.dmaworkbench.dsl.ide.codeactions;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Quick fixes as LSP code actions: each diagnostic in the request is dispatched by its issue code
 * to the {@link QuickFix} registered for it in {@link DmasQuickFixes}.
 */
public class DmasCodeActionService implements ICodeActionService2 {
    @Inject
    private DmasQuickFixes fixes;

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        List<String> only = options.getCodeActionParams().getContext().getOnly();
        if (only != null && !only.isEmpty() && only.stream().noneMatch(k -> k.equals(CodeActionKind.QuickFix) || k.isEmpty())) {
            return List.of();
        }
        List<Diagnostic> handled = new ArrayList<>();
        for (Diagnostic d : options.getCodeActionParams().getContext().getDiagnostics()) {
            if (fixes.forCode(IssueData.code(d)) != null) handled.add(d);
        }
        if (handled.isEmpty()) return List.of();
        if (options.getDocument() != null && options.getResource() != null) {
            return actions(options, options.getDocument(), options.getResource(), handled);
        }
        return options.getLanguageServerAccess().doSyncRead(options.getURI(),
                ctx -> actions(options, ctx.getDocument(), ctx.getResource(), handled));
    }

    private List<Either<Command, CodeAction>> actions(Options options, Document document, Resource r, List<Diagnostic> diagnostics) {
        XtextResource resource = r instanceof XtextResource x ? x : null;
        List<CodeAction> actions = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            FixContext context = new FixContext(options.getURI(), d, IssueData.of(d), document, resource);
            fixes.forCode(IssueData.code(d)).fix(context, actions);
        }
        List<Either<Command, CodeAction>> result = new ArrayList<>();
        for (CodeAction a : actions) result.add(Either.forRight(a));
        return result;
    }
}

package org.dmaworkbench.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ide.editor.EditorDocument;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Ctrl+Space: the language's completion ({@code DmasContentAssistService} through
 * {@code EditorServices.complete}) as JFace proposals: keywords, handles in scope, enum values,
 * templates. Registered for the {@code .dmas} content type on the generic editor.
 */
public class DmasContentAssistProcessor implements IContentAssistProcessor {
    private String error;

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        error = null;
        IDocument document = viewer.getDocument();
        EditorDocument model = DmasDocuments.of(document);
        List<ICompletionProposal> out = new ArrayList<>();
        try {
            for (CompletionItem item : DmasIde.services().complete(model, offset, CancelIndicator.NullImpl)) {
                ICompletionProposal p = proposal(document, offset, item);
                if (p != null) out.add(p);
            }
        } catch (RuntimeException e) {
            error = "No proposals: " + e.getMessage();
        }
        return out.toArray(ICompletionProposal[]::new);
    }

    static ICompletionProposal proposal(IDocument document, int offset, CompletionItem item) {
        TextEdit edit = item.getTextEdit() != null && item.getTextEdit().isLeft() ? item.getTextEdit().getLeft() : null;
        try {
            int start = offset, end = offset;
            String text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
            if (edit != null) {
                start = document.getLineOffset(edit.getRange().getStart().getLine()) + edit.getRange().getStart().getCharacter();
                end = document.getLineOffset(edit.getRange().getEnd().getLine()) + edit.getRange().getEnd().getCharacter();
                text = edit.getNewText();
            }
            Snippet snippet = item.getInsertTextFormat() == InsertTextFormat.Snippet ? Snippet.parse(text)
                    : new Snippet(text, List.of(), text.length());
            return new DmasCompletionProposal(item, snippet, start, Math.max(end, offset) - start);
        } catch (BadLocationException e) {
            return null;
        }
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] { '.' };
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return error;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}

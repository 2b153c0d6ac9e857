package org.dmaworkbench.dsl.ui.editor;

import java.util.Locale;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * One completion item: replaces the typed prefix with its text (a template's placeholders become
 * a selection), keeps itself in the list while the user types on if its label still matches.
 */
public class DmasCompletionProposal implements ICompletionProposal, ICompletionProposalExtension2 {
    private final CompletionItem item;
    private final Snippet snippet;
    private final int offset;
    private int length;

    public DmasCompletionProposal(CompletionItem item, Snippet snippet, int offset, int length) {
        this.item = item;
        this.snippet = snippet;
        this.offset = offset;
        this.length = length;
    }

    public CompletionItem item() {
        return item;
    }

    @Override
    public void apply(IDocument document) {
        try {
            document.replace(offset, length, snippet.text());
        } catch (BadLocationException e) {
            // the document changed under the popup: nothing to insert
        }
    }

    @Override
    public void apply(ITextViewer viewer, char trigger, int stateMask, int caret) {
        length = Math.max(length, caret - offset);
        apply(viewer.getDocument());
        if (!snippet.stops().isEmpty()) TemplateLinkedMode.enter(viewer, offset, snippet);
    }

    @Override
    public Point getSelection(IDocument document) {
        Snippet.Stop first = snippet.first();
        return first == null ? new Point(offset + snippet.exit(), 0) : new Point(offset + first.offset(), first.length());
    }

    @Override
    public String getAdditionalProposalInfo() {
        if (item.getDocumentation() == null) return item.getDetail();
        return item.getDocumentation().isLeft() ? item.getDocumentation().getLeft()
                : Markdown.toPlainText(item.getDocumentation().getRight().getValue());
    }

    @Override
    public String getDisplayString() {
        String detail = item.getDetail();
        if (detail == null || detail.isEmpty()) return item.getLabel();
        if (detail.startsWith(item.getLabel())) return detail; // a call's signature already starts with its name
        return item.getLabel() + " - " + detail;
    }

    @Override
    public Image getImage() {
        CompletionItemKind k = item.getKind();
        if (k == null) return null;
        String key = switch (k) {
            case Snippet -> ISharedImages.IMG_OBJ_FILE;
            case Keyword -> null;
            case Reference, Variable, Field, Struct -> ISharedImages.IMG_OBJ_ELEMENT;
            default -> null;
        };
        return key == null ? null : PlatformUI.getWorkbench().getSharedImages().getImage(key);
    }

    @Override
    public IContextInformation getContextInformation() {
        return null;
    }

    @Override
    public void selected(ITextViewer viewer, boolean smartToggle) { }

    @Override
    public void unselected(ITextViewer viewer) { }

    @Override
    public boolean validate(IDocument document, int caret, DocumentEvent event) {
        if (caret < offset) return false;
        try {
            String typed = document.get(offset, caret - offset).toLowerCase(Locale.ROOT);
            String filter = item.getFilterText() != null ? item.getFilterText() : item.getLabel();
            return filter.toLowerCase(Locale.ROOT).startsWith(typed);
        } catch (BadLocationException e) {
            return false;
        }
    }
}

package org.dmaworkbench.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.ui.texteditor.ITextEditor;

/** Applies the language's LSP text edits (formatting, quick fixes) to a JFace document. */
public final class TextEdits {
    private TextEdits() { }

    /** Applies {@code edits} (positions in the current text) back to front, as one undoable change when an editor is given. */
    public static void apply(ITextEditor editor, IDocument doc, List<TextEdit> edits) throws BadLocationException {
        if (edits.isEmpty()) return;
        record Change(int offset, int length, String text) { }
        List<Change> changes = new ArrayList<>();
        for (TextEdit e : edits) {
            int start = doc.getLineOffset(e.getRange().getStart().getLine()) + e.getRange().getStart().getCharacter();
            int end = doc.getLineOffset(e.getRange().getEnd().getLine()) + e.getRange().getEnd().getCharacter();
            changes.add(new Change(start, end - start, e.getNewText()));
        }
        changes.sort(Comparator.comparingInt(Change::offset).reversed());
        IRewriteTarget target = editor == null ? null : editor.getAdapter(IRewriteTarget.class);
        if (target != null) target.beginCompoundChange();
        try {
            for (Change c : changes) doc.replace(c.offset(), c.length(), c.text());
        } finally {
            if (target != null) target.endCompoundChange();
        }
    }
}

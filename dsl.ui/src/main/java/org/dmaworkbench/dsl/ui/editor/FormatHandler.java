package org.dmaworkbench.dsl.ui.editor;

import java.util.List;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Source > Format (Ctrl+Shift+F): the language's formatter ({@code DmasFormatter}) applied to the
 * open document as one undoable change; the caret stays on its line.
 */
public class FormatHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (!(part instanceof ITextEditor editor) || !editor.isEditable()) return null;
        IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (doc == null) return null;
        List<TextEdit> edits = DmasIde.services().format(DmasDocuments.of(doc), CancelIndicator.NullImpl);
        try {
            TextEdits.apply(editor, doc, edits);
        } catch (BadLocationException e) {
            throw new ExecutionException("the document changed while it was formatted", e);
        }
        return null;
    }
}

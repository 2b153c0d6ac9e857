package org.dmaworkbench.dsl.ui.editor;

import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ide.editor.EditorDocument;
import org.dmaworkbench.dsl.ide.editor.EditorServices;
import org.dmaworkbench.dsl.ide.rename.DmasRenamer;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Rename (Alt+Shift+R, or Rename... in the editor's menu) on a handle: asks for the new name,
 * checked as it is typed, then changes the declaration and every use in the scenario as one
 * undoable edit ({@code DmasRenamer}, the same as the language server's rename). What cannot be
 * renamed completely is refused with the reason.
 */
public class RenameHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor)) return null;
        IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (doc == null || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection sel)) return null;
        Shell shell = editor.getSite().getShell();
        EditorServices services = DmasIde.services();
        EditorDocument model = DmasDocuments.of(doc);
        int offset = sel.getOffset();
        String current;
        try {
            current = services.renameTarget(model, offset);
        } catch (DmasRenamer.Refused e) {
            MessageDialog.openInformation(shell, "Rename", e.getMessage());
            return null;
        }
        InputDialog dialog = new InputDialog(shell, "Rename Handle",
                "New name for '" + current + "' (its declaration and every use in the scenario):", current,
                name -> services.renameProblem(model, offset, name));
        if (dialog.open() != Window.OK || dialog.getValue().equals(current)) return null;
        try {
            TextEdits.apply(editor, doc, services.rename(model, offset, dialog.getValue()));
        } catch (DmasRenamer.Refused e) {
            MessageDialog.openInformation(shell, "Rename", e.getMessage());
        } catch (BadLocationException e) {
            DmasUiPlugin.log("rename of '" + current + "' failed", e);
        }
        return null;
    }
}

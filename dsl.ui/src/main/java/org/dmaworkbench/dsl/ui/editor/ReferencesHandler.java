package org.dmaworkbench.dsl.ui.editor;

import java.util.List;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.util.ITextRegion;

/**
 * Find References (Ctrl+Shift+G): a popup listing the declaration and every use in this file of
 * the handle, device, IOMMU or platform under the caret, one line each; Enter or a double-click
 * goes there.
 */
public class ReferencesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor)) return null;
        IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (doc == null || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection sel)) return null;
        List<ITextRegion> found = DmasIde.services().references(DmasDocuments.of(doc), sel.getOffset());
        String name = "";
        try {
            if (!found.isEmpty()) name = doc.get(found.get(0).getOffset(), found.get(0).getLength());
        } catch (BadLocationException e) {
            // the document changed meanwhile: no name in the title
        }
        String title = found.isEmpty() ? "Nothing named here: put the caret on a handle, device, IOMMU or platform"
                : found.size() + (found.size() == 1 ? " occurrence" : " occurrences") + " of '" + name + "' in this file";
        new Popup(editor.getSite().getShell(), title, editor, doc, found).open();
        return null;
    }

    /** The list of occurrences under the editor's caret. */
    static final class Popup extends PopupDialog {
        private final ITextEditor editor;
        private final IDocument doc;
        private final List<ITextRegion> found;

        Popup(Shell parent, String title, ITextEditor editor, IDocument doc, List<ITextRegion> found) {
            super(parent, PopupDialog.INFOPOPUPRESIZE_SHELLSTYLE, true, false, false, false, false, title, "Enter or double-click: go there");
            this.editor = editor;
            this.doc = doc;
            this.found = found;
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            Table table = new Table(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
            table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            for (ITextRegion r : found) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(line(r));
                item.setData(r);
            }
            if (table.getItemCount() > 0) table.select(0);
            table.addListener(SWT.DefaultSelection, e -> {
                if (table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof ITextRegion r) {
                    close();
                    editor.selectAndReveal(r.getOffset(), r.getLength());
                }
            });
            return area;
        }

        private String line(ITextRegion r) {
            try {
                int line = doc.getLineOfOffset(r.getOffset());
                return (line + 1) + ":  " + doc.get(doc.getLineOffset(line), doc.getLineLength(line)).strip();
            } catch (BadLocationException e) {
                return "offset " + r.getOffset();
            }
        }
    }
}

package org.dmaworkbench.dsl.ui.outline;

import java.util.List;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ui.editor.DmasDocuments;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The Outline view of a {@code .dmas} editor: platforms, devices, scenarios, benchmarks and their
 * steps ({@code DmasDocumentSymbolService}); refreshed in the background 400 ms after the last
 * edit; selecting an entry reveals it in the editor.
 */
public class DmasOutlinePage extends ContentOutlinePage {
    private final ITextEditor editor;
    private final IDocument document;
    private final Job refresh;
    private final IDocumentListener listener = new IDocumentListener() {
        @Override public void documentAboutToBeChanged(DocumentEvent event) { }
        @Override public void documentChanged(DocumentEvent event) { refresh.schedule(400); }
    };

    public DmasOutlinePage(ITextEditor editor) {
        this.editor = editor;
        this.document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        this.refresh = Job.create("Outline", (IProgressMonitor m) -> {
            List<DocumentSymbol> symbols = DmasIde.services().symbols(DmasDocuments.of(document), CancelIndicator.NullImpl);
            TreeViewer v = getTreeViewer();
            if (v == null || v.getControl().isDisposed()) return Status.OK_STATUS;
            v.getControl().getDisplay().asyncExec(() -> {
                if (!v.getControl().isDisposed()) {
                    v.setInput(symbols);
                    v.expandToLevel(2);
                }
            });
            return Status.OK_STATUS;
        });
        refresh.setSystem(true);
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer v = getTreeViewer();
        v.setContentProvider(new ITreeContentProvider() {
            @Override public Object[] getElements(Object input) { return ((List<?>) input).toArray(); }
            @Override public Object[] getChildren(Object e) { return children(e).toArray(); }
            @Override public Object getParent(Object e) { return null; }
            @Override public boolean hasChildren(Object e) { return !children(e).isEmpty(); }
        });
        v.setLabelProvider(new LabelProvider() {
            @Override public String getText(Object e) {
                DocumentSymbol s = (DocumentSymbol) e;
                return s.getDetail() == null || s.getDetail().isEmpty() ? s.getName() : s.getName() + " : " + s.getDetail();
            }
            @Override public Image getImage(Object e) {
                return PlatformUI.getWorkbench().getSharedImages().getImage(
                        hasChildren(e) ? ISharedImages.IMG_OBJ_FOLDER : ISharedImages.IMG_OBJ_ELEMENT);
            }
            private boolean hasChildren(Object e) { return !children(e).isEmpty(); }
        });
        v.addSelectionChangedListener(e -> {
            if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof DocumentSymbol sym) reveal(sym);
        });
        if (document != null) {
            document.addDocumentListener(listener);
            refresh.schedule();
        }
    }

    private static List<DocumentSymbol> children(Object e) {
        List<DocumentSymbol> c = ((DocumentSymbol) e).getChildren();
        return c == null ? List.of() : c;
    }

    private void reveal(DocumentSymbol s) {
        try {
            var r = s.getSelectionRange() != null ? s.getSelectionRange() : s.getRange();
            int start = document.getLineOffset(r.getStart().getLine()) + r.getStart().getCharacter();
            int end = document.getLineOffset(r.getEnd().getLine()) + r.getEnd().getCharacter();
            editor.selectAndReveal(start, end - start);
        } catch (BadLocationException e) {
            // the outline is older than the text: the next refresh fixes it
        }
    }

    @Override
    public void dispose() {
        if (document != null) document.removeDocumentListener(listener);
        refresh.cancel();
        super.dispose();
    }
}

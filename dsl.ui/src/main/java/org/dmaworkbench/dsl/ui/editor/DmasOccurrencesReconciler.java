package org.dmaworkbench.dsl.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Mark occurrences: when the caret rests on a device, handle or other name, its declaration and
 * every use in the file are highlighted (the generic editor's occurrence annotation type).
 * Computed in a short job, never on the UI thread.
 */
public class DmasOccurrencesReconciler implements IReconciler {
    static final String ANNOTATION_TYPE = "org.eclipse.ui.genericeditor.text";

    private ISourceViewer viewer;
    private Annotation[] shown = new Annotation[0];
    private Job job;
    private final ISelectionChangedListener listener = this::caretMoved;

    @Override
    public void install(ITextViewer textViewer) {
        if (!(textViewer instanceof ISourceViewer sv)) return;
        viewer = sv;
        if (sv.getSelectionProvider() instanceof IPostSelectionProvider p) p.addPostSelectionChangedListener(listener);
    }

    @Override
    public void uninstall() {
        if (viewer != null && viewer.getSelectionProvider() instanceof IPostSelectionProvider p) p.removePostSelectionChangedListener(listener);
        viewer = null;
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }

    private void caretMoved(SelectionChangedEvent e) {
        if (!(e.getSelection() instanceof ITextSelection sel) || viewer == null) return;
        IDocument doc = viewer.getDocument();
        if (doc == null) return;
        int offset = sel.getOffset();
        if (job != null) job.cancel();
        ISourceViewer v = viewer;
        job = Job.create("Mark occurrences", (IProgressMonitor monitor) -> {
            List<DocumentHighlight> hs;
            try {
                hs = DmasIde.services().occurrences(DmasDocuments.of(doc), offset, monitor::isCanceled);
            } catch (RuntimeException ex) {
                return Status.OK_STATUS;
            }
            if (monitor.isCanceled()) return Status.CANCEL_STATUS;
            Map<Annotation, Position> added = new HashMap<>();
            for (DocumentHighlight h : hs) {
                try {
                    int start = doc.getLineOffset(h.getRange().getStart().getLine()) + h.getRange().getStart().getCharacter();
                    int end = doc.getLineOffset(h.getRange().getEnd().getLine()) + h.getRange().getEnd().getCharacter();
                    added.put(new Annotation(ANNOTATION_TYPE, false, "occurrence"), new Position(start, end - start));
                } catch (BadLocationException ex) {
                    return Status.CANCEL_STATUS;
                }
            }
            IAnnotationModel model = v.getAnnotationModel();
            if (model instanceof IAnnotationModelExtension ext) {
                synchronized (this) {
                    ext.replaceAnnotations(shown, added);
                    shown = added.keySet().toArray(Annotation[]::new);
                }
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule(100);
    }
}

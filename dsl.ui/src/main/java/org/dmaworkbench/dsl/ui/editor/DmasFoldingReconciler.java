package org.dmaworkbench.dsl.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.xtext.ide.editor.folding.FoldingRange;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Folding: platform, device, scenario and benchmark blocks and comment blocks
 * ({@code DmasFoldingRangeProvider}), widened to whole lines, updated in the background.
 */
public class DmasFoldingReconciler extends Reconciler {
    private ProjectionViewer viewer;

    public DmasFoldingReconciler() {
        setReconcilingStrategy(new Strategy(), IDocument.DEFAULT_CONTENT_TYPE);
        setDelay(500);
        setIsIncrementalReconciler(false);
        setIsAllowedToModifyDocument(false);
    }

    @Override
    public void install(ITextViewer textViewer) {
        if (textViewer instanceof ProjectionViewer p) viewer = p;
        super.install(textViewer);
    }

    private final class Strategy extends WholeDocumentStrategy {
        @Override
        protected void process(IDocument doc) {
            ProjectionViewer v = viewer;
            if (v == null) return;
            ProjectionAnnotationModel model = v.getProjectionAnnotationModel();
            if (model == null) return;
            List<Position> wanted = new ArrayList<>();
            try {
                for (FoldingRange r : DmasIde.services().folding(DmasDocuments.of(doc), CancelIndicator.NullImpl)) {
                    if (r.getOffset() + r.getLength() > doc.getLength()) continue;
                    int first = doc.getLineOfOffset(r.getOffset());
                    int last = doc.getLineOfOffset(r.getOffset() + r.getLength());
                    if (last <= first) continue;
                    int start = doc.getLineOffset(first);
                    IRegion lastLine = doc.getLineInformation(last);
                    int end = Math.min(doc.getLength(), lastLine.getOffset() + lastLine.getLength() + 1);
                    wanted.add(new Position(start, end - start));
                }
            } catch (BadLocationException | RuntimeException e) {
                return; // the text changed meanwhile: the next reconcile folds it
            }
            Map<Position, Annotation> existing = new HashMap<>();
            for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext(); ) {
                Annotation a = it.next();
                if (a instanceof ProjectionAnnotation) existing.put(model.getPosition(a), a);
            }
            Map<Annotation, Position> additions = new HashMap<>();
            for (Position p : wanted) {
                if (existing.remove(p) == null) additions.put(new ProjectionAnnotation(), p);
            }
            model.modifyAnnotations(existing.values().toArray(Annotation[]::new), additions, null);
        }
    }
}

package org.dmaworkbench.dsl.ui.editor;

import org.dmaworkbench.dsl.ide.editor.Checked;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ide.editor.EditorDocument;
import org.dmaworkbench.dsl.ui.markers.FileChecker;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.swt.widgets.Display;

/**
 * Validation while typing: 300 ms after the last keystroke, on the reconciler's own thread, the
 * whole text is checked; problems become markers on the file (squiggles in the editor, entries in
 * the Problems view), or plain annotations for a file outside the workspace, and the semantic
 * highlighting is refreshed.
 */
public class DmasValidationReconciler extends Reconciler {
    private ITextViewer viewer;

    public DmasValidationReconciler() {
        setReconcilingStrategy(new Strategy(), IDocument.DEFAULT_CONTENT_TYPE);
        setDelay(300);
        setIsIncrementalReconciler(false);
        setIsAllowedToModifyDocument(false);
    }

    @Override
    public void install(ITextViewer textViewer) {
        this.viewer = textViewer;
        super.install(textViewer);
    }

    private final class Strategy extends WholeDocumentStrategy {
        @Override
        protected void process(IDocument doc) {
            EditorDocument model = DmasDocuments.of(doc);
            EditorDocument.Snapshot now = model.snapshot();
            int version = now.version();
            String text = now.text();
            IFile file = DmasDocuments.file(doc);
            NullProgressMonitor monitor = new NullProgressMonitor() {
                @Override public boolean isCanceled() { return model.version() != version || super.isCanceled(); }
            };
            Checked c = file != null ? FileChecker.check(file, version, text, monitor)
                    : DmasIde.services().check(model.uri(), version, text, monitor::isCanceled);
            if (monitor.isCanceled()) return;
            ITextViewer v = viewer;
            if (file == null && v instanceof ISourceViewer sv) ProblemAnnotations.show(sv, c.problems()); // a file outside the workspace: no markers
            if (v == null || v.getTextWidget() == null) return;
            Display display = v.getTextWidget().getDisplay();
            display.asyncExec(() -> {
                SemanticHighlighter h = SemanticHighlighter.of(v);
                if (h != null) h.update(c);
            });
        }
    }
}

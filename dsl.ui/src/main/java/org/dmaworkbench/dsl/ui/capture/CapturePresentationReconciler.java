package org.dmaworkbench.dsl.ui.capture;

import org.dmaworkbench.dsl.ui.preferences.SyntaxColors;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/** The highlighting of captures and kernel logs ({@link CaptureTokenScanner}); a change of the colours repaints. */
public class CapturePresentationReconciler extends PresentationReconciler {
    private final CaptureTokenScanner scanner = new CaptureTokenScanner();
    private Runnable stopListening;

    public CapturePresentationReconciler() {
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(scanner);
        setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
        setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
    }

    @Override
    public void install(ITextViewer textViewer) {
        super.install(textViewer);
        stopListening = SyntaxColors.listen(() -> textViewer.getTextWidget().getDisplay().asyncExec(() -> {
            if (textViewer.getTextWidget() == null || textViewer.getTextWidget().isDisposed()) return;
            scanner.refresh();
            textViewer.invalidateTextPresentation();
        }));
    }

    @Override
    public void uninstall() {
        if (stopListening != null) stopListening.run();
        stopListening = null;
        super.uninstall();
    }
}

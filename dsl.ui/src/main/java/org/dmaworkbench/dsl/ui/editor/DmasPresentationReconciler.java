package org.dmaworkbench.dsl.ui.editor;

import org.dmaworkbench.dsl.ui.preferences.SyntaxColors;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/**
 * Syntax highlighting ({@link DmasTokenScanner}) with the semantic highlighting of the last
 * background check layered on top ({@link SemanticHighlighter}), in the colours of the
 * preferences; a change of them repaints the editor.
 */
public class DmasPresentationReconciler extends PresentationReconciler {
    private ITextViewer viewer;
    private final DmasTokenScanner scanner = new DmasTokenScanner();
    private Runnable stopListening;

    public DmasPresentationReconciler() {
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(scanner);
        setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
        setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
    }

    @Override
    public void install(ITextViewer textViewer) {
        this.viewer = textViewer;
        super.install(textViewer);
        SemanticHighlighter.install(textViewer);
        stopListening = SyntaxColors.listen(() -> textViewer.getTextWidget().getDisplay().asyncExec(() -> {
            if (textViewer.getTextWidget() == null || textViewer.getTextWidget().isDisposed()) return;
            scanner.refresh();
            textViewer.invalidateTextPresentation(); // the semantic colours are read again as it repaints
        }));
    }

    @Override
    public void uninstall() {
        if (stopListening != null) stopListening.run();
        stopListening = null;
        SemanticHighlighter.uninstall(viewer);
        viewer = null;
        super.uninstall();
    }
}

package org.dmaworkbench.dsl.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/**
 * Syntax highlighting ({@link DmasTokenScanner}) with the semantic highlighting of the last
 * background check layered on top ({@link SemanticHighlighter}).
 */
public class DmasPresentationReconciler extends PresentationReconciler {
    private ITextViewer viewer;

    public DmasPresentationReconciler() {
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(new DmasTokenScanner());
        setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
        setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
    }

    @Override
    public void install(ITextViewer textViewer) {
        this.viewer = textViewer;
        super.install(textViewer);
        SemanticHighlighter.install(textViewer);
    }

    @Override
    public void uninstall() {
        SemanticHighlighter.uninstall(viewer);
        viewer = null;
        super.uninstall();
    }
}

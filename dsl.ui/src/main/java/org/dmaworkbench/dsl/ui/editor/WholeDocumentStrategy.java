package org.dmaworkbench.dsl.ui.editor;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;

/**
 * A reconciling strategy that looks at the whole document each time (on open and after every
 * pause in typing), on the reconciler's thread: the language's services work on whole files.
 */
abstract class WholeDocumentStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
    private volatile IDocument document;

    /** Does the work for {@code document}; called on the reconciler's thread. */
    protected abstract void process(IDocument document);

    @Override public void setDocument(IDocument document) { this.document = document; }
    @Override public void setProgressMonitor(IProgressMonitor monitor) { }
    @Override public void initialReconcile() { run(); }
    @Override public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) { run(); }
    @Override public void reconcile(IRegion partition) { run(); }

    private void run() {
        IDocument d = document;
        if (d != null) process(d);
    }
}

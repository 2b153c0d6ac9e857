package org.dmaworkbench.dsl.ui.editor;

import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ide.editor.Target;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;

/** Ctrl+click on a device, handle or platform: go to its declaration, in this file or an imported one. */
public class DmasHyperlinkDetector extends AbstractHyperlinkDetector {

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
        if (viewer.getDocument() == null || !DmasDocuments.isDmas(viewer.getDocument())) return null;
        try {
            Target t = DmasIde.services().definition(DmasDocuments.of(viewer.getDocument()), region.getOffset());
            if (t == null) return null;
            return new IHyperlink[] { new DeclarationHyperlink(new Region(t.fromOffset(), t.fromLength()), t) };
        } catch (RuntimeException e) {
            return null;
        }
    }
}

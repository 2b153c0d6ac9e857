package org.dmaworkbench.dsl.ui.editor;

import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Hover documentation: kernel calls with their signatures, devices with their trust and IOMMU,
 * handles with their declaration, keywords and counters ({@code DmasHoverService}), in a popup
 * that wraps ({@link HoverControl}).
 */
public class DmasHoverProvider implements ITextHover, ITextHoverExtension {

    /** A popup that wraps the text (the generic editor asks the hover that answered for its control). */
    @Override
    public IInformationControlCreator getHoverControlCreator() {
        return HoverControl.creator();
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        try {
            String md = DmasIde.services().hover(DmasDocuments.of(viewer.getDocument()), region.getOffset(), CancelIndicator.NullImpl);
            return md == null || md.isBlank() ? null : Markdown.toPlainText(md);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        String text = viewer.getDocument().get();
        int start = offset, end = offset;
        while (start > 0 && isWord(text.charAt(start - 1))) start--;
        while (end < text.length() && isWord(text.charAt(end))) end++;
        return new Region(start, end - start);
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}

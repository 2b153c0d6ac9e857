package org.dmaworkbench.dsl.ui.capture;

import org.dmaworkbench.dsl.ui.editor.HoverControl;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;

/**
 * Hover over a line of a capture or kernel log: its findings as {@code ./dmas trace} prints them (the violation and
 * the earlier event it conflicts with, the fault and the mapping that covered its address), and a fault line's
 * decoding by the runtime's faultlog package ({@link CaptureExplanations}).
 */
public class CaptureHoverProvider implements ITextHover, ITextHoverExtension {

    @Override
    public IInformationControlCreator getHoverControlCreator() {
        return HoverControl.creator();
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        try {
            int line = viewer.getDocument().getLineOfOffset(region.getOffset());
            return CaptureExplanations.of(viewer.getDocument()).at(line + 1L);
        } catch (BadLocationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        try {
            return viewer.getDocument().getLineInformationOfOffset(offset);
        } catch (BadLocationException e) {
            return null;
        }
    }
}

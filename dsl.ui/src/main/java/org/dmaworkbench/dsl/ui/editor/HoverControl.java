package org.dmaworkbench.dsl.ui.editor;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.AbstractInformationControl;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IInformationControlExtension2;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.editors.text.EditorsUI;

/**
 * The hover popup: the documentation text wrapped at about {@link #COLUMNS} characters (the
 * platform's default control keeps each paragraph on one line, as wide as the screen); code lines
 * keep their indentation. F2 turns it into a resizable, scrollable copy.
 */
public final class HoverControl extends AbstractInformationControl implements IInformationControlExtension2 {
    static final int COLUMNS = 80;
    private static final int MAX_LINES = 30;
    private StyledText text;
    private Point constraints;

    private HoverControl(Shell parent, String status) {
        super(parent, status);
        create();
    }

    private HoverControl(Shell parent, boolean resizable) {
        super(parent, resizable);
        create();
    }

    /** The hover's creator; its F2 (enriched) form is resizable. */
    public static IInformationControlCreator creator() {
        return parent -> new HoverControl(parent, EditorsUI.getTooltipAffordanceString());
    }

    @Override
    public IInformationControlCreator getInformationPresenterControlCreator() {
        return parent -> new HoverControl(parent, true);
    }

    @Override
    protected void createContent(Composite parent) {
        text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        text.setFont(JFaceResources.getDialogFont());
        text.setForeground(parent.getForeground());
        text.setBackground(parent.getBackground());
        text.setMargins(4, 2, 4, 2);
        text.setWrapIndent(0);
    }

    @Override
    public void setInformation(String information) {
        text.setText(information == null ? "" : information);
    }

    @Override
    public void setInput(Object input) {
        setInformation(input == null ? null : input.toString());
    }

    @Override
    public boolean hasContents() {
        return text.getCharCount() > 0;
    }

    @Override
    public void setSizeConstraints(int maxWidth, int maxHeight) {
        super.setSizeConstraints(maxWidth, maxHeight);
        constraints = new Point(maxWidth, maxHeight);
    }

    @Override
    public Point computeSizeHint() {
        GC gc = new GC(text);
        int wrapAt;
        int lineHeight;
        try {
            gc.setFont(text.getFont());
            wrapAt = (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth() * COLUMNS);
            lineHeight = gc.getFontMetrics().getHeight();
        } finally {
            gc.dispose();
        }
        int natural = text.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
        int width = Math.min(natural, wrapAt);
        if (constraints != null && constraints.x > 0) width = Math.min(width, constraints.x);
        int height = Math.min(text.computeSize(width, SWT.DEFAULT).y, MAX_LINES * lineHeight);
        Rectangle trim = computeTrim();
        return new Point(width + trim.width, height + trim.height);
    }

    @Override
    public void setFocus() {
        super.setFocus();
        text.setFocus();
    }

    /** For tests: the text widget. */
    StyledText textWidget() {
        return text;
    }
}

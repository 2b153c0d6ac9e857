package org.dmaworkbench.dsl.ui.editor;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.dmaworkbench.dsl.ide.editor.Checked;
import org.dmaworkbench.dsl.ide.editor.Highlight;
import org.dmaworkbench.dsl.ide.highlighting.DmasHighlightingStyles;
import org.dmaworkbench.dsl.ui.preferences.SyntaxColors;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.custom.StyleRange;

/**
 * Semantic highlighting: devices, handles, kernel calls, expectations and counters, as the
 * language's {@code DmasSemanticHighlightingCalculator} classifies them in the background check.
 * Merged into every text presentation the viewer applies, while the text is the one checked.
 */
public final class SemanticHighlighter implements ITextPresentationListener {
    private static final Map<ITextViewer, SemanticHighlighter> INSTALLED = new WeakHashMap<>();

    private final ITextViewer viewer;
    private volatile Checked checked;

    private SemanticHighlighter(ITextViewer viewer) {
        this.viewer = viewer;
    }

    static synchronized void install(ITextViewer viewer) {
        if (INSTALLED.containsKey(viewer) || !(viewer instanceof ITextViewerExtension4 v4)) return;
        SemanticHighlighter h = new SemanticHighlighter(viewer);
        v4.addTextPresentationListener(h);
        INSTALLED.put(viewer, h);
    }

    /** The editor closed: stop listening (the map's value holds the viewer, so it must be removed). */
    static synchronized void uninstall(ITextViewer viewer) {
        SemanticHighlighter h = viewer == null ? null : INSTALLED.remove(viewer);
        if (h != null && viewer instanceof ITextViewerExtension4 v4) v4.removeTextPresentationListener(h);
    }

    static synchronized SemanticHighlighter of(ITextViewer viewer) {
        return INSTALLED.get(viewer);
    }

    /** Takes a new check's highlighting and repaints (call on the UI thread). */
    void update(Checked result) {
        checked = result;
        if (viewer.getTextWidget() != null && !viewer.getTextWidget().isDisposed()) viewer.invalidateTextPresentation();
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        Checked c = checked;
        if (c == null || viewer.getDocument() == null || DmasDocuments.of(viewer.getDocument()).version() != c.version()) return;
        IRegion extent = presentation.getExtent();
        int from = extent.getOffset(), to = from + extent.getLength();
        List<Highlight> hs = c.highlights();
        for (Highlight h : hs) {
            if (h.offset() + h.length() <= from || h.offset() >= to) continue;
            StyleRange r = style(h.style());
            if (r == null) continue;
            r.start = Math.max(h.offset(), from);
            r.length = Math.min(h.offset() + h.length(), to) - r.start;
            if (r.length > 0) presentation.mergeStyleRange(r);
        }
    }

    private static StyleRange style(String id) {
        return switch (id) {
            case DmasHighlightingStyles.KERNEL_FUNCTION -> range(SyntaxColors.KERNEL_FUNCTION);
            case DmasHighlightingStyles.HANDLE -> range(SyntaxColors.HANDLE);
            case DmasHighlightingStyles.DEVICE -> range(SyntaxColors.DEVICE);
            case DmasHighlightingStyles.PLATFORM -> range(SyntaxColors.PLATFORM);
            case DmasHighlightingStyles.HANDLE_TYPE -> range(SyntaxColors.HANDLE_TYPE);
            case DmasHighlightingStyles.EXPECTATION -> range(SyntaxColors.EXPECTATION);
            case DmasHighlightingStyles.EXPECTED_VALUE -> range(SyntaxColors.EXPECTED_VALUE);
            case DmasHighlightingStyles.COUNTER -> range(SyntaxColors.COUNTER);
            default -> null;
        };
    }

    private static StyleRange range(SyntaxColors c) {
        StyleRange r = new StyleRange();
        r.foreground = c.color();
        r.fontStyle = c.fontStyle();
        return r;
    }
}

package org.dmaworkbench.dsl.ui.preferences;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.resource.StringConverter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * The editor's colours, one preference each (Window > Preferences > DMA Scenarios > Syntax
 * Colouring): the lexical ones of {@code DmasTokenScanner} and the semantic ones of
 * {@code SemanticHighlighter}; those of kernel captures and logs ({@code capture.CaptureTokenScanner}), which
 * also use {@link #NUMBER}, {@link #DEVICE} and {@link #COMMENT}. A change repaints open editors.
 */
public enum SyntaxColors {
    KEYWORD("Keywords", new RGB(127, 0, 85), SWT.BOLD),
    COMMENT("Comments", new RGB(63, 127, 95), SWT.NORMAL),
    STRING("Strings", new RGB(42, 0, 255), SWT.NORMAL),
    NUMBER("Numbers and PCI addresses", new RGB(30, 90, 150), SWT.NORMAL),
    KERNEL_FUNCTION("Kernel calls", new RGB(0, 110, 110), SWT.BOLD),
    HANDLE("Handles", new RGB(0, 0, 192), SWT.NORMAL),
    DEVICE("Devices", new RGB(140, 80, 0), SWT.BOLD),
    PLATFORM("Platforms", new RGB(90, 60, 140), SWT.ITALIC),
    HANDLE_TYPE("Handle types", new RGB(127, 0, 85), SWT.NORMAL),
    EXPECTATION("Expectations", new RGB(170, 60, 0), SWT.BOLD),
    EXPECTED_VALUE("Expected values", new RGB(0, 0, 192), SWT.ITALIC),
    COUNTER("Counters", new RGB(0, 128, 128), SWT.NORMAL),
    TRACE_EVENT("Captures: dma: and iommu: events", new RGB(0, 110, 110), SWT.BOLD),
    TRACE_FIELD("Captures: field names", new RGB(100, 70, 150), SWT.NORMAL),
    TRACE_CONTEXT("Captures and logs: task, CPU, time stamp", new RGB(128, 128, 128), SWT.NORMAL),
    LOST_EVENTS("Captures: lost events", new RGB(200, 100, 0), SWT.BOLD),
    FAULT("Kernel logs: IOMMU fault lines", new RGB(180, 0, 0), SWT.NORMAL),
    FAULT_CODE("Kernel logs: fault reasons and event codes", new RGB(180, 0, 0), SWT.BOLD);

    private final String label;
    private final RGB defaultRgb;
    private final int fontStyle;

    SyntaxColors(String label, RGB defaultRgb, int fontStyle) {
        this.label = label;
        this.defaultRgb = defaultRgb;
        this.fontStyle = fontStyle;
    }

    /** The preference key, {@code color.keyword} and so on. */
    public String key() {
        return "color." + name().toLowerCase();
    }

    public String label() {
        return label;
    }

    public int fontStyle() {
        return fontStyle;
    }

    public RGB rgb() {
        String s = InstanceScope.INSTANCE.getNode(DmasUiPlugin.ID).get(key(), null);
        RGB rgb = s == null ? null : StringConverter.asRGB(s, null);
        return rgb != null ? rgb : defaultRgb;
    }

    /** The colour to paint with (SWT colours made from RGB need no disposal). */
    public Color color() {
        return new Color(rgb());
    }

    static void initializeDefaults(IEclipsePreferences defaults) {
        for (SyntaxColors c : values()) defaults.put(c.key(), StringConverter.asString(c.defaultRgb));
    }

    /** Calls {@code onChange} (on any thread) whenever one of the colours changes; returns what removes the listener. */
    public static Runnable listen(Runnable onChange) {
        IEclipsePreferences.IPreferenceChangeListener l = e -> {
            if (e.getKey().startsWith("color.")) onChange.run();
        };
        InstanceScope.INSTANCE.getNode(DmasUiPlugin.ID).addPreferenceChangeListener(l);
        return () -> InstanceScope.INSTANCE.getNode(DmasUiPlugin.ID).removePreferenceChangeListener(l);
    }
}

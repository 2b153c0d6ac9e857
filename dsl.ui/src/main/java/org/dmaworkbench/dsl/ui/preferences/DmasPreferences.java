package org.dmaworkbench.dsl.ui.preferences;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/** The plug-in's preferences (Window > Preferences > DMA Scenarios) and their defaults. */
public class DmasPreferences extends AbstractPreferenceInitializer {
    /** Report formats of new launch configurations, comma-separated. */
    public static final String REPORT_FORMATS = "reportFormats";
    /** Open the results view when a run ends. */
    public static final String OPEN_RESULTS_VIEW = "openResultsView";

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences d = DefaultScope.INSTANCE.getNode(DmasUiPlugin.ID);
        d.put(REPORT_FORMATS, "text");
        d.putBoolean(OPEN_RESULTS_VIEW, true);
        SyntaxColors.initializeDefaults(d);
    }

    public static String reportFormats() {
        return InstanceScope.INSTANCE.getNode(DmasUiPlugin.ID).get(REPORT_FORMATS,
                DefaultScope.INSTANCE.getNode(DmasUiPlugin.ID).get(REPORT_FORMATS, "text"));
    }

    public static boolean openResultsView() {
        return InstanceScope.INSTANCE.getNode(DmasUiPlugin.ID).getBoolean(OPEN_RESULTS_VIEW,
                DefaultScope.INSTANCE.getNode(DmasUiPlugin.ID).getBoolean(OPEN_RESULTS_VIEW, true));
    }
}

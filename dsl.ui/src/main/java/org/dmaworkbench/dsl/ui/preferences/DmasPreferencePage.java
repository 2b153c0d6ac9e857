package org.dmaworkbench.dsl.ui.preferences;

import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.eclipse.core.runtime.preferences.InstanceScope;

/** Window > Preferences > DMA Scenarios: default report formats, whether runs open the results view. */
public class DmasPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public DmasPreferencePage() {
        super(GRID);
        setDescription("Defaults for running DMA scenarios. Launch configurations keep their own report formats once created.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, DmasUiPlugin.ID));
    }

    @Override
    protected void createFieldEditors() {
        StringFieldEditor formats = new StringFieldEditor(DmasPreferences.REPORT_FORMATS, "Report formats (text, json, junit, html):",
                getFieldEditorParent()) {
            @Override protected boolean doCheckState() {
                for (String s : getStringValue().split(",")) {
                    if (s.isBlank()) continue;
                    try {
                        Reports.Format.parse(s);
                    } catch (IllegalArgumentException e) {
                        setErrorMessage("'" + s.trim() + "' is not a report format: use text, json, junit or html");
                        return false;
                    }
                }
                return true;
            }
        };
        formats.setEmptyStringAllowed(false);
        addField(formats);
        addField(new BooleanFieldEditor(DmasPreferences.OPEN_RESULTS_VIEW, "Open the results view when a run ends", getFieldEditorParent()));
    }
}

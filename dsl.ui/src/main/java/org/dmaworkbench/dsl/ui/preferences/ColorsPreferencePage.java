package org.dmaworkbench.dsl.ui.preferences;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ColorFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window > Preferences > DMA Scenarios > Syntax Colouring: one colour per kind of word; open editors repaint on Apply. */
public class ColorsPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public ColorsPreferencePage() {
        super(GRID);
        setDescription("Colours of the .dmas editor: keywords, comments, strings and numbers as typed; devices, handles, kernel calls, expectations and counters once the file is checked.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, DmasUiPlugin.ID));
    }

    private final java.util.Map<SyntaxColors, ColorFieldEditor> editors = new java.util.EnumMap<>(SyntaxColors.class);

    @Override
    protected void createFieldEditors() {
        for (SyntaxColors c : SyntaxColors.values()) {
            ColorFieldEditor e = new ColorFieldEditor(c.key(), c.label() + ":", getFieldEditorParent());
            editors.put(c, e);
            addField(e);
        }
    }

    /** For tests: the colour field of {@code c}. */
    public ColorFieldEditor editor(SyntaxColors c) {
        return editors.get(c);
    }
}

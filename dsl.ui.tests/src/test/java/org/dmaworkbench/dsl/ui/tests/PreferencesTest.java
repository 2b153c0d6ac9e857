package org.dmaworkbench.dsl.ui.tests;

import static org.dmaworkbench.dsl.ui.tests.Workbench.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferencePage;
import org.dmaworkbench.dsl.ui.preferences.ColorsPreferencePage;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferences;
import org.dmaworkbench.dsl.ui.preferences.SyntaxColors;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Window > Preferences > DMA Scenarios, through the workbench's preference dialog. */
@ExtendWith(NoErrorsLogged.class)
class PreferencesTest {

    @AfterEach
    void tearDown() {
        InstanceScope.INSTANCE.getNode("org.dmaworkbench.dsl.ui").remove(DmasPreferences.REPORT_FORMATS);
        InstanceScope.INSTANCE.getNode("org.dmaworkbench.dsl.ui").remove(DmasPreferences.OPEN_RESULTS_VIEW);
        closePopups();
    }

    /** Sets the text as typing does: the field editor validates on key release. */
    private static void type(Text t, String s) {
        t.setText(s);
        t.notifyListeners(org.eclipse.swt.SWT.KeyUp, new org.eclipse.swt.widgets.Event());
    }

    @Test
    void thePageStoresTheDefaultsAndRefusesAnUnknownFormat() {
        PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(),
                "org.dmaworkbench.dsl.ui.preferences", null, null);
        d.setBlockOnOpen(false);
        d.open();
        try {
            DmasPreferencePage page = (DmasPreferencePage) d.getSelectedPage();
            List<Text> texts = find(page.getControl(), Text.class);
            List<Button> boxes = find(page.getControl(), Button.class);
            assertEquals("text", texts.get(0).getText());
            type(texts.get(0), "text, pdf");
            assertFalse(page.isValid(), "pdf is not a report format");
            type(texts.get(0), "text,json,html");
            assertTrue(page.isValid());
            boxes.get(0).setSelection(false);
            boxes.get(0).notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            assertTrue(page.performOk());
        } finally {
            d.close();
        }
        assertEquals("text,json,html", DmasPreferences.reportFormats());
        assertFalse(DmasPreferences.openResultsView());
    }

    @Test
    void aSyntaxColourFromThePreferencesRepaintsAnOpenEditor() throws Exception {
        org.eclipse.core.resources.IProject project = project("colours");
        org.eclipse.ui.texteditor.ITextEditor editor = open(file(project, "c.dmas", Fixtures.SCENARIOS));
        org.eclipse.swt.custom.StyledText text = viewer(editor).getTextWidget();
        int kw = Fixtures.SCENARIOS.indexOf("scenario");
        org.eclipse.swt.graphics.RGB red = new org.eclipse.swt.graphics.RGB(230, 0, 0);
        waitUntil("the default keyword colour", 5000, () -> text.getStyleRangeAtOffset(kw) != null
                && text.getStyleRangeAtOffset(kw).foreground.getRGB().equals(SyntaxColors.KEYWORD.rgb()));
        PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(),
                "org.dmaworkbench.dsl.ui.preferences.colors", null, null);
        d.setBlockOnOpen(false);
        d.open();
        try {
            ColorsPreferencePage colours = (ColorsPreferencePage) d.getSelectedPage();
            List<String> labels = find(colours.getControl(), org.eclipse.swt.widgets.Label.class).stream().map(org.eclipse.swt.widgets.Label::getText).toList();
            for (SyntaxColors c : SyntaxColors.values()) assertTrue(labels.contains(c.label() + ":"), c + " in " + labels);
            colours.editor(SyntaxColors.KEYWORD).getColorSelector().setColorValue(red); // what the colour dialog does
            assertTrue(colours.performOk());
        } finally {
            d.close();
        }
        try {
            waitUntil("the open editor repainted in the new keyword colour", 5000,
                    () -> text.getStyleRangeAtOffset(kw) != null && text.getStyleRangeAtOffset(kw).foreground.getRGB().equals(red));
        } finally {
            InstanceScope.INSTANCE.getNode("org.dmaworkbench.dsl.ui").remove(SyntaxColors.KEYWORD.key());
            page().closeAllEditors(false);
        }
    }
}

package org.dmaworkbench.dsl.ui.perspective;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.results.ResultsView;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;

/**
 * The DMA Scenarios perspective (the IDE product's default): Project Explorer on the left, the
 * editor with the Outline beside it, and below them, across the whole width so a benchmark's
 * table and chart have room, the results view, Problems and the console.
 */
public class DmasPerspective implements IPerspectiveFactory {
    public static final String ID = DmasUiPlugin.ID + ".perspective";
    public static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.58f, editors);
        bottom.addView(ResultsView.ID);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
        bottom.addPlaceholder("org.eclipse.ui.views.ProgressView");
        bottom.addPlaceholder("org.eclipse.pde.runtime.LogView");
        layout.addView(PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editors);
        layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.RIGHT, 0.75f, editors);

        layout.addActionSet("org.eclipse.debug.ui.launchActionSet"); // the Run menu, Run As and Ctrl+F11
        layout.addNewWizardShortcut("org.dmaworkbench.dsl.ui.newScenarioWizard");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.project");
        layout.addShowViewShortcut(ResultsView.ID);
        layout.addShowViewShortcut(PROJECT_EXPLORER);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(IConsoleConstants.ID_CONSOLE_VIEW);
        layout.addPerspectiveShortcut("org.eclipse.ui.resourcePerspective");
    }
}

package org.dmaworkbench.dsl.ui.tests;

import static org.dmaworkbench.dsl.ui.tests.Workbench.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.dsl.ui.markers.DmasMarkers;
import org.dmaworkbench.dsl.ui.wizard.NewScenarioWizard;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** File > New > DMA Scenario: the wizard from the workbench's new-wizard registry, in its dialog. */
@ExtendWith(NoErrorsLogged.class)
class WizardTest {
    private IProject project;

    @BeforeEach
    void setUp() throws Exception {
        cleanWorkspace();
        project = project("wizard");
    }

    @AfterEach
    void tearDown() {
        closePopups();
        page().closeAllEditors(false);
    }

    @Test
    void theWizardCreatesAValidScenarioFromTheTemplateAndOpensIt() throws Exception {
        IWizardDescriptor d = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(NewScenarioWizard.ID);
        IWorkbenchWizard wizard = d.createWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
        WizardDialog dialog = new WizardDialog(page().getWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            NewScenarioWizard w = (NewScenarioWizard) wizard;
            w.page().setFileName("iommu-probe");
            assertTrue(w.canFinish());
            assertTrue(w.performFinish());
        } finally {
            dialog.close();
        }
        IFile f = project.getFile("iommu-probe.dmas");
        assertTrue(f.exists());
        String text = new String(f.getContents().readAllBytes(), "UTF-8");
        assertTrue(text.contains("scenario \"iommu-probe: map, DMA, unmap\" on lab"), text);
        ITextEditor editor = waitFor("the new file in an editor", 5000,
                () -> page().getActiveEditor() instanceof ITextEditor te && te.getEditorInput().getName().equals("iommu-probe.dmas") ? te : null);
        assertEquals(text, document(editor).get());
        spin(1500);
        waitForJobs(org.dmaworkbench.dsl.ui.markers.SavedFilesValidator.FAMILY, 15000);
        for (IMarker m : markers(f, DmasMarkers.PROBLEM)) {
            assertTrue(m.getAttribute(IMarker.SEVERITY, 0) != IMarker.SEVERITY_ERROR, "template has an error: " + m.getAttribute(IMarker.MESSAGE, ""));
        }
    }
}

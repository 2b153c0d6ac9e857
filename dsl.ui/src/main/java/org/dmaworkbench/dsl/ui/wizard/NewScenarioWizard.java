package org.dmaworkbench.dsl.ui.wizard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

/** File > New > DMA Scenario: a {@code .dmas} file from a template (a scenario, or a policy benchmark), opened in the editor. */
public class NewScenarioWizard extends Wizard implements INewWizard {
    public static final String ID = DmasUiPlugin.ID + ".newScenarioWizard";
    private IWorkbench workbench;
    private IStructuredSelection selection;
    private NewScenarioPage page;

    public NewScenarioWizard() {
        setWindowTitle("New DMA Scenario");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        this.selection = selection;
    }

    @Override
    public void addPages() {
        page = new NewScenarioPage(selection);
        addPage(page);
    }

    /** For tests and the page: the page. */
    public NewScenarioPage page() {
        return page;
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) return false;
        if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
            try {
                IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file);
            } catch (PartInitException e) {
                DmasUiPlugin.log("cannot open " + file.getFullPath(), e);
            }
        }
        return true;
    }

    /** The template's text with {@code ${name}} replaced by the file's base name. */
    static InputStream template(String template, String fileName) {
        String name = fileName.endsWith(".dmas") ? fileName.substring(0, fileName.length() - 5) : fileName;
        try (InputStream in = NewScenarioWizard.class.getResourceAsStream("/templates/" + template)) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ByteArrayInputStream(text.replace("${name}", name).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new ByteArrayInputStream(new byte[0]);
        }
    }
}

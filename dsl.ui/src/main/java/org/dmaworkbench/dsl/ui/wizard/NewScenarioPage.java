package org.dmaworkbench.dsl.ui.wizard;

import java.io.InputStream;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;

/** The wizard's page: folder, file name ({@code .dmas} added), and the template to start from. */
public class NewScenarioPage extends WizardNewFileCreationPage {
    static final String[][] TEMPLATES = {
        { "Scenario: map, DMA, unmap on an IOMMU platform", "new-scenario.dmas" },
        { "Benchmark: dma_map_benchmark under each IOMMU policy", "new-benchmark.dmas" },
    };
    private Combo template;
    private int chosen;

    public NewScenarioPage(IStructuredSelection selection) {
        super("newScenario", selection);
        setTitle("DMA Scenario");
        setDescription("Create a .dmas file from a template.");
        setFileExtension("dmas");
        setFileName("scenario.dmas");
    }

    @Override
    protected void createAdvancedControls(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(c, SWT.NONE).setText("Template:");
        template = new Combo(c, SWT.READ_ONLY);
        for (String[] t : TEMPLATES) template.add(t[0]);
        template.select(0);
        template.addListener(SWT.Selection, e -> chosen = template.getSelectionIndex());
        template.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    @Override
    protected org.eclipse.core.runtime.IStatus validateLinkedResource() {
        return org.eclipse.core.runtime.Status.OK_STATUS; // no "link to file system" section: the template combo takes its place
    }

    @Override
    protected void createLinkTarget() {
        // nothing to link: the file is created in the workspace
    }

    /** Chooses the template (0: scenario, 1: benchmark). */
    public void setTemplate(int index) {
        chosen = index;
        if (template != null && !template.isDisposed()) template.select(index);
    }

    @Override
    protected InputStream getInitialContents() {
        return NewScenarioWizard.template(TEMPLATES[chosen][1], getFileName());
    }
}

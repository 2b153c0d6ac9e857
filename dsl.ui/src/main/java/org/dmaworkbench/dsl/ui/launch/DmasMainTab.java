package org.dmaworkbench.dsl.ui.launch;

import java.util.EnumSet;
import java.util.Set;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferences;
import org.dmaworkbench.dsl.ui.results.Icons;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ResourceListSelectionDialog;

/** The Main tab: the {@code .dmas} file (or folder, or project), the scenario filter, the report formats and directory. */
public class DmasMainTab extends AbstractLaunchConfigurationTab {
    private Text file;
    private Text filter;
    private Text reportDir;
    private final java.util.Map<Reports.Format, Button> formats = new java.util.EnumMap<>(Reports.Format.class);

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        setControl(c);
        new Label(c, SWT.NONE).setText("File or folder:");
        file = text(c, 1);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> browse());
        new Label(c, SWT.NONE).setText("Scenario filter:");
        filter = text(c, 2);
        filter.setMessage("empty: everything; =NAME: exactly NAME; a glob with * and ?; or part of a name");
        new Label(c, SWT.NONE).setText("Reports:");
        Composite boxes = new Composite(c, SWT.NONE);
        boxes.setLayout(new GridLayout(Reports.Format.values().length, false));
        boxes.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        for (Reports.Format f : Reports.Format.values()) {
            Button b = new Button(boxes, SWT.CHECK);
            b.setText(f == Reports.Format.text ? "text (console)" : f.name());
            b.addListener(SWT.Selection, e -> changed());
            formats.put(f, b);
        }
        new Label(c, SWT.NONE).setText("Report directory:");
        reportDir = text(c, 2);
        reportDir.setMessage("workspace path; empty: <project>/target/dmas-reports");
    }

    private Text text(Composite c, int span) {
        Text t = new Text(c, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        t.addModifyListener(e -> changed());
        return t;
    }

    private void changed() {
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    private void browse() {
        ResourceListSelectionDialog d = new ResourceListSelectionDialog(getShell(), ResourcesPlugin.getWorkspace().getRoot(),
                IResource.FILE | IResource.FOLDER | IResource.PROJECT);
        d.setTitle("Choose a .dmas file, or a folder or project to run all of its .dmas files");
        if (d.open() == ResourceListSelectionDialog.OK && d.getResult().length > 0 && d.getResult()[0] instanceof IResource r) {
            file.setText(r.getFullPath().toString());
        }
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(LaunchAttributes.FORMATS, DmasPreferences.reportFormats());
        config.setAttribute(LaunchAttributes.FILTER, "");
    }

    @Override
    public void initializeFrom(ILaunchConfiguration config) {
        try {
            file.setText(config.getAttribute(LaunchAttributes.FILE, ""));
            filter.setText(config.getAttribute(LaunchAttributes.FILTER, ""));
            reportDir.setText(config.getAttribute(LaunchAttributes.REPORT_DIR, ""));
            Set<Reports.Format> set = LaunchAttributes.formats(config.getAttribute(LaunchAttributes.FORMATS, DmasPreferences.reportFormats()));
            formats.forEach((f, b) -> b.setSelection(set.contains(f)));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(LaunchAttributes.FILE, file.getText().trim());
        config.setAttribute(LaunchAttributes.FILTER, filter.getText().trim());
        config.setAttribute(LaunchAttributes.REPORT_DIR, reportDir.getText().trim());
        Set<Reports.Format> set = EnumSet.noneOf(Reports.Format.class);
        formats.forEach((f, b) -> { if (b.getSelection()) set.add(f); });
        config.setAttribute(LaunchAttributes.FORMATS, LaunchAttributes.formats(set));
    }

    @Override
    public boolean isValid(ILaunchConfiguration config) {
        setErrorMessage(null);
        String p = file.getText().trim();
        if (p.isEmpty()) {
            setErrorMessage("Choose the .dmas file, folder or project to run.");
            return false;
        }
        IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(new Path(p));
        if (r == null || !LaunchAttributes.runnable(r)) {
            setErrorMessage("'" + p + "' is not a .dmas file, folder or project in the workspace.");
            return false;
        }
        return true;
    }

    @Override
    public String getName() {
        return "Main";
    }

    @Override
    public Image getImage() {
        return Icons.get("dmas.png");
    }
}

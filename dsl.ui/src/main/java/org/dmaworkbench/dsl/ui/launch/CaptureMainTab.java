package org.dmaworkbench.dsl.ui.launch;

import org.dmaworkbench.dsl.ui.capture.CaptureFiles;
import org.dmaworkbench.dsl.ui.results.Icons;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ResourceListSelectionDialog;

/** The Main tab of a Kernel Capture Check: the capture or kernel log to replay. */
public class CaptureMainTab extends AbstractLaunchConfigurationTab {
    private Text file;

    /** The tabs of a Kernel Capture Check configuration: Main and Common. */
    public static class Group extends AbstractLaunchConfigurationTabGroup {
        @Override
        public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
            setTabs(new ILaunchConfigurationTab[] { new CaptureMainTab(), new CommonTab() });
        }
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        setControl(c);
        new Label(c, SWT.NONE).setText("Capture or kernel log:");
        file = new Text(c, SWT.BORDER);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        file.setMessage("workspace path of a .trace, .dmesg or kernel .log file (or its .gz)");
        file.addModifyListener(e -> {
            setDirty(true);
            updateLaunchConfigurationDialog();
        });
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            ResourceListSelectionDialog d = new ResourceListSelectionDialog(getShell(), ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
            d.setTitle("Choose a kernel capture or kernel log");
            if (d.open() == ResourceListSelectionDialog.OK && d.getResult().length > 0 && d.getResult()[0] instanceof IResource r) {
                file.setText(r.getFullPath().toString());
            }
        });
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(LaunchAttributes.FILE, "");
    }

    @Override
    public void initializeFrom(ILaunchConfiguration config) {
        try {
            file.setText(config.getAttribute(LaunchAttributes.FILE, ""));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(LaunchAttributes.FILE, file.getText().trim());
    }

    @Override
    public boolean isValid(ILaunchConfiguration config) {
        setErrorMessage(null);
        String p = file.getText().trim();
        IResource r = p.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(new Path(p));
        if (!(r instanceof IFile f) || !CaptureFiles.isCheckable(f)) {
            setErrorMessage(p.isEmpty() ? "Choose the capture or kernel log to check."
                    : "'" + p + "' is not a kernel capture or kernel log in the workspace.");
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

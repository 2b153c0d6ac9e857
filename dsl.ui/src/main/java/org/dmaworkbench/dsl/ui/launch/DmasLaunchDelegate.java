package org.dmaworkbench.dsl.ui.launch;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferences;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

/**
 * Launches a DMA Scenario configuration: a {@link DmasRunJob} for its file or folder, filter and report
 * formats. The run itself happens in that job, off the UI thread, with progress and cancel.
 */
public class DmasLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor) throws CoreException {
        IResource target = LaunchAttributes.resource(config);
        if (target == null || !target.exists() || !LaunchAttributes.runnable(target)) {
            throw new CoreException(DmasUiPlugin.error("'" + config.getAttribute(LaunchAttributes.FILE, "(none)")
                    + "' is not a .dmas file, folder or project in the workspace: choose one on the Main tab of '" + config.getName() + "'.", null));
        }
        String formats = config.getAttribute(LaunchAttributes.FORMATS, DmasPreferences.reportFormats());
        String reportDir = config.getAttribute(LaunchAttributes.REPORT_DIR, "");
        new DmasRunJob(config.getName(), target, config.getAttribute(LaunchAttributes.FILTER, ""),
                LaunchAttributes.formats(formats), reportDir).schedule();
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false; // nothing to build: the run parses the files itself
    }
}

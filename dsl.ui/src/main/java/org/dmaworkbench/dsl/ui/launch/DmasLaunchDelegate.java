package org.dmaworkbench.dsl.ui.launch;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferences;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

/**
 * Launches a DMA Scenario configuration: a {@link DmasRunJob} for its file, filter and report
 * formats. The run itself happens in that job, off the UI thread, with progress and cancel.
 */
public class DmasLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor) throws CoreException {
        IFile file = LaunchAttributes.file(config);
        if (file == null || !file.exists()) {
            throw new CoreException(DmasUiPlugin.error("The DMA scenario file " + config.getAttribute(LaunchAttributes.FILE, "(none)")
                    + " does not exist: choose one on the Main tab of '" + config.getName() + "'.", null));
        }
        String formats = config.getAttribute(LaunchAttributes.FORMATS, DmasPreferences.reportFormats());
        String reportDir = config.getAttribute(LaunchAttributes.REPORT_DIR, "");
        new DmasRunJob(config.getName(), file, config.getAttribute(LaunchAttributes.FILTER, ""),
                LaunchAttributes.formats(formats), reportDir).schedule();
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false; // nothing to build: the run parses the files itself
    }
}

package org.dmaworkbench.dsl.ui.launch;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.capture.CaptureFiles;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

/**
 * Launches a Kernel Capture Check configuration (its capture in {@link LaunchAttributes#FILE}): a
 * {@link CaptureRunJob}, off the UI thread, with progress and cancel.
 */
public class CaptureLaunch extends LaunchConfigurationDelegate {
    /** The launch configuration type (plugin.xml). */
    public static final String TYPE = DmasUiPlugin.ID + ".captureLaunchType";

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor) throws CoreException {
        IResource target = LaunchAttributes.resource(config);
        if (!(target instanceof IFile f) || !CaptureFiles.isCheckable(f)) {
            throw new CoreException(DmasUiPlugin.error("'" + config.getAttribute(LaunchAttributes.FILE, "(none)")
                    + "' is not a kernel capture or kernel log in the workspace (.trace, .dmesg, a kernel .log, or one of them .gz):"
                    + " choose one on the Main tab of '" + config.getName() + "'.", null));
        }
        new CaptureRunJob(config.getName(), f).schedule();
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false;
    }
}

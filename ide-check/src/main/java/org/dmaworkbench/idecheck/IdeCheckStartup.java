package org.dmaworkbench.idecheck;

import java.nio.file.Path;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;

/**
 * Runs the checks once the workbench is up, when the IDE was started for a check: the copied
 * configuration's {@code config.ini} names the result file ({@value Report#RESULT_PROPERTY}).
 */
public final class IdeCheckStartup implements IStartup {
    @Override
    public void earlyStartup() {
        String result = FrameworkUtil.getBundle(getClass()).getBundleContext().getProperty(Report.RESULT_PROPERTY);
        if (result == null) return;
        Report report = new Report(Path.of(result));
        PlatformUI.getWorkbench().getDisplay().asyncExec(() -> new Checks(report).runAll());
    }
}

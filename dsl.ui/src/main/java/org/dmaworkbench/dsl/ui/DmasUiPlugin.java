package org.dmaworkbench.dsl.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The plug-in's activator: its id, its log (Xtext's log4j messages included), its preference store. */
public class DmasUiPlugin extends AbstractUIPlugin {
    public static final String ID = "org.dmaworkbench.dsl.ui";
    private static DmasUiPlugin instance;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
        Log4jToErrorLog.install(); // before the first Xtext class logs
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        instance = null;
        super.stop(context);
    }

    public static DmasUiPlugin get() {
        return instance;
    }

    public static void log(String message, Throwable t) {
        ILog.of(DmasUiPlugin.class).log(Status.error(message, t));
    }

    public static IStatus error(String message, Throwable t) {
        return new Status(IStatus.ERROR, ID, message, t);
    }
}

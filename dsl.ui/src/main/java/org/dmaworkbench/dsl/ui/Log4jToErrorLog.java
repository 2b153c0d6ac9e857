package org.dmaworkbench.dsl.ui;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Xtext logs through log4j 1.2 (reload4j in the IDE). Unconfigured, its first message printed
 * "log4j:WARN No appenders could be found ..." to the terminal the IDE was started from. Its
 * warnings and errors go to the Eclipse error log instead, the rest nowhere; a log4j configuration
 * the user gives ({@code -Dlog4j.configuration=...}) is left alone.
 */
final class Log4jToErrorLog extends AppenderSkeleton {

    static void install() {
        Logger root = Logger.getRootLogger();
        if (root.getAllAppenders().hasMoreElements()) return;
        root.setLevel(Level.WARN);
        root.addAppender(new Log4jToErrorLog());
    }

    @Override
    protected void append(LoggingEvent event) {
        int severity = event.getLevel().isGreaterOrEqual(Level.ERROR) ? IStatus.ERROR : IStatus.WARNING;
        Throwable t = event.getThrowableInformation() == null ? null : event.getThrowableInformation().getThrowable();
        ILog.of(DmasUiPlugin.class).log(new Status(severity, DmasUiPlugin.ID, event.getLoggerName() + ": " + event.getRenderedMessage(), t));
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public boolean requiresLayout() {
        return false;
    }
}

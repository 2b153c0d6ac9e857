package org.dmaworkbench.dsl.lang;

import java.util.ArrayList;
import java.util.List;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/** Collects what is logged at ERROR (Xtext and DmasCheckBase log exceptions of checks there) while open. */
final class LoggedErrors extends AppenderSkeleton implements AutoCloseable {
    private final List<String> messages = new ArrayList<>();

    LoggedErrors() {
        Logger.getRootLogger().addAppender(this);
    }

    @Override
    protected synchronized void append(LoggingEvent e) {
        if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
            messages.add(e.getRenderedMessage() + (e.getThrowableInformation() == null ? "" : " " + e.getThrowableInformation().getThrowable()));
        }
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        Logger.getRootLogger().removeAppender(this);
    }

    @Override
    public boolean requiresLayout() {
        return false;
    }
}

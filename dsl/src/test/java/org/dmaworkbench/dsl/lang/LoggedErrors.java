package org.dmaworkbench.dsl.lang;

import java.util.ArrayList;
import java.util.List;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Collects what is logged at ERROR while open (Xtext and DmasCheckBase log the exceptions of checks
 * there; a swallowed exception is a finding for the tests and the fuzz targets).
 */
public final class LoggedErrors extends AppenderSkeleton implements AutoCloseable {
    private final List<String> messages = new ArrayList<>();
    private Throwable first;

    public LoggedErrors() {
        Logger.getRootLogger().addAppender(this);
    }

    @Override
    protected synchronized void append(LoggingEvent e) {
        if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
            Throwable t = e.getThrowableInformation() == null ? null : e.getThrowableInformation().getThrowable();
            messages.add(e.getRenderedMessage() + (t == null ? "" : " " + t));
            if (first == null) first = t;
        }
    }

    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throws with every message and the first exception's stack as the cause, if anything was logged. */
    public synchronized void failIfAny() {
        if (!messages.isEmpty()) throw new AssertionError("logged at ERROR: " + messages, first);
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

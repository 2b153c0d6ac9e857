package org.dmaworkbench.dsl.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/** Turns anything logged at ERROR while open (an exception Xtext or a validator swallowed) into a finding. */
final class ErrorLog extends AppenderSkeleton implements AutoCloseable {
    private final List<String> messages = new ArrayList<>();
    private Throwable first;

    ErrorLog() {
        Logger.getRootLogger().addAppender(this);
    }

    @Override
    protected synchronized void append(LoggingEvent e) {
        if (!e.getLevel().isGreaterOrEqual(Level.ERROR)) return;
        messages.add(e.getRenderedMessage());
        if (first == null && e.getThrowableInformation() != null) first = e.getThrowableInformation().getThrowable();
    }

    synchronized void failIfAny() {
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

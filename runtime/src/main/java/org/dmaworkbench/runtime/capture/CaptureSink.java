package org.dmaworkbench.runtime.capture;

/** What {@link CaptureReader} finds in a capture, line by line, in file order. */
interface CaptureSink {
    /** A known event, decoded ({@code e} is reused for the next line). */
    void event(TraceEvent e, long line);

    /** {@code CPU:N [LOST M EVENTS]} (count -1 when the marker does not say). */
    void lost(long line, int cpu, long count);

    /** A line that is no ftrace event line (a kernel log line, trace-cmd's own output, anything else). */
    default void foreign(long line, String text) { }

    /** A line that looks like a known event but does not parse. */
    void warning(long line, String message);
}

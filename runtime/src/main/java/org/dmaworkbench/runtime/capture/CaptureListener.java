package org.dmaworkbench.runtime.capture;

/** What a capture check reports as it goes (front ends print it at once: the output is streamed). */
public interface CaptureListener {
    CaptureListener NONE = new CaptureListener() { };

    /** A violation, an uncertain verdict or a fault, as soon as its event is replayed. */
    default void finding(CaptureFinding f) { }

    /** {@code file:line: warning: message}: a line that looks like a known event but does not parse. */
    default void warning(String file, long line, String message) { }
}

package org.dmaworkbench.runtime.capture;

/** A line that names a known event but whose fields do not parse: the reason, for a {@code file:line: warning}. */
final class BadEvent extends Exception {
    private static final long serialVersionUID = 1L;

    BadEvent(String reason) {
        super(reason, null, false, false);
    }
}

package org.dmaworkbench.runtime.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * The captures of one check, kept after their replay so that the fault lines of a kernel log of the same run,
 * read later, can be correlated with their mappings by device and address.
 */
public final class CaptureSession {
    private final List<CaptureReplay> replays = new ArrayList<>();

    void add(CaptureReplay r) {
        if (!r.devices.isEmpty()) replays.add(r);
    }

    /** The replays so far, newest first. */
    List<CaptureReplay> newestFirst() {
        List<CaptureReplay> out = new ArrayList<>(replays);
        java.util.Collections.reverse(out);
        return out;
    }

    /** True when a capture with mappings was replayed. */
    boolean hasCaptures() {
        return !replays.isEmpty();
    }
}

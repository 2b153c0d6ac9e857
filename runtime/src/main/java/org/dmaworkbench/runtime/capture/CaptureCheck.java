package org.dmaworkbench.runtime.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one kernel capture: reads it ({@link CaptureReader}) and replays it through dma-debug
 * ({@link CaptureReplay}), streaming every finding to the listener. Never throws on any input; a file that
 * cannot be opened or holds nothing readable gives a result with its problem.
 */
public final class CaptureCheck {
    /** Findings a result keeps (all are streamed to the listener). */
    public static final int KEPT_FINDINGS = 10_000;

    private CaptureCheck() { }

    /** Checks the file at {@code path}, named {@code display} in the output. */
    public static CaptureResult check(Path path, String display, CaptureListener listener) {
        if (Files.isDirectory(path)) return CaptureResult.unreadable(display, display + ": is a directory, not a capture", null);
        try (InputStream in = Files.newInputStream(path)) {
            return check(in, display, listener);
        } catch (NoSuchFileException e) {
            return CaptureResult.unreadable(display, display + ": no such file", null);
        } catch (IOException e) {
            return CaptureResult.unreadable(display, display + ": cannot read: " + reason(e), null);
        }
    }

    /** Checks the capture read from {@code in} (not closed). */
    public static CaptureResult check(InputStream in, String display, CaptureListener listener) throws IOException {
        List<CaptureFinding> kept = new ArrayList<>();
        CaptureListener keep = new CaptureListener() {
            @Override public void finding(CaptureFinding f) {
                if (kept.size() < KEPT_FINDINGS) kept.add(f);
                listener.finding(f);
            }
            @Override public void warning(String file, long line, String message) { listener.warning(file, line, message); }
        };
        CaptureReplay replay = new CaptureReplay(display, keep);
        CaptureReader.Counts counts;
        try {
            counts = new CaptureReader().read(in, replay);
        } catch (IOException e) {
            return CaptureResult.unreadable(display, display + ": cannot read: " + reason(e), null);
        }
        if (!counts.anythingReadable()) {
            return CaptureResult.unreadable(display, display + ": nothing readable: no dma: or iommu: trace event in "
                    + counts.lines() + " lines" + (counts.warnings() > 0 ? " (" + counts.warnings() + " did not parse)" : "")
                    + (counts.compressedEndedEarly() != null ? " (compressed data ends early: "
                    + counts.compressedEndedEarly() + ")" : ""), counts);
        }
        List<DeviceStats> devices = replay.finish();
        Verdicts v = replay.verdicts;
        return new CaptureResult(display, null, counts, devices, List.copyOf(kept), v.violations, v.uncertain, v.faults,
                replay.lostMarkers, replay.lostTotal, replay.iommu.maps, replay.iommu.unmaps);
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}

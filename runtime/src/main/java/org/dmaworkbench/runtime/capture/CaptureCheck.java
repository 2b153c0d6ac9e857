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

    /** Checks the file at {@code path}, named {@code display} in the output, on its own. */
    public static CaptureResult check(Path path, String display, CaptureListener listener) {
        return check(path, display, listener, new CaptureSession());
    }

    /** Checks the file at {@code path} in a session: its log faults are correlated with the captures before it. */
    public static CaptureResult check(Path path, String display, CaptureListener listener, CaptureSession session) {
        if (Files.isDirectory(path)) return CaptureResult.unreadable(display, display + ": is a directory, not a capture", null);
        try (InputStream in = Files.newInputStream(path)) {
            return check(in, display, listener, session);
        } catch (NoSuchFileException e) {
            return CaptureResult.unreadable(display, display + ": no such file", null);
        } catch (IOException e) {
            return CaptureResult.unreadable(display, display + ": cannot read: " + reason(e), null);
        }
    }

    /** Checks the capture read from {@code in} (not closed) on its own. */
    public static CaptureResult check(InputStream in, String display, CaptureListener listener) throws IOException {
        return check(in, display, listener, new CaptureSession());
    }

    /** Checks the capture read from {@code in} (not closed) in a session. */
    public static CaptureResult check(InputStream in, String display, CaptureListener listener, CaptureSession session)
            throws IOException {
        List<CaptureFinding> kept = new ArrayList<>();
        CaptureListener keep = new CaptureListener() {
            @Override public void finding(CaptureFinding f) {
                if (kept.size() < KEPT_FINDINGS) kept.add(f);
                listener.finding(f);
            }
            @Override public void warning(String file, long line, String message) { listener.warning(file, line, message); }
        };
        CaptureReplay replay = new CaptureReplay(display, keep, session);
        CaptureReader.Counts counts;
        try {
            counts = new CaptureReader().read(in, replay);
        } catch (IOException e) {
            return CaptureResult.unreadable(display, display + ": cannot read: " + reason(e), null);
        }
        replay.logFaults.end();
        LogFaults lf = replay.logFaults;
        if (!counts.anythingReadable() && !lf.anything()) {
            return CaptureResult.unreadable(display, display + ": nothing readable: no dma: or iommu: trace event and no IOMMU fault line in "
                    + counts.lines() + " lines" + (counts.warnings() > 0 ? " (" + counts.warnings() + " did not parse)" : "")
                    + (counts.compressedEndedEarly() != null ? " (compressed data ends early: "
                    + counts.compressedEndedEarly() + ")" : ""), counts);
        }
        List<DeviceStats> devices = replay.finish();
        session.add(replay);
        Verdicts v = replay.verdicts;
        return new CaptureResult(display, null, counts, devices, List.copyOf(kept), v.violations, v.uncertain, v.faults,
                replay.lostMarkers, replay.lostTotal, replay.iommu.maps, replay.iommu.unmaps,
                new CaptureResult.Log(lf.faults, lf.warnings, lf.suppressed, lf.lost));
    }

    /**
     * Whether the file looks like an ftrace capture (a trace event, lost marker or tracer header in its first
     * {@value #SNIFF_LINES} lines) rather than a kernel log: captures are replayed first, so that the logs' faults can
     * be correlated with their mappings. False when it cannot be read.
     */
    public static boolean looksLikeCapture(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            LineSource src = new LineSource(in);
            FtraceLine l = new FtraceLine();
            for (int i = 0; i < SNIFF_LINES; i++) {
                String s = src.next();
                if (s == null) return false;
                FtraceLine.Kind k = l.parse(s);
                if (k == FtraceLine.Kind.EVENT || k == FtraceLine.Kind.LOST || s.startsWith("# tracer:")) return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    static final int SNIFF_LINES = 200;

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}

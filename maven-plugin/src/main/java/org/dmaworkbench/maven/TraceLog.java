package org.dmaworkbench.maven;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;
import org.dmaworkbench.dsl.batch.capture.TraceText;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.exec.CaptureExecutor;

/**
 * The {@code trace} goal's log, as the captures are replayed: each violation and fault at ERROR the moment it is found
 * ({@code file:line: kind: device: message}, the event it conflicts with below), uncertain verdicts and lines that do
 * not parse at WARNING (uncertain verdicts are never failures; at most {@value TraceText#UNCERTAIN_SHOWN} per file), a
 * progress line per file, and with {@code -X} each file's statistics as {@code ./dmas trace} prints them.
 */
final class TraceLog implements CaptureExecutor.Listener {
    private final Log log;
    private final AbstractGoalMojo.ProgressLog progress;
    private final int total;
    private int done;
    private long fileStart = System.nanoTime();
    private long uncertainShown;
    private long uncertainSeen;
    private CaptureFinding first;

    TraceLog(Log log, AbstractGoalMojo.ProgressLog progress, int total) {
        this.log = log;
        this.progress = progress;
        this.total = total;
    }

    /** The first violation or fault found, or null. */
    CaptureFinding first() {
        return first;
    }

    @Override public void starting(CaptureExecutor.Input input) {
        fileStart = System.nanoTime();
    }

    @Override public void finding(CaptureFinding f) {
        if (f.kind() == CaptureFinding.Kind.UNCERTAIN) {
            uncertainSeen++;
            if (uncertainShown < TraceText.UNCERTAIN_SHOWN) {
                uncertainShown++;
                for (String line : f.text().split("\n")) log.warn(line);
            }
            return;
        }
        if (first == null) first = f;
        for (String line : f.text().split("\n")) log.error(line);
    }

    @Override public void warning(String file, long line, String message) {
        log.warn(file + ":" + line + ": warning: " + message);
    }

    @Override public void done(CaptureResult r) {
        long ns = System.nanoTime() - fileStart;
        if (uncertainSeen > uncertainShown) {
            log.warn(r.file() + ": ... and " + num(uncertainSeen - uncertainShown) + " more uncertain verdicts (all of them in the reports)");
        }
        uncertainSeen = 0;
        uncertainShown = 0;
        progress.line(++done, total, r.file() + ": " + summary(r) + String.format(Locale.ROOT, " (%.0f ms)", ns / 1e6));
        if (log.isDebugEnabled() && !r.unreadable()) {
            try (PrintWriter pw = new PrintWriter(new LogLines(log::debug))) {
                TraceText.summary(r, pw);
            }
        }
    }

    /** "1,234 events, 2 devices: nothing found", "13 events, 2 devices: 3 violations, 1 fault; 1 uncertain". */
    static String summary(CaptureResult r) {
        if (r.unreadable()) return "cannot be read";
        StringBuilder b = new StringBuilder();
        if (r.counts().events() > 0 || r.log().faults() == 0) b.append(num(r.counts().events())).append(" events");
        if (r.log().faults() > 0) b.append(b.isEmpty() ? "" : ", ").append(num(r.log().faults())).append(" IOMMU fault records");
        if (!r.devices().isEmpty()) b.append(", ").append(r.devices().size()).append(r.devices().size() == 1 ? " device" : " devices");
        b.append(": ");
        if (r.anyFound()) b.append(count(r.violations(), "violation")).append(", ").append(count(r.faults(), "fault"));
        else b.append("nothing found");
        if (r.uncertain() > 0) b.append("; ").append(num(r.uncertain())).append(" uncertain");
        return b.toString();
    }

    private static String count(long n, String word) {
        return num(n) + " " + word + (n == 1 ? "" : "s");
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

package org.dmaworkbench.dsl.batch.capture;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureReader;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.DeviceStats;
import org.dmaworkbench.runtime.exec.CaptureExecutor;

/**
 * The text output of a capture check, streamed: violations and faults as they are found
 * ({@code file:line: violation: device: message} and the related event indented below), warnings to the error
 * stream; per capture, the uncertain verdicts apart (at most {@value #UNCERTAIN_SHOWN}), what was skipped, the
 * per-device statistics and live mappings; at the end one summary line.
 */
public final class TraceText implements CaptureExecutor.Listener {
    /** Uncertain verdicts printed per capture (all are counted and in the JSON report's first 10,000). */
    public static final int UNCERTAIN_SHOWN = 200;

    private final PrintWriter out;
    private final PrintWriter err;
    private final List<CaptureFinding> uncertain = new ArrayList<>();
    private long uncertainSeen;

    public TraceText(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override public void finding(CaptureFinding f) {
        if (f.kind() == CaptureFinding.Kind.UNCERTAIN) {
            if (uncertainSeen++ < UNCERTAIN_SHOWN) uncertain.add(f);
            return;
        }
        out.println(f.text());
        out.flush();
    }

    @Override public void warning(String file, long line, String message) {
        err.println(file + ":" + line + ": warning: " + message);
        err.flush();
    }

    @Override public void done(CaptureResult r) {
        if (r.unreadable()) return;
        if (uncertainSeen > 0) {
            out.println(r.file() + ": uncertain (" + uncertainSeen + "; they depend on events the capture may lack):");
            for (CaptureFinding f : uncertain) out.println("  " + f.text().replace("\n", "\n  "));
            if (uncertainSeen > uncertain.size()) out.println("  ... and " + (uncertainSeen - uncertain.size()) + " more");
        }
        uncertain.clear();
        uncertainSeen = 0;
        summary(r, out);
        out.flush();
    }

    /** The lines after a capture's findings: what was read and skipped, each device's statistics. */
    public static void summary(CaptureResult r, PrintWriter out) {
        CaptureReader.Counts n = r.counts();
        boolean logOnly = n.events() == 0 && n.lostMarkers() == 0;
        StringBuilder sb = new StringBuilder(r.file()).append(": ");
        if (logOnly) sb.append("a kernel log of ").append(num(n.lines())).append(" lines");
        else sb.append(num(n.events())).append(" events replayed of ").append(num(n.lines())).append(" lines");
        List<String> skipped = new ArrayList<>();
        if (!n.unknownEvents().isEmpty()) {
            StringBuilder u = new StringBuilder("unknown events skipped:");
            for (Map.Entry<String, Long> e : n.unknownEvents().entrySet()) u.append(' ').append(e.getKey()).append(" ×").append(num(e.getValue()));
            skipped.add(u.toString());
        }
        if (n.foreignLines() > 0 && !logOnly) skipped.add(num(n.foreignLines()) + (n.foreignLines() == 1 ? " line that is" : " lines that are") + " no trace event");
        if (n.warnings() > 0) skipped.add(count(n.warnings(), "line did not parse", "lines did not parse"));
        if (r.lostMarkers() > 0) skipped.add(count(r.lostMarkers(), "lost-event marker", "lost-event markers")
                + (r.lostEvents() > 0 ? " (" + num(r.lostEvents()) + " events lost)" : ""));
        if (n.lastLineCutOff()) skipped.add("the last line is cut off");
        if (n.compressedEndedEarly() != null) skipped.add("the compressed data ends early (" + n.compressedEndedEarly() + ")");
        CaptureResult.Log log = r.log();
        if (log.faults() > 0) skipped.add(count(log.faults(), "IOMMU fault record", "IOMMU fault records") + " of the kernel log decoded");
        if (log.suppressed() > 0) skipped.add(count(log.suppressed(), "fault message", "fault messages") + " suppressed by the kernel's rate limit");
        if (log.lost() > 0) skipped.add(count(log.lost(), "note", "notes") + " of lost fault records (overflow)");
        if (!skipped.isEmpty()) sb.append(" (").append(String.join("; ", skipped)).append(')');
        out.println(sb);
        for (DeviceStats d : r.devices()) out.println("  " + device(d));
        out.println("  " + r.file() + ": " + num(r.violations()) + " violations, " + num(r.faults()) + " faults, "
                + num(r.uncertain()) + " uncertain");
    }

    /** One device's statistics line, as the summary prints it (also the IDE's results view). */
    public static String device(DeviceStats d) {
        StringBuilder sb = new StringBuilder(d.device()).append(": ");
        sb.append(num(d.maps())).append(" maps, ").append(num(d.unmaps())).append(" unmaps");
        if (d.mapErrors() > 0) sb.append(", ").append(num(d.mapErrors())).append(" map errors");
        if (d.sgMaps() + d.sgUnmaps() > 0) sb.append(", ").append(num(d.sgMaps())).append(" sg maps, ").append(num(d.sgUnmaps())).append(" sg unmaps");
        if (d.allocs() + d.frees() > 0) sb.append(", ").append(num(d.allocs())).append(" allocs, ").append(num(d.frees())).append(" frees");
        sb.append(", ").append(num(d.bytesMapped())).append(" bytes mapped");
        sb.append(", syncs ").append(num(d.syncsForCpu())).append(" for cpu / ").append(num(d.syncsForDevice())).append(" for device");
        sb.append(", peak ").append(num(d.peakLive())).append(" live");
        if (d.reuses() > 0) {
            sb.append(", IOVA reuse ").append(num(d.reuses())).append("× (distance min ").append(num(d.reuseMin()))
                    .append(", mean ").append(String.format(Locale.ROOT, "%.1f", d.reuseMean())).append(", max ").append(num(d.reuseMax())).append(')');
        }
        if (d.faults() > 0) sb.append(", ").append(num(d.faults())).append(" page faults");
        if (d.liveAtEnd() > 0) {
            sb.append("; live at the end: ").append(num(d.liveAtEnd())).append(" (").append(num(d.liveBytesAtEnd()))
                    .append(" bytes), the oldest mapped at line ").append(d.oldestLiveLine()).append(" (0x")
                    .append(Long.toHexString(d.oldestLiveAddr())).append(')');
        } else {
            sb.append("; nothing live at the end");
        }
        return sb.toString();
    }

    /** The last line: totals over every capture. */
    public static String footer(List<CaptureResult> results) {
        long v = 0, f = 0, u = 0;
        for (CaptureResult r : results) {
            v += r.violations();
            f += r.faults();
            u += r.uncertain();
        }
        return "dmas: " + results.size() + (results.size() == 1 ? " file: " : " files: ") + num(v) + " violations, "
                + num(f) + " faults, " + num(u) + " uncertain";
    }

    private static String count(long n, String one, String many) {
        return num(n) + " " + (n == 1 ? one : many);
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

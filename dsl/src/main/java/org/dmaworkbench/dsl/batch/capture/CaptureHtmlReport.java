package org.dmaworkbench.dsl.batch.capture;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.dmaworkbench.dsl.batch.ReportStyle;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Version;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.DeviceStats;
import org.dmaworkbench.runtime.exec.ExitCode;

/**
 * {@code dmas-trace-report.html}: one self-contained page of a capture check (inline CSS, no scripts, no external
 * resources), in the scenario report's style: the verdict and totals, then per capture or kernel-log file what was
 * read and skipped and per device its violations and faults with {@code file:line}, the kernel's message and the event
 * each conflicts with, its uncertain verdicts apart (not failures), its statistics and the mappings still live at the
 * end. Sections are written to a hidden file next to the report as each capture is done (bounded memory); the page is
 * put together at the end, when the totals are known. All text from the capture is escaped.
 */
public final class CaptureHtmlReport implements CaptureReportWriter {
    public static final String FILE_NAME = "dmas-trace-report.html";
    /** How a page of this report is recognised (stale ones are replaced, no other file is touched). */
    static final String TITLE = "<title>dmas trace report</title>";

    private static final String PASS = "<span class=\"icon met\" title=\"nothing found\">&#10004;</span>";
    private static final String FAIL = "<span class=\"icon notmet\" title=\"violations or faults\">&#10008;</span>";

    private final Path file;
    private final Path sections;
    private final Writer out;
    private final Instant started;
    private final List<String> arguments;
    private final java.util.Set<String> devices = new java.util.HashSet<>();
    private long events;

    private CaptureHtmlReport(Path dir, Instant started, List<String> arguments) throws IOException {
        this.file = dir.resolve(FILE_NAME);
        this.sections = dir.resolve("." + FILE_NAME + ".sections");
        this.out = new BufferedWriter(Files.newBufferedWriter(sections, StandardCharsets.UTF_8));
        this.started = started;
        this.arguments = List.copyOf(arguments);
    }

    /** A report into {@code dir} for a check of {@code arguments} that started at {@code started}. */
    public static CaptureHtmlReport to(Path dir, Instant started, List<String> arguments) throws IOException {
        Files.createDirectories(dir);
        return new CaptureHtmlReport(dir, started, arguments);
    }

    @Override
    public void file(CaptureResult r, List<CaptureDevices.Device> devs, long wallNs) throws IOException {
        StringBuilder h = new StringBuilder(4096);
        section(h, r, devs, wallNs);
        out.write(h.toString());
        for (CaptureDevices.Device d : devs) devices.add(d.name());
        events += r.counts().events();
    }

    @Override
    public List<Path> finish(TraceService.Outcome o) throws IOException {
        out.close();
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); Reader in = Files.newBufferedReader(sections, StandardCharsets.UTF_8)) {
            w.write(head(o));
            in.transferTo(w);
            w.write("</body>\n</html>\n");
        } finally {
            Files.deleteIfExists(sections);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return List.of(file);
    }

    @Override
    public void abandon() {
        try {
            out.close();
        } catch (IOException ignored) {
            // removed below anyway
        }
        try {
            Files.deleteIfExists(sections);
        } catch (IOException ignored) {
            // a hidden leftover; the next check overwrites it
        }
    }

    private String head(TraceService.Outcome o) {
        long v = 0, f = 0, u = 0, unreadable = 0;
        for (CaptureResult r : o.results()) {
            v += r.violations();
            f += r.faults();
            u += r.uncertain();
            if (r.unreadable()) unreadable++;
        }
        int exit = o.exitCode();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append(TITLE).append("\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>dmas trace report</h1>\n<p class=\"meta\">").append(e(started.toString())).append(" &#183; dmas ")
                .append(e(Version.get())).append(" &#183; <code>dmas trace ").append(e(String.join(" ", arguments))).append("</code></p>\n");
        h.append("<div class=\"summary ").append(exit == ExitCode.OK ? "pass" : "fail").append("\">\n<div><b>")
                .append(exit == ExitCode.OK ? "No violations or faults" : exit == ExitCode.NOT_MET ? "Violations or faults found"
                        : "A file could not be read").append("</b> (exit ").append(exit).append(")</div>\n");
        h.append("<div>").append(o.results().size()).append(" file(s), ").append(num(events)).append(" events, ").append(devices.size())
                .append(" device(s)").append(unreadable > 0 ? ", " + unreadable + " unreadable" : "").append("</div>\n");
        h.append("<div>").append(num(v)).append(" violation(s), ").append(num(f)).append(" fault(s)</div>\n");
        h.append("<div>").append(num(u)).append(" uncertain (not failures)</div>\n</div>\n");
        for (String m : o.messages()) h.append("<p class=\"error\">").append(e(m)).append("</p>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, CaptureResult r, List<CaptureDevices.Device> devs, long wallNs) {
        h.append("<section class=\"file\">\n<h2>").append(e(r.file())).append("</h2>\n");
        if (r.unreadable()) {
            h.append("<p class=\"error\">Cannot be read: ").append(e(r.problem())).append("</p>\n</section>\n");
            return;
        }
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        TraceText.summary(r, pw);
        pw.flush();
        String[] lines = sw.toString().split("\n");
        h.append("<p class=\"muted\">").append(e(lines[0])).append(String.format(Locale.ROOT, " (%.0f ms)", wallNs / 1e6)).append("</p>\n");
        if (devs.isEmpty()) h.append("<p class=\"muted\">No device is named in this file.</p>\n");
        for (CaptureDevices.Device d : devs) device(h, d);
        h.append("</section>\n");
    }

    private static void device(StringBuilder h, CaptureDevices.Device d) {
        h.append("<details class=\"device ").append(d.failed() ? "fail\" open=\"open\"" : "pass\"").append(">\n<summary>")
                .append(d.failed() ? FAIL : PASS).append(" <b><code>").append(e(d.name())).append("</code></b> <span class=\"muted\">")
                .append(num(d.violations())).append(" violation(s), ").append(num(d.faults())).append(" fault(s), ")
                .append(num(d.uncertain())).append(" uncertain</span></summary>\n");
        if (!d.certain().isEmpty()) {
            h.append("<h4>Violations and faults</h4>\n");
            findings(h, d.certain(), d.violations() + d.faults());
        }
        if (!d.doubtful().isEmpty()) {
            h.append("<h4>Uncertain <span class=\"muted\">(not failures: they depend on events the capture may lack)</span></h4>\n");
            findings(h, d.doubtful(), d.uncertain());
        }
        DeviceStats s = d.stats();
        if (s == null) {
            h.append("<p class=\"muted\">No dma: event of this device in this file (it is named by kernel-log fault records).</p>\n");
        } else {
            stats(h, s);
            live(h, s);
        }
        h.append("</details>\n");
    }

    private static void findings(StringBuilder h, List<CaptureFinding> fs, long total) {
        h.append("<table class=\"findings\">\n<tr><th>where</th><th>kind</th><th>event</th><th>what</th></tr>\n");
        for (CaptureFinding f : fs) {
            h.append("<tr class=\"").append(f.kind().label()).append("\"><td><code>").append(e(f.file())).append(':').append(f.line())
                    .append("</code></td><td>").append(f.kind().label()).append("</td><td><code>").append(e(f.event())).append("</code></td><td>")
                    .append(e(f.message()));
            if (f.check() != null) h.append(" <span class=\"muted\">(").append(e(f.check().name())).append(")</span>");
            if (f.related() != null && !f.related().isEmpty()) h.append("<div class=\"related\">").append(e(f.related())).append("</div>");
            h.append("</td></tr>\n");
        }
        if (total > fs.size()) {
            h.append("<tr><td colspan=\"4\" class=\"muted\">... and ").append(num(total - fs.size())).append(" more (the first ")
                    .append(fs.size()).append(" are listed)</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void stats(StringBuilder h, DeviceStats s) {
        h.append("<table class=\"stats\">\n");
        row(h, "maps", s.maps());
        row(h, "map errors", s.mapErrors());
        row(h, "unmaps", s.unmaps());
        row(h, "sg maps", s.sgMaps());
        row(h, "sg map errors", s.sgMapErrors());
        row(h, "sg unmaps", s.sgUnmaps());
        row(h, "coherent allocations", s.allocs());
        row(h, "allocation errors", s.allocErrors());
        row(h, "frees", s.frees());
        row(h, "bytes mapped", s.bytesMapped());
        row(h, "syncs for cpu", s.syncsForCpu());
        row(h, "syncs for device", s.syncsForDevice());
        row(h, "peak live entries", s.peakLive());
        row(h, "page faults", s.faults());
        h.append("<tr><td>IOVA reuse distance</td><td class=\"num\">");
        if (s.reuses() == 0) h.append("<span class=\"muted\">no reuse</span>");
        else h.append(num(s.reuses())).append("&#215; (min ").append(num(s.reuseMin())).append(", mean ")
                .append(String.format(Locale.ROOT, "%.1f", s.reuseMean())).append(", max ").append(num(s.reuseMax())).append(')');
        h.append("</td></tr>\n</table>\n");
    }

    private static void live(StringBuilder h, DeviceStats s) {
        if (s.liveAtEnd() == 0) {
            h.append("<p class=\"live\">Live mappings at the end: none.</p>\n");
            return;
        }
        h.append("<p class=\"live\">Live mappings at the end: <b>").append(num(s.liveAtEnd())).append("</b> (").append(num(s.liveBytesAtEnd()))
                .append(" bytes); the oldest mapped at line ").append(s.oldestLiveLine()).append(" (<code>0x")
                .append(Long.toHexString(s.oldestLiveAddr())).append("</code>).</p>\n");
    }

    private static void row(StringBuilder h, String what, long n) {
        h.append("<tr><td>").append(what).append("</td><td class=\"num\">").append(num(n)).append("</td></tr>\n");
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String e(String s) { return Text.html(s); }

    private static final String CSS = ReportStyle.BASE + """
            tr.violation, tr.fault { background: #fff3f3; } tr.uncertain { color: #8d6e00; }
            details.device { border: 1px solid #ddd; border-radius: 6px; margin: 0.6em 0; padding: 0.3em 0.8em; }
            details.device.fail { border-color: #e57373; }
            .met { color: #2e7d32; } .notmet { color: #c62828; }
            .related { color: #555; margin-top: 2px; }
            .error { color: #b71c1c; }
            """;
}

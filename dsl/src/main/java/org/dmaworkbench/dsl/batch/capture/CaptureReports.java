package org.dmaworkbench.dsl.batch.capture;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.exec.CaptureExecutor;

/**
 * The report files of one capture check, fed by its events as they come (a {@link CaptureExecutor.Listener} beside
 * the front end's own): JUnit XML ({@link CaptureJunitReport}), HTML ({@link CaptureHtmlReport}), the text of
 * {@code ./dmas trace} as a file ({@value #TEXT_FILE_NAME}, when the target asks for text files); the JSON report is
 * {@link TraceService}'s own ({@link TraceJson}, written where {@link #jsonFile()} says). Per device verdicts come from
 * {@link CaptureDevices}. Only files this tool wrote are replaced or deleted: with {@link Reports.Target#pruneStale},
 * a report of a format not asked for this time is removed when it is one of ours.
 */
public final class CaptureReports implements CaptureExecutor.Listener {
    public static final String JSON_FILE_NAME = "dmas-trace-report.json";
    public static final String TEXT_FILE_NAME = "dmas-trace-report.txt";
    /** The first line of the text file: how it is recognised as ours. */
    static final String TEXT_HEADER = "# dmas trace report";

    private final Set<Reports.Format> formats;
    private final Reports.Target target;
    private final List<CaptureReportWriter> writers = new ArrayList<>();
    private final CaptureDevices devices = new CaptureDevices();
    private PrintWriter textOut;
    private TraceText text;
    private Path textTmp;
    private long fileStart = System.nanoTime();
    private Exception failure;

    private CaptureReports(Set<Reports.Format> formats, Reports.Target target) {
        this.formats = Set.copyOf(formats);
        this.target = target;
    }

    /**
     * Opens the reports named in {@code formats} for a check of {@code arguments} (as the user would type them) that
     * started at {@code started}: their directories are made, stale JUnit files of ours removed.
     */
    public static CaptureReports open(Set<Reports.Format> formats, Reports.Target target, Instant started, List<String> arguments)
            throws IOException {
        CaptureReports c = new CaptureReports(formats, target);
        try {
            if (formats.contains(Reports.Format.junit)) c.writers.add(CaptureJunitReport.to(target.junitDir(), started));
            else if (target.pruneStale()) CaptureJunitReport.deleteOwn(target.junitDir());
            if (formats.contains(Reports.Format.html)) c.writers.add(CaptureHtmlReport.to(target.dir(), started, arguments));
            if (c.textFile()) {
                Files.createDirectories(target.dir());
                c.textTmp = target.dir().resolve("." + TEXT_FILE_NAME + ".tmp");
                c.textOut = new PrintWriter(Files.newBufferedWriter(c.textTmp, StandardCharsets.UTF_8));
                c.textOut.println(TEXT_HEADER + ": dmas trace " + String.join(" ", arguments));
                c.text = new TraceText(c.textOut, c.textOut);
            }
            if (formats.contains(Reports.Format.json)) Files.createDirectories(target.dir());
        } catch (IOException | RuntimeException e) {
            c.abandon();
            throw e;
        }
        return c;
    }

    private boolean textFile() {
        return formats.contains(Reports.Format.text) && target.textFile();
    }

    /** Where {@link TraceService} writes the JSON report ({@link TraceService.Request#jsonOut}), or null when it is not asked for. */
    public Path jsonFile() {
        return formats.contains(Reports.Format.json) ? target.dir().resolve(JSON_FILE_NAME) : null;
    }

    @Override public void starting(CaptureExecutor.Input input) {
        fileStart = System.nanoTime();
    }

    @Override public void finding(CaptureFinding f) {
        devices.add(f);
        if (text != null) text.finding(f);
    }

    @Override public void warning(String file, long line, String message) {
        if (text != null) text.warning(file, line, message);
    }

    @Override public void done(CaptureResult r) {
        List<CaptureDevices.Device> devs = devices.finish(r);
        long ns = System.nanoTime() - fileStart;
        for (CaptureReportWriter w : writers) {
            try {
                w.file(r, devs, ns);
            } catch (IOException | RuntimeException e) {
                fail(e);
                return;
            }
        }
        if (text != null) text.done(r);
    }

    private void fail(Exception e) {
        if (failure == null) failure = e;
        abandon();
    }

    /**
     * Completes every report with the check's totals ({@code outcome}: what {@link TraceService#trace} returned) and
     * removes stale reports of ours of formats not asked for; the files written, the JSON report included.
     */
    public List<Path> finish(TraceService.Outcome outcome) throws IOException {
        try {
            if (failure != null) throw failure;
            List<Path> written = new ArrayList<>(outcome.reports());
            for (CaptureReportWriter w : writers) written.addAll(w.finish(outcome));
            writers.clear();
            if (textOut != null) {
                if (outcome.results().stream().anyMatch(r -> !r.unreadable())) textOut.println(TraceText.footer(outcome.results()));
                outcome.messages().forEach(textOut::println);
                textOut.close();
                if (textOut.checkError()) throw new IOException("cannot write " + TEXT_FILE_NAME);
                textOut = null;
                Path file = target.dir().resolve(TEXT_FILE_NAME);
                Files.move(textTmp, file, StandardCopyOption.REPLACE_EXISTING);
                written.add(file);
            }
            if (target.pruneStale()) {
                if (!formats.contains(Reports.Format.json)) deleteOwn(target.dir().resolve(JSON_FILE_NAME), "\"dmas-trace-report\"");
                if (!formats.contains(Reports.Format.html)) deleteOwn(target.dir().resolve(CaptureHtmlReport.FILE_NAME), CaptureHtmlReport.TITLE);
                if (!textFile()) deleteOwn(target.dir().resolve(TEXT_FILE_NAME), TEXT_HEADER);
            }
            return written;
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        } catch (Exception e) {
            abandon();
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Drops the reports of this check that are not finished (their hidden partial files). */
    public void abandon() {
        writers.forEach(CaptureReportWriter::abandon);
        writers.clear();
        if (textOut != null) {
            textOut.close();
            textOut = null;
            try {
                Files.deleteIfExists(textTmp);
            } catch (IOException ignored) {
                // a hidden leftover; the next check overwrites it
            }
        }
        text = null;
    }

    /** Deletes {@code p} when it is a regular file that mentions {@code marker} near its start (a report of ours). */
    private static void deleteOwn(Path p, String marker) throws IOException {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return;
        byte[] head = new byte[4096];
        int n;
        try (var in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (new String(head, 0, n, StandardCharsets.UTF_8).contains(marker)) Files.delete(p);
    }
}

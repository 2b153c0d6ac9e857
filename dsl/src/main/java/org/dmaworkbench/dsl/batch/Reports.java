package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;

/**
 * Writes a run's report files (JSON, JUnit XML, HTML, and for the Maven plugin the text report as a
 * file) into one directory, as the run goes ({@link Session}: one {@link ReportWriter} per format,
 * fed by the run's events): the one report writer of every front end. Only files this tool writes
 * are ever replaced or deleted.
 */
public final class Reports {
    /** The text report's file name (Maven's {@code formats} {@code text}; on the console otherwise). */
    public static final String TEXT_FILE_NAME = "dmas-report.txt";

    /** The report formats; {@code text} is the console output and writes a file only when {@link Target#textFile} says so. */
    public enum Format { text, json, junit, html;
        public static Format parse(String s) {
            return valueOf(s.trim().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Where the reports go.
     *
     * @param dir        dmas-report.json, .html (and .txt)
     * @param junitDir   the {@code TEST-*.xml} files (may be shared with Surefire: only this tool's files are replaced)
     * @param textFile   whether {@code text} writes {@value #TEXT_FILE_NAME} (Maven) rather than only the console
     * @param pruneStale whether report files of formats not asked for this time are deleted (they would be stale)
     */
    public record Target(Path dir, Path junitDir, boolean textFile, boolean pruneStale) {
        public Target {
            dir = dir.toAbsolutePath().normalize();
            junitDir = junitDir == null ? dir : junitDir.toAbsolutePath().normalize();
        }

        /** The command line's and the Eclipse run's: everything into {@code dir}, text on the console only. */
        public static Target of(Path dir) {
            return new Target(dir, dir, false, false);
        }
    }

    private Reports() { }

    /**
     * The report writers of one run, fed by its events as they come ({@link BatchService.Listener}):
     * one {@link ReportWriter} per format asked for, each writing its file as the results arrive. A
     * writer that fails is dropped (with its half-written spills) and {@link #finish} throws why;
     * another kind of report joins with {@link #add}.
     */
    public static final class Session implements BatchService.Listener {
        private final Set<Format> formats;
        private final Target target;
        private final boolean text;
        private final List<ReportWriter> writers = new ArrayList<>();
        private Exception failure;

        private Session(Set<Format> formats, Target target) {
            this.formats = formats;
            this.target = target;
            this.text = formats.contains(Format.text) && target.textFile();
        }

        /** Another report of the run, told the same events, finished after the formats' writers. */
        public Session add(ReportWriter w) {
            writers.add(w);
            return this;
        }

        private interface Event { void tell(ReportWriter w) throws IOException; }

        private void each(Event e) {
            for (ReportWriter w : writers) {
                try {
                    e.tell(w);
                } catch (IOException | RuntimeException x) {
                    fail(x);
                    return;
                }
            }
        }

        private void fail(Exception x) {
            if (failure == null) failure = x;
            writers.forEach(ReportWriter::abandon);
            writers.clear();
        }

        @Override public void loaded(Workspace.Loaded loaded) { each(w -> w.loaded(loaded)); }
        @Override public void started(FileRun growing) { each(w -> w.fileStarted(growing)); }
        @Override public void scenarioStarted(ScenarioProgram p) { each(w -> w.scenarioStarted(p)); }
        @Override public void state(ScenarioProgram p, StepResult r, IommuState s) { each(w -> w.state(p, r, s)); }
        @Override public void step(ScenarioProgram p, StepResult r) { each(w -> w.step(p, r)); }
        @Override public void scenarioDone(ScenarioRun run) { each(w -> w.scenarioDone(run)); }
        @Override public void benchmarkDone(BenchmarkRun run) { each(w -> w.benchmarkDone(run)); }
        @Override public void fileDone(FileRun run) { each(w -> w.fileDone(run)); }

        /** Completes every report with the run's totals (and removes stale reports of formats not asked for); the files written. */
        public List<Path> finish(RunResults r) throws IOException {
            try {
                if (failure != null) throw failure;
                if (target.pruneStale()) {
                    if (!formats.contains(Format.json)) deleteOwn(target.dir().resolve(JsonReport.FILE_NAME), JsonReport.SCHEMA_ID);
                    if (!formats.contains(Format.html)) deleteOwn(target.dir().resolve(HtmlReport.FILE_NAME), "<title>dmas report</title>");
                    if (!text) deleteOwn(target.dir().resolve(TEXT_FILE_NAME), "Summary: ");
                }
                List<Path> written = new ArrayList<>();
                while (!writers.isEmpty()) written.addAll(writers.remove(0).finish(r));
                return written;
            } catch (IOException | RuntimeException e) {
                fail(e);
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        /** Drops every report of this run (its spills); nothing is finished. */
        public void abandon() {
            writers.forEach(ReportWriter::abandon);
            writers.clear();
        }
    }

    /**
     * Opens the reports named in {@code formats} for a run that started at {@code started}: their
     * directories are made, and each writer is ready for the run's events. {@code text} alone on the
     * console opens nothing.
     */
    public static Session open(Set<Format> formats, Target t, Instant started) throws IOException {
        Session s = new Session(formats, t);
        try {
            if (formats.contains(Format.json) || formats.contains(Format.html) || s.text) directory(t.dir());
            if (formats.contains(Format.json)) s.add(JsonReport.to(t.dir()));
            if (formats.contains(Format.html)) s.add(HtmlReport.to(t.dir()));
            if (s.text) s.add(TextFileReport.to(t.dir()));
            if (formats.contains(Format.junit)) {
                directory(t.junitDir());
                s.add(JunitReport.to(t.junitDir(), started));
            }
        } catch (IOException | RuntimeException e) {
            s.abandon();
            throw e;
        }
        return s;
    }

    /** Writes the file reports named in {@code formats} into {@code dir}; returns the files written. */
    public static List<Path> write(RunResults r, Set<Format> formats, Path dir) throws IOException {
        return write(r, formats, Target.of(dir));
    }

    /**
     * Writes the file reports named in {@code formats} of a finished run (from the steps its results
     * kept); returns the files written (none for {@code text} alone on the console). A run streams its
     * reports instead ({@link BatchService#run(BatchService.Request, BatchService.Listener, Set, Target)}).
     */
    public static List<Path> write(RunResults r, Set<Format> formats, Target t) throws IOException {
        Session s = open(formats, t, r.started());
        for (FileRun f : r.files()) {
            Replay.file(f, s);
            s.fileDone(f);
        }
        return s.finish(r);
    }

    /** Creates {@code dir} when needed; a clear reason when it cannot be one. */
    static void directory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException("not a directory");
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) throw new IOException("the directory is not writable");
    }

    /** Deletes {@code p} when it is a regular file that mentions {@code marker} near its start (a report of ours). */
    private static void deleteOwn(Path p, String marker) throws IOException {
        if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        byte[] head = new byte[4096];
        int n;
        try (var in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (new String(head, 0, n, StandardCharsets.UTF_8).contains(marker)) Files.deleteIfExists(p);
    }
}

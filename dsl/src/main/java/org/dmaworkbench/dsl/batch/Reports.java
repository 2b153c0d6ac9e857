package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a run's report files (JSON, JUnit XML, HTML, and for the Maven plugin the text report as a
 * file) into one directory: the one report writer of every front end. Only files this tool writes
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

    /** Writes the file reports named in {@code formats} into {@code dir}; returns the files written. */
    public static List<Path> write(RunResults r, Set<Format> formats, Path dir) throws IOException {
        return write(r, formats, Target.of(dir));
    }

    /** Writes the file reports named in {@code formats}; returns the files written (none for {@code text} alone on the console). */
    public static List<Path> write(RunResults r, Set<Format> formats, Target t) throws IOException {
        List<Path> written = new ArrayList<>();
        boolean text = formats.contains(Format.text) && t.textFile();
        boolean any = text || formats.contains(Format.json) || formats.contains(Format.junit) || formats.contains(Format.html);
        if (t.pruneStale()) {
            if (!formats.contains(Format.json)) deleteOwn(t.dir().resolve(JsonReport.FILE_NAME), JsonReport.SCHEMA_ID);
            if (!formats.contains(Format.html)) deleteOwn(t.dir().resolve(HtmlReport.FILE_NAME), "<title>dmas report</title>");
            if (!text) deleteOwn(t.dir().resolve(TEXT_FILE_NAME), "Summary: ");
        }
        if (!any) return written;
        if (formats.contains(Format.json)) written.add(writeFile(t.dir(), JsonReport.FILE_NAME, JsonReport.render(r)));
        if (formats.contains(Format.html)) written.add(writeFile(t.dir(), HtmlReport.FILE_NAME, HtmlReport.render(r)));
        if (text) {
            StringWriter sw = new StringWriter();
            PrintWriter pw = new PrintWriter(sw);
            for (var f : r.files()) TextReport.file(f, pw, false);
            TextReport.diagnostics(r.diagnostics(), pw);
            if (!r.files().isEmpty()) TextReport.footer(r, pw);
            pw.flush();
            written.add(writeFile(t.dir(), TEXT_FILE_NAME, sw.toString()));
        }
        if (formats.contains(Format.junit)) {
            directory(t.junitDir());
            written.addAll(JunitReport.write(r, t.junitDir()));
        }
        return written;
    }

    /** Creates {@code dir} when needed; a clear reason when it cannot be one. */
    static void directory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException("not a directory");
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) throw new IOException("the directory is not writable");
    }

    private static Path writeFile(Path dir, String name, String content) throws IOException {
        directory(dir);
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
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

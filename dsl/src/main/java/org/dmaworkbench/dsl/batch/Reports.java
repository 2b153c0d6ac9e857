package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes a run's report files (JSON, JUnit XML, HTML) into one directory: the CLI and the Eclipse run share it. */
public final class Reports {
    /** The report formats; {@code text} is the console output and writes no file. */
    public enum Format { text, json, junit, html;
        public static Format parse(String s) {
            return valueOf(s.trim().toLowerCase(Locale.ROOT));
        }
    }

    private Reports() { }

    /** Writes the file reports named in {@code formats}; returns the files written (none for {@code text} alone). */
    public static List<Path> write(RunResults r, Set<Format> formats, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        if (!formats.contains(Format.json) && !formats.contains(Format.junit) && !formats.contains(Format.html)) return written;
        Files.createDirectories(dir);
        if (formats.contains(Format.json)) {
            Path p = dir.resolve(JsonReport.FILE_NAME);
            Files.writeString(p, JsonReport.render(r), StandardCharsets.UTF_8);
            written.add(p);
        }
        if (formats.contains(Format.junit)) written.addAll(JunitReport.write(r, dir));
        if (formats.contains(Format.html)) {
            Path p = dir.resolve(HtmlReport.FILE_NAME);
            Files.writeString(p, HtmlReport.render(r), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
    }
}

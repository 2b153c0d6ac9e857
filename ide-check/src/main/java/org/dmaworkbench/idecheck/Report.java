package org.dmaworkbench.idecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The result file the launcher side reads, one line per event, written as it happens (so a hang
 * names the check it hung in): {@code RUN name}, {@code PASS name: detail}, {@code FAIL name: why},
 * {@code DONE} last.
 */
final class Report {
    static final String RESULT_PROPERTY = "dmas.idecheck.result";

    private final Path file;

    Report(Path file) {
        this.file = file;
    }

    void running(String check) {
        line("RUN " + check);
    }

    void pass(String check, String detail) {
        line("PASS " + check + (detail == null || detail.isEmpty() ? "" : ": " + oneLine(detail)));
    }

    void fail(String check, String why) {
        line("FAIL " + check + ": " + oneLine(why));
    }

    void done() {
        line("DONE");
    }

    /** A file beside the result file, e.g. the list of bundles the framework runs. */
    Path sibling(String name) {
        return file.resolveSibling(name);
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", " | ");
    }

    private synchronized void line(String s) {
        try {
            Files.writeString(file, s + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

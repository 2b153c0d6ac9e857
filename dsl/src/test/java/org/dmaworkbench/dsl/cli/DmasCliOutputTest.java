package org.dmaworkbench.dsl.cli;

import static org.dmaworkbench.dsl.cli.CliHarness.GOOD;
import static org.dmaworkbench.dsl.cli.CliHarness.dmas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the output and the reports of {@code dmas run} cannot go: said with the reason, and exit 2. */
class DmasCliOutputTest {
    private static final String SCENARIOS = GOOD + "/scenarios.dmas";

    @Test
    void reportsIntoARegularFileSayWhyAndTheSummaryShowsExitTwo(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "not a directory");
        var r = dmas("run", "--format", "text,json", "--out", file.toString(), SCENARIOS).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("cannot write the reports to " + file + ": not a directory"), r::toString);
        assertFalse(r.out().contains("Exit 0"), "the summary must not claim success when the run ends with exit 2:\n" + r);
        assertTrue(r.out().contains("Exit 2"), r::toString);
        assertEquals("not a directory", Files.readString(file), "the file is left as it was");
    }

    @Test
    void anUnwritableDirectoryNamesTheReason(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ro"));
        assertTrue(dir.toFile().setWritable(false));
        try {
            if (Files.isWritable(dir)) return; // running as root: every directory is writable
            var r = dmas("run", "--format", "json", "--out", dir.toString(), SCENARIOS).assertNoStackTrace();
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().matches("(?s).*cannot write the reports to " + java.util.regex.Pattern.quote(dir.toString()) + ": \\S.*"), r::toString);
        } finally {
            dir.toFile().setWritable(true);
        }
    }

    @Test
    void standardOutputThatCannotBeWrittenIsAnErrorNotASilentSuccess() {
        OutputStream full = new OutputStream() { // what /dev/full does: every write fails
            @Override public void write(int b) throws IOException { throw new IOException("No space left on device"); }
        };
        StringWriter err = new StringWriter();
        int exit = DmasCli.commandLine(new PrintWriter(full, true), new PrintWriter(err, true)).execute("run", SCENARIOS);
        assertEquals(2, exit, err::toString);
        assertTrue(err.toString().contains("cannot write to the standard output"), err::toString);
    }

    @Test
    void aRunNeverDeletesJunitFilesItDidNotWrite(@TempDir Path tmp) throws IOException {
        Path surefire = Files.writeString(tmp.resolve("TEST-com.acme.FooTest.xml"), "<testsuite name=\"com.acme.FooTest\" tests=\"1\"/>");
        var r = dmas("run", "--format", "junit", "--out", tmp.toString(), SCENARIOS).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(Files.exists(surefire), "another tool's report survives");
        try (var files = Files.list(tmp)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("TEST-com.acme.FooTest.xml", "TEST-src.test.resources.cli.good.scenarios.xml"), names);
        }
    }

    @Test
    void anEmojiInAFileStillGivesReports(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("emoji.dmas"), "platform p { \uD83D\uDCA9 }\n");
        Path out = tmp.resolve("reports");
        var r = dmas("run", "--format", "json,junit,html", "--out", out.toString(), f.toString()).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertFalse(r.err().contains("cannot write the reports"), r::toString);
        assertTrue(Files.isRegularFile(out.resolve("dmas-report.json")), r::toString);
        assertTrue(Files.isRegularFile(out.resolve("dmas-report.html")), r::toString);
    }

    @Test
    void bidiControlsInANameNeverReachTheConsoleRaw(@TempDir Path tmp) throws IOException {
        Files.copy(Path.of(GOOD, "platforms/spr.dmas"), tmp.resolve("spr.dmas"));
        Path f = Files.writeString(tmp.resolve("bidi.dmas"), "import \"spr.dmas\"\nscenario \"abc\u202Edef\" on spr {\n    probe dsa0\n}\n");
        var r = dmas("run", f.toString()).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        assertFalse(r.all().contains("\u202E"), r::toString);
        assertTrue(r.out().contains("abc\\u202edef"), r::toString);
    }

    @Test
    void aLegalLongFileNameStillGetsEveryReport(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("x".repeat(120)));
        Files.copy(Path.of(GOOD, "platforms/spr.dmas"), dir.resolve("spr.dmas"));
        Path f = Files.writeString(dir.resolve("s".repeat(245) + ".dmas"),
                "import \"spr.dmas\"\nscenario \"s\" on spr {\n    probe dsa0\n    pasid kp = iommu_alloc_global_pasid(dsa0)    expect 1\n}\n");
        Path out = tmp.resolve("reports");
        var r = dmas("run", "--format", "junit,html", "--out", out.toString(), f.toString()).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(Files.isRegularFile(out.resolve("dmas-report.html")), r::toString);
        try (var files = Files.list(out)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("TEST-")).count(), r::toString);
        }
    }

    @Test
    void aNewlineInAFileNameDoesNotSplitTheFileLineLines(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("two\nlines.dmas"), "scenario \"s\" on nowhere {\n}\n");
        var r = dmas("check", f.toString()).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains("two\\nlines.dmas:1:"), r::toString);
    }
}

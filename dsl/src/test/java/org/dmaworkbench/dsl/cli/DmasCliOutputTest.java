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
}

package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * JUnit XML in Maven Surefire's format, one {@code TEST-<suite>.xml} per {@code .dmas} file (the
 * suite is the file's path without {@code .dmas}, {@code /} as {@code .}): one {@code testcase} per
 * scenario and per benchmark. An unmet expectation is a {@code failure} whose message is
 * {@code file:line: why} and whose body is the step; a scenario the runner had to stop, or a benchmark
 * that could not run, is an {@code error}; {@code system-out} carries the step log (the steps the
 * run kept: a long scenario's first ones and its unmet ones, with a count of the others). When the
 * input is invalid (nothing runs) each file with errors gets one {@code validation} test case in error.
 *
 * <p>Written as the run goes: each test case into a spill when its scenario or benchmark is done,
 * each file's document when the file is done (the suite's counts first). Older {@code TEST-*.xml}
 * files this report wrote (they carry the {@code dmas.file} property) and that this run did not
 * write again are deleted at the end; any other file (Surefire's, anyone's) is left alone.
 */
public final class JunitReport implements ReportWriter {
    private final Path dir;
    private final String timestamp;
    private final Spill cases;
    private final Map<String, Path> written = new LinkedHashMap<>();
    private final Map<String, String> rendered;
    private FileRun file;
    private String suite;
    private int tests, failures, errors;

    private JunitReport(Path dir, Instant started, Spill cases, Map<String, String> rendered) {
        this.dir = dir;
        this.timestamp = LocalDateTime.ofInstant(started, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).toString();
        this.cases = cases;
        this.rendered = rendered;
    }

    /** The reports of a run that started at {@code started}, into {@code dir} (which exists). */
    public static JunitReport to(Path dir, Instant started) throws IOException {
        return new JunitReport(dir, started, Spill.inFile(dir, "TEST.cases"), null);
    }

    /** Writes the files of a finished run; returns the paths written. */
    public static List<Path> write(RunResults r, Path dir) throws IOException {
        Files.createDirectories(dir);
        JunitReport j = to(dir, r.started());
        Replay.run(r, j);
        return j.finish(r);
    }

    /** Suite name → document, of a finished run. */
    public static Map<String, String> render(RunResults r) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JunitReport j = new JunitReport(null, r.started(), Spill.inMemory(), out);
            Replay.run(r, j);
            j.finish(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    @Override public void fileStarted(FileRun f) throws IOException {
        closeFile();
        file = f;
        suite = unique(written.keySet(), suiteName(f.file()));
        tests = failures = errors = 0;
        cases.copyTo(Writer.nullWriter());
    }

    @Override public void scenarioDone(ScenarioRun s) throws IOException {
        tests++;
        Writer w = cases.writer();
        testcaseStart(w, s.result().name(), s.wallNs());
        List<StepResult> failed = s.result().steps().stream().filter(st -> !st.passed()).toList();
        if (!failed.isEmpty() || s.omittedFailures() > 0) {
            failures++;
            StringBuilder body = new StringBuilder();
            for (StepResult st : failed) {
                body.append(s.file()).append(':').append(st.line()).append(": ").append(Text.oneLine(st.text())).append('\n')
                        .append("    expected: ").append(Text.oneLine(st.expected())).append('\n')
                        .append("    why:      ").append(Text.oneLine(st.failure())).append('\n');
            }
            if (s.omittedFailures() > 0) {
                body.append("... and ").append(Text.plural(s.omittedFailures(), "more unmet expectation")).append(" (dmas-report.json has them)\n");
            }
            if (s.result().error() != null) {
                body.append(s.file()).append(':').append(s.errorLine()).append(": the scenario stopped: ")
                        .append(Text.oneLine(s.errorMessage())).append('\n');
            }
            StepResult first = failed.isEmpty() ? null : failed.get(0);
            problem(w, "failure", first == null ? s.file() + ":" + s.result().line() + ": expectations not met"
                    : s.file() + ":" + first.line() + ": " + Text.oneLine(first.failure()), "dmas.ExpectationNotMet", body.toString());
        } else if (s.result().error() != null) {
            errors++;
            problem(w, "error", s.file() + ":" + s.errorLine() + ": " + Text.oneLine(s.errorMessage()), "dmas.ScenarioStopped",
                    s.file() + ":" + s.errorLine() + ": the scenario stopped: " + Text.oneLine(s.errorMessage()) + "\n");
        }
        text(w, "system-out", TextReport.scenario(s));
        w.write("  </testcase>\n");
    }

    @Override public void benchmarkDone(BenchmarkRun b) throws IOException {
        tests++;
        Writer w = cases.writer();
        testcaseStart(w, "benchmark: " + b.spec().name(), b.wallNs());
        if (!b.passed()) {
            errors++;
            String msg = b.spec().file() + ":" + b.spec().line() + ": " + Text.oneLine(b.error());
            problem(w, "error", msg, "dmas.BenchmarkNotRun", msg + "\n");
        }
        text(w, "system-out", TextReport.benchmark(b));
        w.write("  </testcase>\n");
    }

    @Override public void fileDone(FileRun f) throws IOException {
        closeFile();
    }

    /** Writes the running file's document (none for a file without scenarios or benchmarks: platform files). */
    private void closeFile() throws IOException {
        FileRun f = file;
        file = null;
        if (f == null || tests == 0) return;
        StringWriter head = new StringWriter();
        head.write(XML_DECL);
        head.write("<testsuite errors=\"" + errors + "\" failures=\"" + failures + "\" name=\"" + attr(suite) + "\" skipped=\"0\" tests=\""
                + tests + "\" time=\"" + seconds(f.wallNs()) + "\" timestamp=\"" + attr(timestamp) + "\">\n");
        head.write("  <properties>\n");
        property(head, "dmas.file", f.file());
        property(head, "dmas.version", Version.get());
        property(head, "java.version", System.getProperty("java.version"));
        head.write("  </properties>\n");
        document(suite, head.toString(), cases, "</testsuite>\n");
    }

    /** One document: {@code head}, the test cases, {@code tail}: to its file, or (rendering) to the map. */
    private void document(String suite, String head, Spill body, String tail) throws IOException {
        if (rendered != null) {
            StringWriter w = new StringWriter();
            w.write(head);
            if (body != null) body.copyTo(w);
            w.write(tail);
            rendered.put(suite, w.toString());
            written.put(suite, Path.of("TEST-" + suite + ".xml"));
            return;
        }
        Path p = dir.resolve("TEST-" + suite + ".xml");
        try (Writer w = Spill.fileWriter(p)) {
            w.write(head);
            if (body != null) body.copyTo(w);
            w.write(tail);
        }
        written.put(suite, p);
    }

    @Override public List<Path> finish(RunResults r) throws IOException {
        try {
            closeFile();
            if (r.files().isEmpty()) {
                Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
                for (Diagnostic d : r.diagnostics()) if (d.isError()) byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
                for (var e : byFile.entrySet()) invalidSuite(e.getKey(), e.getValue());
            }
            if (rendered == null) deleteStale();
        } finally {
            abandon();
        }
        return List.copyOf(written.values());
    }

    @Override public void abandon() {
        cases.delete();
    }

    /** Our reports of an earlier run that this run did not write again. */
    private void deleteStale() throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            for (Path p : old) if (!written.containsValue(p) && isOwn(p)) Files.deleteIfExists(p);
        }
    }

    private static boolean isOwn(Path p) {
        try {
            if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
            byte[] head = new byte[8192];
            int n;
            try (var in = Files.newInputStream(p)) {
                n = in.readNBytes(head, 0, head.length);
            }
            return new String(head, 0, n, StandardCharsets.UTF_8).contains("<property name=\"dmas.file\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String unique(java.util.Set<String> taken, String name) {
        String n = name;
        for (int i = 2; taken.contains(n); i++) n = name + "_" + i;
        return n;
    }

    /** {@code examples/strict-vs-lazy.dmas} → {@code examples.strict-vs-lazy}. */
    public static String suiteName(String file) {
        String s = file.endsWith(".dmas") ? file.substring(0, file.length() - 5)
                : file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
        while (s.startsWith("../")) s = s.substring(3);
        s = s.replace('\\', '/');
        if (s.startsWith("/")) s = s.substring(1);
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '/') b.append('.');
            else if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.') b.append(c);
            else b.append('_');
        }
        if (b.isEmpty()) return "dmas";
        if (b.length() <= MAX_SUITE_CHARS) return b.toString();
        // "TEST-" + suite + ".xml" must fit a file name (255 bytes): keep the end (the file's own name) and a hash of the whole
        String hash = String.format(Locale.ROOT, "%08x", b.toString().hashCode());
        return hash + "." + b.substring(b.length() - (MAX_SUITE_CHARS - hash.length() - 1));
    }

    /** The longest suite name: {@code TEST-<suite>.xml} stays well below the 255-byte file name limit (and {@code _N} suffixes fit). */
    static final int MAX_SUITE_CHARS = 200;

    private void invalidSuite(String file, List<Diagnostic> diags) throws IOException {
        String suite = unique(written.keySet(), suiteName(file));
        StringWriter w = new StringWriter();
        w.write(XML_DECL);
        w.write("<testsuite errors=\"1\" failures=\"0\" name=\"" + attr(suite) + "\" skipped=\"0\" tests=\"1\" time=\"0\" timestamp=\""
                + attr(timestamp) + "\">\n");
        w.write("  <properties>\n");
        property(w, "dmas.file", file);
        w.write("  </properties>\n");
        testcaseStart(w, "validation", 0, suite);
        StringBuilder body = new StringBuilder();
        for (Diagnostic d : diags) body.append(d).append('\n');
        problem(w, "error", diags.get(0).toString(), "dmas.InvalidInput", body.toString());
        w.write("  </testcase>\n");
        document(suite, w.toString(), null, "</testsuite>\n");
    }

    private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";

    private void testcaseStart(Writer w, String name, long ns) throws IOException {
        testcaseStart(w, name, ns, suite);
    }

    private static void testcaseStart(Writer w, String name, long ns, String classname) throws IOException {
        w.write("  <testcase classname=\"" + attr(classname) + "\" name=\"" + attr(Text.oneLine(name)) + "\" time=\"" + seconds(ns) + "\">\n");
    }

    private static void problem(Writer w, String kind, String message, String type, String body) throws IOException {
        w.write("    <" + kind + " message=\"" + attr(message) + "\" type=\"" + attr(type) + "\">" + content(body) + "</" + kind + ">\n");
    }

    private static void text(Writer w, String tag, String content) throws IOException {
        w.write("    <" + tag + ">" + content(content) + "</" + tag + ">\n");
    }

    private static void property(Writer w, String name, String value) throws IOException {
        w.write("    <property name=\"" + attr(name) + "\" value=\"" + attr(value == null ? "" : value) + "\"/>\n");
    }

    /** An attribute value: XML-safe characters, {@code & < > "} and line breaks and tabs as references. */
    private static String attr(String s) {
        String c = Text.xml(s);
        StringBuilder b = new StringBuilder(c.length() + 16);
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** Element content: XML-safe characters, {@code & < >} and carriage returns as references. */
    private static String content(String s) {
        String c = Text.xml(s);
        StringBuilder b = new StringBuilder(c.length() + 16);
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\r' -> b.append("&#13;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String seconds(long ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e9);
    }
}

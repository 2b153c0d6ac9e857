package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.run.StepResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML in Maven Surefire's format, one {@code TEST-<suite>.xml} per {@code .dmas} file (the
 * suite is the file's path without {@code .dmas}, {@code /} as {@code .}): one {@code testcase} per
 * scenario and per benchmark. An unmet expectation is a {@code failure} whose message is
 * {@code file:line: why} and whose body is the step; a scenario the runner had to stop, or a benchmark
 * that could not run, is an {@code error}; {@code system-out} carries the step log. When the input is
 * invalid (nothing runs) each file with errors gets one {@code validation} test case in error.
 */
public final class JunitReport {
    private JunitReport() { }

    /**
     * Writes the files; returns the paths written. Older {@code TEST-*.xml} files this report wrote
     * (they carry the {@code dmas.file} property) are deleted first, so a directory keeps no report of
     * an earlier run; any other file (Surefire's, anyone's) is left alone.
     */
    public static List<Path> write(RunResults r, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            for (Path p : old) if (isOwn(p)) Files.deleteIfExists(p);
        }
        List<Path> written = new ArrayList<>();
        Map<String, String> suites = render(r);
        for (var e : suites.entrySet()) {
            Path p = dir.resolve("TEST-" + e.getKey() + ".xml");
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
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

    /** Suite name → document. */
    public static Map<String, String> render(RunResults r) {
        Map<String, String> out = new LinkedHashMap<>();
        String timestamp = LocalDateTime.ofInstant(r.started(), ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).toString();
        if (!r.files().isEmpty()) {
            for (FileRun f : r.files()) {
                if (f.scenarios().isEmpty() && f.benchmarks().isEmpty()) continue; // platform files: no test case
                String suite = unique(out, suiteName(f.file()));
                out.put(suite, suite(suite, f, timestamp));
            }
        } else {
            Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
            for (Diagnostic d : r.diagnostics()) if (d.isError()) byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
            for (var e : byFile.entrySet()) {
                String suite = unique(out, suiteName(e.getKey()));
                out.put(suite, invalidSuite(suite, e.getKey(), e.getValue(), timestamp));
            }
        }
        return out;
    }

    private static String unique(Map<String, String> taken, String name) {
        String n = name;
        for (int i = 2; taken.containsKey(n); i++) n = name + "_" + i;
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

    private static String suite(String name, FileRun f, String timestamp) {
        Document doc = newDocument();
        Element suite = doc.createElement("testsuite");
        doc.appendChild(suite);
        int tests = 0, failures = 0, errors = 0;
        Element props = doc.createElement("properties");
        suite.appendChild(props);
        property(doc, props, "dmas.file", f.file());
        property(doc, props, "dmas.version", Version.get());
        property(doc, props, "java.version", System.getProperty("java.version"));
        for (ScenarioRun s : f.scenarios()) {
            tests++;
            Element tc = testcase(doc, suite, name, s.result().name(), s.wallNs());
            List<StepResult> failed = s.result().steps().stream().filter(st -> !st.passed()).toList();
            if (!failed.isEmpty()) {
                failures++;
                StepResult first = failed.get(0);
                StringBuilder body = new StringBuilder();
                for (StepResult st : failed) {
                    body.append(s.file()).append(':').append(st.line()).append(": ").append(Text.oneLine(st.text())).append('\n')
                            .append("    expected: ").append(Text.oneLine(st.expected())).append('\n')
                            .append("    why:      ").append(Text.oneLine(st.failure())).append('\n');
                }
                if (s.result().error() != null) {
                    body.append(s.file()).append(':').append(s.errorLine()).append(": the scenario stopped: ")
                            .append(Text.oneLine(s.errorMessage())).append('\n');
                }
                problem(doc, tc, "failure", s.file() + ":" + first.line() + ": " + Text.oneLine(first.failure()),
                        "dmas.ExpectationNotMet", body.toString());
            } else if (s.result().error() != null) {
                errors++;
                problem(doc, tc, "error", s.file() + ":" + s.errorLine() + ": " + Text.oneLine(s.errorMessage()), "dmas.ScenarioStopped",
                        s.file() + ":" + s.errorLine() + ": the scenario stopped: " + Text.oneLine(s.errorMessage()) + "\n");
            }
            text(doc, tc, "system-out", TextReport.scenario(s));
        }
        for (BenchmarkRun b : f.benchmarks()) {
            tests++;
            Element tc = testcase(doc, suite, name, "benchmark: " + b.spec().name(), b.wallNs());
            if (!b.passed()) {
                errors++;
                String msg = b.spec().file() + ":" + b.spec().line() + ": " + Text.oneLine(b.error());
                problem(doc, tc, "error", msg, "dmas.BenchmarkNotRun", msg + "\n");
            }
            text(doc, tc, "system-out", TextReport.benchmark(b));
        }
        suite.setAttribute("name", name);
        suite.setAttribute("time", seconds(f.wallNs()));
        suite.setAttribute("tests", Integer.toString(tests));
        suite.setAttribute("errors", Integer.toString(errors));
        suite.setAttribute("skipped", "0");
        suite.setAttribute("failures", Integer.toString(failures));
        suite.setAttribute("timestamp", timestamp);
        return serialize(doc);
    }

    private static String invalidSuite(String name, String file, List<Diagnostic> diags, String timestamp) {
        Document doc = newDocument();
        Element suite = doc.createElement("testsuite");
        doc.appendChild(suite);
        suite.setAttribute("name", name);
        suite.setAttribute("time", "0");
        suite.setAttribute("tests", "1");
        suite.setAttribute("errors", "1");
        suite.setAttribute("skipped", "0");
        suite.setAttribute("failures", "0");
        suite.setAttribute("timestamp", timestamp);
        Element props = doc.createElement("properties");
        suite.appendChild(props);
        property(doc, props, "dmas.file", file);
        Element tc = testcase(doc, suite, name, "validation", 0);
        StringBuilder body = new StringBuilder();
        for (Diagnostic d : diags) body.append(d).append('\n');
        problem(doc, tc, "error", diags.get(0).toString(), "dmas.InvalidInput", body.toString());
        return serialize(doc);
    }

    private static Element testcase(Document doc, Element suite, String classname, String name, long ns) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("name", Text.xml(Text.oneLine(name)));
        tc.setAttribute("classname", classname);
        tc.setAttribute("time", seconds(ns));
        suite.appendChild(tc);
        return tc;
    }

    private static void problem(Document doc, Element tc, String kind, String message, String type, String body) {
        Element e = doc.createElement(kind);
        e.setAttribute("message", Text.xml(message));
        e.setAttribute("type", type);
        e.setTextContent(Text.xml(body));
        tc.appendChild(e);
    }

    private static void text(Document doc, Element parent, String tag, String content) {
        Element e = doc.createElement(tag);
        e.setTextContent(Text.xml(content));
        parent.appendChild(e);
    }

    private static void property(Document doc, Element props, String name, String value) {
        Element p = doc.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", Text.xml(value == null ? "" : value));
        props.appendChild(p);
    }

    private static String seconds(long ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e9);
    }

    /** The XML factories, looked up once per thread (a service lookup each time costs about a millisecond per suite). */
    private static final ThreadLocal<DocumentBuilderFactory> DOCUMENTS = ThreadLocal.withInitial(DocumentBuilderFactory::newInstance);
    private static final ThreadLocal<TransformerFactory> TRANSFORMERS = ThreadLocal.withInitial(TransformerFactory::newInstance);

    private static Document newDocument() {
        try {
            return DOCUMENTS.get().newDocumentBuilder().newDocument();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialize(Document doc) {
        try {
            Transformer t = TRANSFORMERS.get().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.setOutputProperty(OutputKeys.STANDALONE, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }
}

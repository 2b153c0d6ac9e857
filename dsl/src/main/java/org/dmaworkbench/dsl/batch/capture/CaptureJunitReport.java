package org.dmaworkbench.dsl.batch.capture;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.dmaworkbench.dsl.batch.JunitReport;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Version;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML of a capture check in Maven Surefire's format: one {@code TEST-<suite>.xml} per capture or kernel-log file
 * (the suite is the file's path, {@code /} as {@code .}), one {@code testcase} per device. A device with violations
 * or faults fails: one {@code failure} whose message is the first one's {@code file:line: kind: device: message} (the
 * kernel's dma-debug text, or the decoded fault) and whose body lists every one with the event it conflicts with.
 * Uncertain verdicts are not failures: they are listed in the test case's {@code system-out}, which says so. A file
 * that cannot be read is one {@code capture} test case in error; a readable file that names no device is one passing
 * {@code capture} test case. Files are written as each capture is done; each carries the {@value #PROPERTY} property,
 * by which older ones of this report are recognised and replaced, while any other {@code TEST-*.xml} (Surefire's, the
 * scenario report's) is never touched.
 */
public final class CaptureJunitReport implements CaptureReportWriter {
    /** The property that marks a file of this report (the scenario report's is {@code dmas.file}). */
    static final String PROPERTY = "dmas.capture";

    private final Path dir;
    private final String timestamp;
    private final Set<String> taken = new HashSet<>();
    private final List<Path> written = new ArrayList<>();

    private CaptureJunitReport(Path dir, String timestamp) {
        this.dir = dir;
        this.timestamp = timestamp;
    }

    /** A report into {@code dir} for a check that started at {@code started}; the files of an earlier check are deleted. */
    public static CaptureJunitReport to(Path dir, Instant started) throws IOException {
        Files.createDirectories(dir);
        deleteOwn(dir);
        return new CaptureJunitReport(dir, timestamp(started));
    }

    /** Deletes the {@code TEST-*.xml} files of this report in {@code dir} (and nothing else). */
    static void deleteOwn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            for (Path p : old) if (isOwn(p)) Files.deleteIfExists(p);
        }
    }

    static boolean isOwn(Path p) {
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return false;
            byte[] head = new byte[8192];
            int n;
            try (var in = Files.newInputStream(p)) {
                n = in.readNBytes(head, 0, head.length);
            }
            return new String(head, 0, n, StandardCharsets.UTF_8).contains("<property name=\"" + PROPERTY + "\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void file(CaptureResult r, List<CaptureDevices.Device> devices, long wallNs) throws IOException {
        String base = JunitReport.suiteName(r.file());
        String suite = base;
        // never over another tool's file (a scenario report of the same name, Surefire's): a suffix instead
        for (int i = 2; taken.contains(suite) || Files.exists(dir.resolve("TEST-" + suite + ".xml"), LinkOption.NOFOLLOW_LINKS); i++) {
            suite = base + "_" + i;
        }
        taken.add(suite);
        Path p = dir.resolve("TEST-" + suite + ".xml");
        Path tmp = dir.resolve(".TEST-" + suite + ".xml.tmp");
        Files.writeString(tmp, render(suite, r, devices, wallNs, timestamp), StandardCharsets.UTF_8);
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
        written.add(p);
    }

    @Override
    public List<Path> finish(TraceService.Outcome outcome) {
        return List.copyOf(written);
    }

    /** The document of one file's suite. */
    public static String render(String suite, CaptureResult r, List<CaptureDevices.Device> devices, long wallNs, String timestamp) {
        Document doc = newDocument();
        doc.appendChild(suite(doc, suite, r, devices, wallNs, timestamp));
        return serialize(doc);
    }

    /** One file's verdicts in one document: a {@code <testsuites>} of one {@code <testsuite>} per file ({@code ./dmas trace --junit}). */
    static String renderAll(List<Suite> suites, String timestamp) {
        Document doc = newDocument();
        Element all = doc.createElement("testsuites");
        doc.appendChild(all);
        for (Suite s : suites) all.appendChild(suite(doc, s.name(), s.result(), s.devices(), s.wallNs(), timestamp));
        return serialize(doc);
    }

    /** A file's suite as {@link #renderAll} takes it. */
    record Suite(String name, CaptureResult result, List<CaptureDevices.Device> devices, long wallNs) { }

    /** The {@code <testsuite>} of one file: a test case per device, failing on its violations and faults. */
    private static Element suite(Document doc, String suite, CaptureResult r, List<CaptureDevices.Device> devices, long wallNs,
            String timestamp) {
        Element s = doc.createElement("testsuite");
        Element props = doc.createElement("properties");
        s.appendChild(props);
        property(doc, props, PROPERTY, r.file());
        property(doc, props, "dmas.version", Version.get());
        property(doc, props, "java.version", System.getProperty("java.version"));
        int tests = 0, failures = 0, errors = 0;
        if (r.unreadable()) {
            tests++;
            errors++;
            Element tc = testcase(doc, s, suite, "capture");
            problem(doc, tc, "error", r.problem(), "dmas.CaptureUnreadable", r.problem() + "\n");
        } else if (devices.isEmpty()) {
            tests++;
            Element tc = testcase(doc, s, suite, "capture");
            text(doc, tc, "system-out", "no device named in this file: nothing to check per device\n");
        }
        for (CaptureDevices.Device d : r.unreadable() ? List.<CaptureDevices.Device>of() : devices) {
            tests++;
            Element tc = testcase(doc, s, suite, d.name());
            if (d.failed()) {
                failures++;
                CaptureFinding first = d.certain().get(0);
                StringBuilder body = new StringBuilder();
                for (CaptureFinding f : d.certain()) body.append(f.text()).append('\n');
                long more = d.violations() + d.faults() - d.certain().size();
                if (more > 0) body.append("... and ").append(more).append(" more (the first ").append(d.certain().size()).append(" are listed)\n");
                problem(doc, tc, "failure", first.file() + ":" + first.line() + ": " + first.kind().label() + ": " + d.name() + ": "
                        + Text.oneLine(first.message()), first.kind() == CaptureFinding.Kind.FAULT ? "dmas.CaptureFault" : "dmas.CaptureViolation",
                        body.toString());
            }
            text(doc, tc, "system-out", deviceOut(d));
        }
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        if (r.unreadable()) pw.println("dmas: " + r.problem());
        else TraceText.summary(r, pw);
        pw.flush();
        text(doc, s, "system-out", sw.toString());
        s.setAttribute("name", suite);
        s.setAttribute("time", seconds(wallNs));
        s.setAttribute("tests", Integer.toString(tests));
        s.setAttribute("errors", Integer.toString(errors));
        s.setAttribute("skipped", "0");
        s.setAttribute("failures", Integer.toString(failures));
        s.setAttribute("timestamp", timestamp);
        return s;
    }

    /** A device's test output: its statistics, its counts, and its uncertain verdicts (said not to be failures). */
    private static String deviceOut(CaptureDevices.Device d) {
        StringBuilder b = new StringBuilder();
        b.append(d.stats() == null ? d.name() + ": no dma: event of this device in this file (named by its fault records)" : TraceText.device(d.stats()))
                .append('\n');
        b.append(d.violations()).append(" violations, ").append(d.faults()).append(" faults, ").append(d.uncertain()).append(" uncertain\n");
        if (d.uncertain() > 0) {
            b.append("uncertain (").append(d.uncertain())
                    .append("; not failures: they depend on events the capture may lack, such as lost events or mappings made before it started):\n");
            for (CaptureFinding f : d.doubtful()) b.append("  ").append(f.text().replace("\n", "\n  ")).append('\n');
            long more = d.uncertain() - d.doubtful().size();
            if (more > 0) b.append("  ... and ").append(more).append(" more\n");
        }
        return b.toString();
    }

    static String timestamp(Instant started) {
        return LocalDateTime.ofInstant(started, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Element testcase(Document doc, Element suite, String classname, String name) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("name", Text.xml(Text.oneLine(name)));
        tc.setAttribute("classname", classname);
        tc.setAttribute("time", "0");
        suite.appendChild(tc);
        return tc;
    }

    private static void problem(Document doc, Element tc, String kind, String message, String type, String body) {
        Element e = doc.createElement(kind);
        e.setAttribute("message", Text.xml(Text.oneLine(message)));
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

    private static final ThreadLocal<DocumentBuilderFactory> DOCUMENTS = ThreadLocal.withInitial(DocumentBuilderFactory::newInstance);
    private static final ThreadLocal<TransformerFactory> TRANSFORMERS = ThreadLocal.withInitial(TransformerFactory::newInstance);

    private static Document newDocument() {
        try {
            return DOCUMENTS.get().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
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
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }
}

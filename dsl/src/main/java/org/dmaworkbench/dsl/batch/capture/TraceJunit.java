package org.dmaworkbench.dsl.batch.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.DeviceStats;

/**
 * The JUnit XML report of a capture check ({@code ./dmas trace --junit FILE.xml}), for CI servers that read
 * Surefire's format: a {@code <testsuite>} per file, a {@code <testcase>} per device, failing with the device's
 * violations and faults (uncertain verdicts are in its {@code <system-out>}); a file that could not be read is a
 * test case with an {@code <error>}.
 */
public final class TraceJunit {
    private TraceJunit() { }

    /** Writes the report to {@code file} (replaced), creating its folder. */
    public static void write(List<CaptureResult> results, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(os, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            for (CaptureResult r : results) suite(x, r);
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void suite(XMLStreamWriter x, CaptureResult r) throws XMLStreamException {
        Map<String, List<CaptureFinding>> byDevice = new LinkedHashMap<>();
        for (DeviceStats d : r.devices()) byDevice.put(d.device(), new ArrayList<>());
        for (CaptureFinding f : r.findings()) byDevice.computeIfAbsent(f.device(), k -> new ArrayList<>()).add(f);
        int cases = r.unreadable() ? 1 : Math.max(1, byDevice.size());
        int failures = 0;
        for (List<CaptureFinding> fs : byDevice.values()) if (fs.stream().anyMatch(TraceJunit::fails)) failures++;
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", "dmas trace " + Text.xml(r.file()));
        x.writeAttribute("tests", Integer.toString(cases));
        x.writeAttribute("failures", Integer.toString(failures));
        x.writeAttribute("errors", r.unreadable() ? "1" : "0");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", "0");
        if (r.unreadable()) {
            testcase(x, r.file(), "(capture)");
            x.writeStartElement("error");
            x.writeAttribute("message", Text.xml(r.problem()));
            x.writeEndElement();
            x.writeEndElement();
        } else if (byDevice.isEmpty()) {
            testcase(x, r.file(), "(no device)");
            x.writeEndElement();
        }
        for (Map.Entry<String, List<CaptureFinding>> e : byDevice.entrySet()) {
            testcase(x, r.file(), e.getKey());
            List<CaptureFinding> failing = e.getValue().stream().filter(TraceJunit::fails).toList();
            if (!failing.isEmpty()) {
                long v = failing.stream().filter(f -> f.kind() == CaptureFinding.Kind.VIOLATION).count();
                x.writeStartElement("failure");
                x.writeAttribute("message", v + " violations, " + (failing.size() - v) + " faults; first: "
                        + Text.xml(failing.get(0).file() + ":" + failing.get(0).line() + ": " + failing.get(0).message()));
                x.writeAttribute("type", failing.get(0).kind().label());
                x.writeCharacters(Text.xml(text(failing)));
                x.writeEndElement();
            }
            List<CaptureFinding> uncertain = e.getValue().stream().filter(f -> f.kind() == CaptureFinding.Kind.UNCERTAIN).toList();
            if (!uncertain.isEmpty()) {
                x.writeStartElement("system-out");
                x.writeCharacters(Text.xml(text(uncertain)));
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void testcase(XMLStreamWriter x, String file, String name) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", Text.xml(file));
        x.writeAttribute("name", Text.xml(name));
        x.writeAttribute("time", "0");
    }

    private static boolean fails(CaptureFinding f) {
        return f.kind() != CaptureFinding.Kind.UNCERTAIN;
    }

    private static String text(List<CaptureFinding> fs) {
        StringBuilder sb = new StringBuilder("\n");
        for (CaptureFinding f : fs) sb.append(f.text()).append('\n');
        return sb.toString();
    }
}

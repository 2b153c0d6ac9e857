package org.dmaworkbench.dsl.batch.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.runtime.capture.SyntheticCapture;
import org.dmaworkbench.runtime.exec.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The capture check's report files as CI shows them: the Surefire XML parses, has one test case per device, a failure
 * for each device with violations or faults naming {@code file:line} and the kernel's message, uncertain verdicts in
 * system-out and not counted; the HTML names every device and finding; files of other tools are never touched.
 */
class CaptureReportsTest {
    static final Path CAPTURES = Path.of("../runtime/src/test/resources/captures").toAbsolutePath().normalize();
    private static final Set<Reports.Format> ALL = EnumSet.of(Reports.Format.json, Reports.Format.html, Reports.Format.junit);

    @TempDir
    Path out;

    /** What a check wrote: its outcome and the files. */
    record Checked(TraceService.Outcome outcome, List<Path> written) { }

    /** The check of {@code files} (relative to {@code base}) through the batch service, every report into {@link #out}. */
    Checked check(Path base, Set<Reports.Format> formats, String... files) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String f : files) paths.add(base.resolve(f));
        TraceService.Request names = TraceService.Request.files(paths, base, null);
        CaptureReports reports = CaptureReports.open(formats, new Reports.Target(out, out, true, true), Instant.now(), names.paths());
        TraceService.Outcome o = Batch.service().trace(new TraceService.Request(names.paths(), reports.jsonFile(), null, base), reports);
        return new Checked(o, reports.finish(o));
    }

    static long lineOf(Path file, String... parts) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            final String l = lines.get(i);
            if (Stream.of(parts).allMatch(l::contains)) return i + 1;
        }
        throw new AssertionError("no line with " + String.join(" & ", parts));
    }

    static Element suite(Path xml) throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        return d.getDocumentElement();
    }

    /** Test case name → the element. */
    static Map<String, Element> testcases(Element suite) {
        Map<String, Element> m = new LinkedHashMap<>();
        NodeList l = suite.getElementsByTagName("testcase");
        for (int i = 0; i < l.getLength(); i++) m.put(((Element) l.item(i)).getAttribute("name"), (Element) l.item(i));
        return m;
    }

    static Element child(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    @Test
    void violationsFailTheirDeviceWithFileLineAndTheKernelMessage() throws Exception {
        Checked c = check(CAPTURES, ALL, "v6.18-phys.trace");
        assertEquals(ExitCode.NOT_MET, c.outcome().exitCode());
        Path xml = out.resolve("TEST-v6.18-phys.trace.xml");
        assertTrue(c.written().contains(xml), c.written().toString());
        Element s = suite(xml);
        assertEquals("2", s.getAttribute("tests"));
        assertEquals("2", s.getAttribute("failures"));
        assertEquals("0", s.getAttribute("errors"));
        Map<String, Element> tc = testcases(s);
        assertEquals(List.of("0000:02:00.0", "0000:03:00.0"), List.copyOf(tc.keySet()));

        Path f = CAPTURES.resolve("v6.18-phys.trace");
        long badUnmap = lineOf(f, "dma_unmap_phys", "ffffd000");
        long map = lineOf(f, "dma_map_phys", "ffffd000");
        Element nic = child(tc.get("0000:02:00.0"), "failure");
        assertEquals("v6.18-phys.trace:" + badUnmap + ": violation: 0000:02:00.0: device driver frees DMA memory with different size "
                + "[device address=0x00000000ffffd000] [map size=1514 bytes] [unmap size=2048 bytes]", nic.getAttribute("message"));
        assertEquals("dmas.CaptureViolation", nic.getAttribute("type"));
        assertTrue(nic.getTextContent().contains("mapped at line " + map + " "), nic.getTextContent());

        long wrongFn = lineOf(f, "dma_unmap_phys", "ffd10000");
        long again = lineOf(f, "dma_unmap_sg", "0x3200000");
        String nvme = child(tc.get("0000:03:00.0"), "failure").getTextContent();
        assertTrue(nvme.contains("v6.18-phys.trace:" + wrongFn + ": violation: 0000:03:00.0: device driver frees DMA memory with wrong function"), nvme);
        assertTrue(nvme.contains("v6.18-phys.trace:" + again + ": violation: 0000:03:00.0: device driver tries to free DMA memory it has not allocated"), nvme);
        assertTrue(child(tc.get("0000:03:00.0"), "system-out").getTextContent().contains("2 violations, 0 faults, 0 uncertain"));

        String html = Files.readString(out.resolve(CaptureHtmlReport.FILE_NAME));
        assertTrue(html.contains("<code>0000:02:00.0</code>") && html.contains("<code>0000:03:00.0</code>"), html);
        assertTrue(html.contains("<code>v6.18-phys.trace:" + badUnmap + "</code>"), html);
        assertTrue(html.contains("<code>v6.18-phys.trace:" + wrongFn + "</code>") && html.contains("<code>v6.18-phys.trace:" + again + "</code>"), html);
        assertTrue(html.contains("device driver frees DMA memory with different size [device address=0x00000000ffffd000]"), html);
        assertTrue(html.contains("Violations or faults found"), html);
        assertTrue(Files.readString(out.resolve(CaptureReports.JSON_FILE_NAME)).contains("\"format\": \"dmas-trace-report\""));
    }

    @Test
    void aCleanCaptureHasOnePassingTestcasePerDeviceAndItsLiveMappings() throws Exception {
        Path gz = out.resolve("in/nic-nvme.trace.gz");
        Files.createDirectories(gz.getParent());
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            SyntheticCapture.write(os, 5_000, true, 7);
        }
        Checked c = check(out.resolve("in"), ALL, "nic-nvme.trace.gz");
        assertEquals(ExitCode.OK, c.outcome().exitCode());
        Element s = suite(out.resolve("TEST-nic-nvme.trace.gz.xml"));
        assertEquals("2", s.getAttribute("tests"));
        assertEquals("0", s.getAttribute("failures"));
        assertEquals("0", s.getAttribute("errors"));
        Map<String, Element> tc = testcases(s);
        assertEquals(Set.of("0000:02:00.0", "0000:03:00.0"), tc.keySet()); // the NIC and the NVMe controller
        for (Element e : tc.values()) {
            assertEquals(null, child(e, "failure"));
            assertTrue(child(e, "system-out").getTextContent().contains("0 violations, 0 faults, 0 uncertain"));
        }
        String html = Files.readString(out.resolve(CaptureHtmlReport.FILE_NAME));
        assertTrue(html.contains("No violations or faults"), html);
        assertTrue(html.contains("<code>0000:02:00.0</code>") && html.contains("<code>0000:03:00.0</code>"), html);
        assertTrue(html.contains("Live mappings at the end: <b>"), html); // the RX ring stays mapped
        assertTrue(html.contains("IOVA reuse distance"), html);
        assertFalse(Files.exists(out.resolve("." + CaptureHtmlReport.FILE_NAME + ".sections")), "no leftover of the streamed sections");
    }

    @Test
    void uncertainVerdictsAreNotFailuresAndSaySo() throws Exception {
        check(CAPTURES, ALL, "lost-and-mid-run.trace");
        Element s = suite(out.resolve("TEST-lost-and-mid-run.trace.xml"));
        Map<String, Element> tc = testcases(s);
        assertEquals("2", s.getAttribute("tests"));
        assertEquals("1", s.getAttribute("failures")); // 02:00.0: one violation and one fault; 03:00.0: only an uncertain unmap
        Element nvme = tc.get("0000:03:00.0");
        assertEquals(null, child(nvme, "failure"));
        String so = child(nvme, "system-out").getTextContent();
        long sg = lineOf(CAPTURES.resolve("lost-and-mid-run.trace"), "dma_unmap_sg");
        assertTrue(so.contains("uncertain (1; not failures: they depend on events the capture may lack"), so);
        assertTrue(so.contains("lost-and-mid-run.trace:" + sg + ": uncertain: 0000:03:00.0: dma_unmap_sg of a scatterlist this capture did not map"), so);
        Element nic = child(tc.get("0000:02:00.0"), "failure");
        assertTrue(nic.getTextContent().contains(": fault: 0000:02:00.0: io_page_fault (e1000e)"), nic.getTextContent());
        assertTrue(nic.getTextContent().contains(": violation: 0000:02:00.0: device driver frees DMA memory with different size"), nic.getTextContent());
        assertFalse(nic.getTextContent().contains("uncertain:"), "uncertain verdicts are not in the failure");
        String html = Files.readString(out.resolve(CaptureHtmlReport.FILE_NAME));
        assertTrue(html.contains("Uncertain <span class=\"muted\">(not failures"), html);
    }

    @Test
    void kernelLogFaultsFailTheDevicesTheyName() throws Exception {
        Checked c = check(CAPTURES, ALL, "run-42.trace", "run-42.dmesg");
        assertEquals(ExitCode.NOT_MET, c.outcome().exitCode());
        Element trace = suite(out.resolve("TEST-run-42.trace.xml"));
        assertEquals("1", trace.getAttribute("tests"));
        assertEquals("0", trace.getAttribute("failures"));
        Element log = suite(out.resolve("TEST-run-42.dmesg.xml"));
        Map<String, Element> tc = testcases(log);
        assertEquals(List.of("0000:02:00.0", "0000:03:00.0"), List.copyOf(tc.keySet()));
        assertEquals("2", log.getAttribute("failures"));
        long write = lineOf(CAPTURES.resolve("run-42.dmesg"), "fault addr 0xffd1d000");
        Element nic = child(tc.get("0000:02:00.0"), "failure");
        assertEquals("dmas.CaptureFault", nic.getAttribute("type"));
        assertTrue(nic.getAttribute("message").startsWith("run-42.dmesg:" + write + ": fault: 0000:02:00.0: VT-d 0x05"), nic.getAttribute("message"));
        assertTrue(nic.getTextContent().contains("mapped at run-42.trace:" + lineOf(CAPTURES.resolve("run-42.trace"), "dma_map_phys", "ffd1d000")),
                nic.getTextContent());
        assertTrue(child(tc.get("0000:03:00.0"), "system-out").getTextContent().contains("no dma: event of this device in this file"));
    }

    @Test
    void anUnreadableFileIsOneTestcaseInError() throws Exception {
        Checked c = check(CAPTURES, ALL, "nothing-readable.log");
        assertEquals(ExitCode.INVALID, c.outcome().exitCode());
        Element s = suite(out.resolve("TEST-nothing-readable.log.xml"));
        assertEquals("1", s.getAttribute("tests"));
        assertEquals("1", s.getAttribute("errors"));
        Element err = child(testcases(s).get("capture"), "error");
        assertNotNull(err);
        assertTrue(err.getAttribute("message").startsWith("nothing-readable.log: nothing readable: "), err.getAttribute("message"));
        assertTrue(Files.readString(out.resolve(CaptureHtmlReport.FILE_NAME)).contains("A file could not be read"));
    }

    @Test
    void everyFindingIsCountedEvenPastTheOnesListed(@TempDir Path in) throws Exception {
        // a double unmap, repeated: each is dma-debug's "not allocated" (check 2) after the first unmap
        String map = "     kworker/u16:2-412 [003] ..... 10452.113475: dma_map_page: 0000:02:00.0 dir=FROM_DEVICE dma_addr=ffffe000 size=2048 phys_addr=11a2b4000 attrs=\n";
        String unmap = "     kworker/u16:2-412 [003] ..... 10452.113492: dma_unmap_page: 0000:02:00.0 dir=FROM_DEVICE dma_addr=ffffe000 size=2048 attrs=\n";
        int extra = CaptureDevices.KEPT_PER_DEVICE + 234;
        Files.writeString(in.resolve("double.trace"), map + unmap.repeat(1 + extra), StandardCharsets.US_ASCII);
        check(in, ALL, "double.trace");
        Element nic = testcases(suite(out.resolve("TEST-double.trace.xml"))).get("0000:02:00.0");
        String body = child(nic, "failure").getTextContent();
        assertTrue(body.contains("... and 234 more (the first " + CaptureDevices.KEPT_PER_DEVICE + " are listed)"), body.substring(body.length() - 300));
        assertTrue(child(nic, "system-out").getTextContent().contains(extra + " violations, 0 faults"));
        assertTrue(Files.readString(out.resolve(CaptureHtmlReport.FILE_NAME)).contains("... and 234 more (the first 1000 are listed)"));
    }

    @Test
    void otherToolsFilesAreNeverTouchedAndOurStaleOnesGo() throws Exception {
        Path surefire = out.resolve("TEST-org.example.FooTest.xml");
        Files.writeString(surefire, "<?xml version=\"1.0\"?><testsuite name=\"org.example.FooTest\" tests=\"1\"/>");
        Path scenario = out.resolve("TEST-v6.18-phys.trace.xml"); // the name our suite would take, written by someone else
        Files.writeString(scenario, "<testsuite><properties><property name=\"dmas.file\" value=\"v6.18-phys.trace.dmas\"/></properties></testsuite>");
        check(CAPTURES, ALL, "v6.18-phys.trace", "run-42.trace");
        assertTrue(Files.readString(scenario).contains("dmas.file"), "the other report's file is left as it was");
        assertTrue(Files.isRegularFile(surefire));
        Path ours = out.resolve("TEST-v6.18-phys.trace_2.xml");
        assertEquals("2", suite(ours).getAttribute("failures"));
        Path stale = out.resolve("TEST-run-42.trace.xml");
        assertTrue(Files.isRegularFile(stale));

        check(CAPTURES, EnumSet.of(Reports.Format.junit), "v6.18-phys.trace");
        assertFalse(Files.exists(stale), "a capture no longer checked leaves no report");
        assertFalse(Files.exists(out.resolve(CaptureHtmlReport.FILE_NAME)), "a format no longer asked for is removed when it is ours");
        assertFalse(Files.exists(out.resolve(CaptureReports.JSON_FILE_NAME)));
        assertTrue(Files.isRegularFile(surefire) && Files.isRegularFile(scenario));

        Files.writeString(out.resolve(CaptureHtmlReport.FILE_NAME), "<html><title>my notes</title></html>");
        check(CAPTURES, EnumSet.of(Reports.Format.junit), "v6.18-phys.trace");
        assertEquals("<html><title>my notes</title></html>", Files.readString(out.resolve(CaptureHtmlReport.FILE_NAME)));
    }

    @Test
    void theTextFileIsWhatDmasTracePrints() throws Exception {
        check(CAPTURES, EnumSet.of(Reports.Format.text), "v6.18-phys.trace");
        String text = Files.readString(out.resolve(CaptureReports.TEXT_FILE_NAME));
        assertTrue(text.startsWith(CaptureReports.TEXT_HEADER + ": dmas trace v6.18-phys.trace\n"), text);
        assertTrue(text.contains("v6.18-phys.trace:" + lineOf(CAPTURES.resolve("v6.18-phys.trace"), "dma_unmap_phys", "ffffd000")
                + ": violation: 0000:02:00.0: device driver frees DMA memory with different size"), text);
        assertTrue(text.endsWith("dmas: 1 file: 3 violations, 0 faults, 0 uncertain\n"), text);
    }
}

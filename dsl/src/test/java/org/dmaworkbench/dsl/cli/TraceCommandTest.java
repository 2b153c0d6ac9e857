package org.dmaworkbench.dsl.cli;

import static org.dmaworkbench.dsl.cli.CliHarness.dmas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.dmaworkbench.runtime.capture.SyntheticCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmas trace} as a user runs it: streamed findings with file:line, the summary, exit codes 0, 1 and 2. */
class TraceCommandTest {
    static final String CAPTURES = "../runtime/src/test/resources/captures/";

    private static long lineOf(String fixture, String... parts) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(CAPTURES + fixture));
        for (int i = 0; i < lines.size(); i++) {
            final String l = lines.get(i);
            if (java.util.Arrays.stream(parts).allMatch(l::contains)) return i + 1;
        }
        throw new AssertionError("no line with " + String.join(" & ", parts));
    }

    @Test
    void violationsExitOneWithTheKernelMessageAndBothLines() throws IOException {
        CliHarness.Result r = dmas("trace", CAPTURES + "dma-debug-rules-6.12.trace").assertNoStackTrace();
        assertEquals(1, r.exit(), r.toString());
        long map = lineOf("dma-debug-rules-6.12.trace", "dma_map_page", "ffffd000");
        long unmap = lineOf("dma-debug-rules-6.12.trace", "dma_unmap_page", "ffffd000");
        assertTrue(r.out().contains(CAPTURES + "dma-debug-rules-6.12.trace:" + unmap + ": violation: 0000:02:00.0: device driver frees "
                + "DMA memory with different size [device address=0x00000000ffffd000] [map size=1514 bytes] [unmap size=2048 bytes]\n"
                + "    mapped at line " + map + " (single, DMA_TO_DEVICE, 1514 bytes at 0xffffd000)\n"), r.out());
        assertTrue(r.out().contains(": fault: 0000:02:00.0: io_page_fault (e1000e) at iova 0x00000000ffff4040 flags=0x0001 (write): use after unmap"), r.out());
        assertFalse(r.out().contains("uncertain ("), r.out());
        assertTrue(r.out().contains("  0000:02:00.0: 13 maps, 15 unmaps, 1 map errors,"), r.out());
        assertTrue(r.out().endsWith("dmas: 1 file: 16 violations, 3 faults, 0 uncertain\n"), r.out());
    }

    @Test
    void aCleanCaptureExitsZeroAlsoCompressed(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("nic-nvme.trace.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            SyntheticCapture.write(os, 20_000, true, 3);
        }
        CliHarness.Result r = dmas("trace", gz.toString()).assertNoStackTrace();
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.out().contains("violation:") || r.out().contains("uncertain ("), r.out());
        assertTrue(r.out().contains(" events replayed of "), r.out());
        assertTrue(r.out().contains("live at the end: "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void onlyUncertainVerdictsExitZero(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mid-run.trace");
        Files.writeString(f, "  kworker/u16:2-412 [003] ..... 10.000001: dma_unmap_phys: 0000:02:00.0 dir=TO_DEVICE "
                + "dma_addr=fffff000 size=4096 attrs=\n");
        CliHarness.Result r = dmas("trace", f.toString()).assertNoStackTrace();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("uncertain (1; they depend on events the capture may lack):\n  "), r.out());
        assertTrue(r.out().contains(":1: uncertain: 0000:02:00.0: device driver tries to free DMA memory it has not allocated"), r.out());
    }

    @Test
    void badLinesWarnOnTheErrorStreamWithTheirLines() throws IOException {
        CliHarness.Result r = dmas("trace", CAPTURES + "bad-lines.trace").assertNoStackTrace();
        assertEquals(0, r.exit(), r.toString());
        long noSize = lineOf("bad-lines.trace", "dma_map_page", "ffffe000");
        assertTrue(r.err().startsWith(CAPTURES + "bad-lines.trace:" + noSize + ": warning: dma_map_page: no size= field\n"), r.err());
        assertEquals(4, r.err().lines().count(), r.err());
        assertTrue(r.out().contains("unknown events skipped: sched_switch ×2 dma_fence_emit ×1; 1 line that is no trace event; "
                + "4 lines did not parse; the last line is cut off"), r.out());
    }

    @Test
    void nothingReadableOrMissingExitsTwoWithOneLine() {
        CliHarness.Result r = dmas("trace", CAPTURES + "nothing-readable.log").assertNoStackTrace();
        assertEquals(2, r.exit(), r.toString());
        assertEquals("dmas: " + CAPTURES + "nothing-readable.log: nothing readable: no dma: or iommu: trace event and no IOMMU "
                + "fault line in 2 lines\n", r.err());
        CliHarness.Result missing = dmas("trace", "no-such.trace").assertNoStackTrace();
        assertEquals(2, missing.exit());
        assertEquals("dmas: no-such.trace: no such file\n", missing.err());
        CliHarness.Result withGood = dmas("trace", CAPTURES + "trace-cmd-report.txt", "no-such.trace").assertNoStackTrace();
        assertEquals(2, withGood.exit(), "one unreadable capture makes the check invalid");
        assertTrue(withGood.out().contains("trace-cmd-report.txt: 5 events replayed"), withGood.out());
    }

    @Test
    void aKernelLogGivenFirstIsCorrelatedWithTheCaptureGivenAfterIt() {
        CliHarness.Result r = dmas("trace", CAPTURES + "run-42.dmesg", CAPTURES + "run-42.trace").assertNoStackTrace();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().indexOf("run-42.trace: 4 events replayed") < r.out().indexOf("run-42.dmesg:3: fault:"),
                "captures are replayed first: " + r.out());
        assertTrue(r.out().contains("run-42.dmesg:4: fault: 0000:02:00.0: VT-d 0x05"), r.out());
        assertTrue(r.out().contains("use after unmap\n    mapped at " + CAPTURES + "run-42.trace:7 (DMA_FROM_DEVICE, 2048 bytes at 0xffd1e000), "
                + "unmapped at " + CAPTURES + "run-42.trace:8\n"), r.out());
        assertTrue(r.out().contains("run-42.dmesg: a kernel log of 6 lines (3 IOMMU fault records of the kernel log decoded; "
                + "12 fault messages suppressed"), r.out());
        assertTrue(r.out().endsWith("dmas: 2 files: 0 violations, 3 faults, 0 uncertain\n"), r.out());
    }

    @Test
    void theJunitReportHasATestCasePerDevice(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("TEST-trace.xml");
        CliHarness.Result r = dmas("trace", "--junit", xml.toString(), CAPTURES + "dma-debug-rules-6.12.trace",
                CAPTURES + "nothing-readable.log").assertNoStackTrace();
        assertEquals(2, r.exit(), r.toString());
        org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        org.w3c.dom.NodeList suites = d.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        org.w3c.dom.Element rules = (org.w3c.dom.Element) suites.item(0);
        assertEquals("2", rules.getAttribute("tests"), "a test case per device");
        assertEquals("2", rules.getAttribute("failures"));
        org.w3c.dom.Element nic = (org.w3c.dom.Element) rules.getElementsByTagName("testcase").item(0);
        assertEquals("0000:02:00.0", nic.getAttribute("name"));
        org.w3c.dom.Element failure = (org.w3c.dom.Element) nic.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").matches(".*dma-debug-rules-6\\.12\\.trace:\\d+: .*0000:02:00\\.0: .*"),
                "the first finding's file:line, as the Maven goal's reports say it: " + failure.getAttribute("message"));
        assertTrue(nic.getElementsByTagName("system-out").item(0).getTextContent().contains("12 violations, 3 faults"),
                "the device's counts in its output");
        assertTrue(failure.getTextContent().contains("device driver frees DMA memory with different size"), failure.getTextContent());
        org.w3c.dom.Element log = (org.w3c.dom.Element) suites.item(1);
        assertEquals("1", log.getAttribute("errors"), "an unreadable file is an error");
    }

    @Test
    void aDirectoryMeansItsFiles(@TempDir Path dir) throws IOException {
        Files.copy(Path.of(CAPTURES + "run-42.trace"), dir.resolve("b.trace"));
        Files.copy(Path.of(CAPTURES + "run-42.dmesg"), dir.resolve("a.dmesg"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        CliHarness.Result r = dmas("trace", dir.toString()).assertNoStackTrace();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().endsWith("dmas: 2 files: 0 violations, 3 faults, 0 uncertain\n"), "hidden folders skipped: " + r.out());
        assertTrue(r.out().contains("use after unmap"), "the log after the capture, correlated: " + r.out());
    }

    @Test
    void theJsonReport(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("out/trace.json");
        CliHarness.Result r = dmas("trace", "--out", json.toString(), CAPTURES + "lost-and-mid-run.trace").assertNoStackTrace();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("report: "), r.out());
        JsonObject o = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("dmas-trace-report", o.get("format").getAsString());
        assertEquals(1, o.get("exitCode").getAsInt());
        JsonObject c = o.getAsJsonArray("captures").get(0).getAsJsonObject();
        assertEquals(1, c.get("violations").getAsLong());
        assertEquals(6, c.get("uncertain").getAsLong());
        assertEquals(1, c.get("faults").getAsLong());
        assertEquals(193, c.get("lostEvents").getAsLong());
        JsonArray findings = c.getAsJsonArray("findings");
        assertEquals(8, findings.size());
        JsonObject first = findings.get(0).getAsJsonObject();
        assertEquals("uncertain", first.get("kind").getAsString());
        assertEquals("FREE_NOT_ALLOCATED", first.get("check").getAsString());
        assertEquals("0xfff80000", first.get("dmaAddr").getAsString());
        JsonObject nic = c.getAsJsonArray("devices").get(0).getAsJsonObject();
        assertEquals("0000:02:00.0", nic.get("device").getAsString());
        assertEquals(0, nic.getAsJsonObject("live").get("count").getAsLong());
    }
}

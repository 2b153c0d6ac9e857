package org.dmaworkbench.runtime.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.dmaworkbench.runtime.capture.CaptureFinding.Kind;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formats and versions a capture comes in, and the lines that are not what they should be. */
class CaptureFormatsTest {

    @Test
    void linuxSixSeventeenNamesAndScatterlistCounts() throws IOException {
        Captures c = Captures.replay("v6.18-phys.trace");
        assertEquals(List.of(), c.warnings);
        List<CaptureFinding> v = c.of(Kind.VIOLATION);
        assertEquals(3, v.size(), v.toString());
        CaptureFinding size = c.at(c.lineOf("dma_unmap_phys", "ffffd000"), "different size");
        assertTrue(size.related().contains("(phy, DMA_TO_DEVICE, 1514 bytes"), "6.18 tracks dma_map_phys as phy: " + size.related());
        CaptureFinding fn = c.at(c.lineOf("dma_unmap_phys", "ffd10000"), "wrong function");
        assertTrue(fn.message().endsWith("[mapped as scatter-gather] [unmapped as phy]"), fn.message());
        CaptureFinding again = c.at(c.lineOf("dma_unmap_sg", "0x3200000"), "has not allocated");
        assertEquals("already unmapped at line " + fn.line(), again.related());
        long truncated = c.lineOf("[TRUNCATED]");
        assertTrue(c.findings.stream().noneMatch(f -> f.line() >= truncated && f.line() <= truncated + 1),
                "a truncated sg map (130 entries, 128 traced) and its unmap are clean");
        DeviceStats nvme = c.result.devices().get(1);
        assertEquals(3, nvme.sgMaps());
    }

    @Test
    void traceCmdReportWithItsDropMarker() throws IOException {
        Captures c = Captures.replay("trace-cmd-report.txt");
        assertEquals(List.of(), c.findings);
        assertEquals(List.of(), c.warnings);
        CaptureReader.Counts n = c.result.counts();
        assertEquals(5, n.events());
        assertEquals(Map.of("sched_switch", 1L), n.unknownEvents());
        assertEquals(3, n.foreignLines(), "version = 6, cpus=8, CPU 5 is empty");
        assertEquals(1, c.result.lostMarkers());
        assertEquals(12, c.result.lostEvents());
    }

    @Test
    void gzipCompressedCapturesAreReadDirectly(@TempDir Path dir) throws IOException {
        byte[] plain = Captures.resource("dma-debug-rules-6.12.trace").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(plain);
        }
        Path file = dir.resolve("rules.trace.gz");
        Files.write(file, bos.toByteArray());
        Captures z = new Captures();
        z.result = CaptureCheck.check(file, "rules.trace.gz", z.listener());
        Captures p = Captures.replay("dma-debug-rules-6.12.trace");
        assertTrue(z.result.counts().compressed());
        assertEquals(p.findings.stream().map(f -> f.line() + " " + f.message()).toList(),
                z.findings.stream().map(f -> f.line() + " " + f.message()).toList());
        assertEquals("rules.trace.gz", z.findings.get(0).file());

        byte[] cut = Arrays.copyOf(bos.toByteArray(), bos.size() / 2);
        Files.write(file, cut);
        Captures half = new Captures();
        half.result = CaptureCheck.check(file, "rules.trace.gz", half.listener());
        assertNull(half.result.problem(), "what was read before the compressed data ended is replayed");
        assertNotNull(half.result.counts().compressedEndedEarly());
        assertTrue(half.result.violations() > 0 && half.result.violations() < p.result.violations());
    }

    @Test
    void badLinesAreWarningsWithTheirLineAndTheReplayGoesOn() throws IOException {
        Captures c = Captures.replay("bad-lines.trace");
        assertEquals(List.of(
                "bad-lines.trace:" + c.lineOf("dma_map_page", "ffffe000") + ": dma_map_page: no size= field",
                "bad-lines.trace:" + c.lineOf("SIDEWAYS") + ": dma_unmap_page: dir=SIDEWAYS is not BIDIRECTIONAL, TO_DEVICE, "
                        + "FROM_DEVICE or NONE",
                "bad-lines.trace:" + c.lineOf("zz12") + ": dma_sync_single_for_cpu: dma_addr=zz12 is not a hexadecimal number",
                "bad-lines.trace:" + c.lineOf("ffffd000") + ": dma_map_page: not an ftrace event line (TASK-PID [CPU] "
                        + "TIMESTAMP: dma_map_page: FIELDS)"), c.warnings);
        assertEquals(List.of(), c.findings, "the map and unmap around the bad lines still pair up");
        CaptureReader.Counts n = c.result.counts();
        assertEquals(Map.of("sched_switch", 2L, "dma_fence_emit", 1L), n.unknownEvents());
        assertEquals(1, n.foreignLines(), "the kernel log line");
        assertTrue(n.lastLineCutOff(), "the cut-off last line is noted, not warned about");
        assertEquals(2, n.events());
    }

    @Test
    void nothingReadableIsAProblem() throws IOException {
        Captures c = Captures.replay("nothing-readable.log");
        assertEquals("nothing-readable.log: nothing readable: no dma: or iommu: trace event and no IOMMU fault line in 2 lines", c.result.problem());
        Captures empty = Captures.replay(new ByteArrayInputStream(new byte[0]), "empty.trace");
        assertTrue(empty.result.unreadable());
        assertTrue(CaptureCheck.check(Path.of("no/such/capture.trace"), "no/such/capture.trace", CaptureListener.NONE)
                .problem().equals("no/such/capture.trace: no such file"));
    }

    @Test
    void mappingsThatAskDmaDebugToIgnoreTheirCachelineAreNotTracked() throws IOException {
        String two = "  irq-1 [000] ..... 1.000001: dma_map_phys: 0000:02:00.0 dir=FROM_DEVICE dma_addr=fff00000 size=64 "
                + "phys_addr=120000000 attrs=CACHELINES_OVERLAP\n"
                + "  irq-1 [000] ..... 1.000002: dma_map_phys: 0000:02:00.0 dir=FROM_DEVICE dma_addr=fff01000 size=64 "
                + "phys_addr=120000000 attrs=CACHELINES_OVERLAP\n";
        Captures c = Captures.replay(new ByteArrayInputStream(two.getBytes(StandardCharsets.UTF_8)), "ignore.trace");
        assertEquals(List.of(), c.findings, "DMA_ATTR_DEBUGGING_IGNORE_CACHELINES");
        Captures plain = Captures.replay(new ByteArrayInputStream(two.replace("CACHELINES_OVERLAP", "").getBytes(StandardCharsets.UTF_8)),
                "plain.trace");
        assertEquals(DmaDebugCheck.CACHELINE_OVERLAP, plain.findings.get(0).check());
    }

    @Test
    void lineLayouts() {
        FtraceLine l = new FtraceLine();
        String withTgid = "          <idle>-0       (-------) [001] d.h1. 71234.000001: dma_map_phys: 0000:02:00.0 dir=TO_DEVICE";
        assertEquals(FtraceLine.Kind.EVENT, l.parse(withTgid));
        assertEquals("dma_map_phys", l.name());
        assertEquals(1, l.cpu);
        assertTrue(withTgid.startsWith("0000:02:00.0", l.bodyStart));
        String noFlags = "bash-1234  [012]  5.5: io_page_fault: IOMMU:nvme 0000:03:00.0 iova=0x0000000000001000 flags=0x0000";
        assertEquals(FtraceLine.Kind.EVENT, l.parse(noFlags));
        assertEquals(12, l.cpu);
        String bracketsInComm = "[kworker] x-7 [002] ..... 1.000000: dma_unmap_page: dev dir=NONE dma_addr=0 size=0 attrs=";
        assertEquals(FtraceLine.Kind.EVENT, l.parse(bracketsInComm));
        assertEquals(2, l.cpu);
        assertEquals(FtraceLine.Kind.LOST, l.parse("CPU:7 [LOST 204600 EVENTS]"));
        assertEquals(204600, l.lost);
        assertEquals(FtraceLine.Kind.LOST, l.parse("CPU:3 [LOST EVENTS]"));
        assertEquals(-1, l.lost);
        assertEquals(FtraceLine.Kind.LOST, l.parse("CPU:0 [EVENTS DROPPED]"));
        assertEquals(FtraceLine.Kind.HEADER, l.parse("#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION"));
        assertEquals(FtraceLine.Kind.OTHER, l.parse("[    1.234567] pci 0000:00:02.0: [8086:a780] type 00 class 0x030000"));
        assertEquals(FtraceLine.Kind.OTHER, l.parse("CPU:x [LOST 1 EVENTS]"));
        assertFalse(l.parse("") == FtraceLine.Kind.EVENT);
    }
}

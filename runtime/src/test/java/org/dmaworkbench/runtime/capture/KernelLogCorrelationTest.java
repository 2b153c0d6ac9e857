package org.dmaworkbench.runtime.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dmaworkbench.runtime.capture.CaptureFinding.Kind;
import org.junit.jupiter.api.Test;

/**
 * A capture and the kernel log of the same run (run-42.trace, run-42.dmesg): the log's VT-d faults, decoded by the
 * faultlog package, are correlated with the capture's mappings by device and address; a log alone is decoded too.
 */
class KernelLogCorrelationTest {

    private static Captures replayInSession(CaptureSession s, String fixture) throws IOException {
        Captures c = new Captures();
        c.text = Captures.resource(fixture);
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + fixture)) {
            c.result = CaptureCheck.check(in, fixture, c.listener(), s);
        }
        return c;
    }

    @Test
    void logFaultsAreCorrelatedWithTheCapturesMappings() throws IOException {
        CaptureSession s = new CaptureSession();
        Captures trace = replayInSession(s, "run-42.trace");
        assertEquals(List.of(), trace.findings);
        Captures log = replayInSession(s, "run-42.dmesg");
        assertEquals(3, log.result.faults(), log.findings.toString());
        assertEquals(12, log.result.log().suppressed());

        CaptureFinding toDevice = log.at(log.lineOf("fault addr 0xffd1d000"), "VT-d");
        assertEquals(Kind.FAULT, toDevice.kind());
        assertEquals("0000:02:00.0", toDevice.device());
        assertTrue(toDevice.message().startsWith("VT-d "), toDevice.message());
        assertTrue(toDevice.message().contains(", write at 0xffd1d000: "), toDevice.message());
        assertTrue(toDevice.message().endsWith("a write of a DMA_TO_DEVICE mapping: the direction does not allow it"), toDevice.message());
        assertEquals("mapped at run-42.trace:" + trace.lineOf("ffd1d000") + " (DMA_TO_DEVICE, 1514 bytes at 0xffd1d000), still live",
                toDevice.related());

        CaptureFinding afterUnmap = log.at(log.lineOf("fault addr 0xffd1e000"), "VT-d");
        assertTrue(afterUnmap.message().endsWith("use after unmap"), afterUnmap.message());
        assertEquals(trace.lineOf("dma_unmap_phys", "ffd1e000"), afterUnmap.relatedLine());

        CaptureFinding other = log.at(log.lineOf("fault addr 0xffe00000"), "VT-d");
        assertEquals("no mapping of 0000:03:00.0 in the captures given covers 0xffe00000", other.related());
    }

    @Test
    void aLogAloneAndALogMixedIntoACapture() throws IOException {
        Captures alone = Captures.replay("run-42.dmesg");
        assertEquals(3, alone.result.faults());
        assertEquals("", alone.findings.get(0).related(), "no capture given: nothing to correlate with");

        String mixed = Captures.resource("run-42.trace") + Captures.resource("run-42.dmesg");
        Captures m = Captures.replay(new ByteArrayInputStream(mixed.getBytes(StandardCharsets.UTF_8)), "mixed.txt");
        CaptureFinding f = m.findings.stream().filter(x -> x.message().contains("0xffd1d000")).findFirst().orElseThrow();
        assertTrue(f.related().startsWith("mapped at line 6 "), "the same file's capture, by line: " + f.related());
        assertEquals(1, m.result.devices().stream().filter(d -> d.device().equals("0000:02:00.0")).findFirst().orElseThrow().faults() - 1);
    }

    @Test
    void anInterruptRemappingFaultIsNoDmaAddress() throws IOException {
        String mixed = "  irq-1 [000] ..... 15.000001: dma_map_phys: 0000:f0:1f.0 dir=FROM_DEVICE dma_addr=8000 size=4096 "
                + "phys_addr=120000000 attrs=\n"
                + "[   15.005000] DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x8000 [fault reason 0x25] Blocked a "
                + "compatibility format interrupt request\n";
        Captures m = Captures.replay(new ByteArrayInputStream(mixed.getBytes(StandardCharsets.UTF_8)), "irq.txt");
        assertEquals(1, m.findings.size(), m.findings.toString());
        assertEquals("", m.findings.get(0).related(), "an interrupt index is not attributed to the mapping at 0x8000");
    }
}

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

    private static Captures replayTextInSession(CaptureSession s, String name, String text) throws IOException {
        Captures c = new Captures();
        c.text = text;
        c.result = CaptureCheck.check(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, c.listener(), s);
        return c;
    }

    /** ftrace's default clock and printk's time are both local_clock(): a separate log's fault is matched at its time. */
    @Test
    void aSeparateLogsFaultIsMatchedWithTheMappingsLiveAtItsTime() throws IOException {
        String trace = """
                # tracer: nop
                  kworker/0:1-77 [000] .....   10.000000: dma_map_phys: 0000:05:00.0 dir=FROM_DEVICE dma_addr=f000 size=4096 phys_addr=200000 attrs=
                  kworker/0:1-77 [000] .....   11.000000: dma_unmap_phys: 0000:05:00.0 dir=FROM_DEVICE dma_addr=f000 size=4096 attrs=
                  kworker/0:1-77 [000] .....   12.000000: dma_map_phys: 0000:05:00.0 dir=TO_DEVICE dma_addr=e000 size=4096 phys_addr=201000 attrs=
                  kworker/0:1-77 [000] .....   13.000000: dma_unmap_phys: 0000:05:00.0 dir=TO_DEVICE dma_addr=e000 size=4096 attrs=
                  kworker/0:1-77 [000] .....   14.000000: dma_map_phys: 0000:05:00.0 dir=FROM_DEVICE dma_addr=e000 size=4096 phys_addr=202000 attrs=
                """;
        String log = """
                [   10.500000] DMAR: [DMA Write NO_PASID] Request device [05:00.0] fault addr 0xf000 [fault reason 0x05] PTE Write access is not set
                [   11.500000] DMAR: [DMA Write NO_PASID] Request device [05:00.0] fault addr 0xf000 [fault reason 0x05] PTE Write access is not set
                [   13.500000] DMAR: [DMA Write NO_PASID] Request device [05:00.0] fault addr 0xe000 [fault reason 0x05] PTE Write access is not set
                [    9.000000] DMAR: [DMA Write NO_PASID] Request device [05:00.0] fault addr 0xe000 [fault reason 0x05] PTE Write access is not set
                """;
        CaptureSession s = new CaptureSession();
        Captures t = replayTextInSession(s, "boot.trace", trace);
        Captures l = replayTextInSession(s, "boot.dmesg", log);
        assertEquals(4, l.result.faults(), l.findings.toString());

        CaptureFinding whileMapped = l.at(1, "0xf000");
        assertTrue(whileMapped.message().endsWith("a write within a live mapping that allows it: the IOMMU's page table or IOTLB "
                + "disagrees with the DMA API (a missing map or an early unmap at the IOMMU level)"), whileMapped.message());
        assertEquals("mapped at boot.trace:2 (DMA_FROM_DEVICE, 4096 bytes at 0xf000), unmapped at boot.trace:3 (11.000000 s), "
                + "after the fault (10.500000 s)", whileMapped.related());
        assertEquals(2, whileMapped.relatedLine());

        CaptureFinding afterUnmap = l.at(2, "0xf000");
        assertTrue(afterUnmap.message().endsWith("use after unmap"), afterUnmap.message());
        assertEquals(3, afterUnmap.relatedLine());

        // at 13.5 s 0xe000 was unmapped (13 s) and not yet mapped again (14 s): the end state would say "live"
        CaptureFinding betweenMappings = l.at(3, "0xe000");
        assertTrue(betweenMappings.message().endsWith("use after unmap"), betweenMappings.message());
        assertEquals("mapped at boot.trace:4 (DMA_TO_DEVICE, 4096 bytes at 0xe000), unmapped at boot.trace:5",
                betweenMappings.related());

        CaptureFinding beforeCapture = l.at(4, "0xe000");
        assertTrue(beforeCapture.related().startsWith("no mapping of 0000:05:00.0 in the captures given covers 0xe000; "),
                beforeCapture.related());
        assertTrue(beforeCapture.related().contains("the fault (9.000000 s) precedes the capture (from 10.000000 s): a mapping "
                + "made before it began is not known"), beforeCapture.related());
        assertEquals(List.of(), t.findings);
    }

    @Test
    void withoutPrintkTimesTheCapturesEndStateIsUsed() throws IOException {
        String trace = """
                  kworker/0:1-77 [000] .....   10.000000: dma_map_phys: 0000:05:00.0 dir=FROM_DEVICE dma_addr=f000 size=4096 phys_addr=200000 attrs=
                  kworker/0:1-77 [000] .....   11.000000: dma_unmap_phys: 0000:05:00.0 dir=FROM_DEVICE dma_addr=f000 size=4096 attrs=
                """;
        String log = "Dec 03 10:00:00 host kernel: DMAR: [DMA Write NO_PASID] Request device [05:00.0] fault addr 0xf000 "
                + "[fault reason 0x05] PTE Write access is not set\n";
        CaptureSession s = new CaptureSession();
        replayTextInSession(s, "a.trace", trace);
        Captures l = replayTextInSession(s, "a.log", log);
        CaptureFinding f = l.at(1, "0xf000");
        assertTrue(f.message().endsWith("use after unmap"), "a wall-clock time is not on the trace clock: " + f.message());
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

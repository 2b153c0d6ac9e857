package org.dmaworkbench.runtime.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dmaworkbench.runtime.capture.TraceLineLayout.Part;
import org.dmaworkbench.runtime.capture.TraceLineLayout.Span;
import org.dmaworkbench.runtime.exec.CaptureExecutor;
import org.dmaworkbench.runtime.run.RunCancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of a line an editor colours are the reader's; a check stops when its thread is interrupted. */
class TraceLineLayoutTest {
    static final String MAP = "     kworker/u16:2-412 [003] ..... 10452.113390: dma_map_page: 0000:02:00.0 dir=TO_DEVICE dma_addr=ffffb000 size=256 phys_addr=11a2b7000 attrs=";
    static final String FAULT = "              <idle>-0 [000] d.h1. 10452.114070: io_page_fault: IOMMU:e1000e 0000:02:00.0 iova=0x00000000ffff4040 flags=0x0001";
    static final String SG = "  fio-9 [001] ..... 1.000001: dma_map_sg: 0000:05:00.0 dir=FROM_DEVICE nents=2/2 ents=2/2 dma_addrs={0x1000,0x2000} sizes={0x1000,0x1000} phys_addrs={0x9000,0xa000} attrs=";

    private static String text(String line, Span s) {
        return line.substring(s.start(), s.end());
    }

    private static List<String> of(String line, Part part) {
        return TraceLineLayout.of(line).stream().filter(s -> s.part() == part).map(s -> text(line, s)).toList();
    }

    @Test
    void aDmaEventHasItsContextNameDeviceFieldsAndValues() {
        assertEquals(List.of("kworker/u16:2-412 [003] ..... 10452.113390: "), of(MAP, Part.CONTEXT));
        assertEquals(List.of("dma_map_page"), of(MAP, Part.EVENT));
        assertEquals(List.of("0000:02:00.0"), of(MAP, Part.DEVICE));
        assertEquals(List.of("dir", "dma_addr", "size", "phys_addr", "attrs"), of(MAP, Part.FIELD));
        assertEquals(List.of("TO_DEVICE", "ffffb000", "256", "11a2b7000"), of(MAP, Part.VALUE));
        assertTrue(TraceLineLayout.isKnownEvent(MAP));
    }

    @Test
    void anIoPageFaultNamesItsDeviceAfterTheDriverAndArraysAreOneValue() {
        assertEquals(List.of("0000:02:00.0"), of(FAULT, Part.DEVICE));
        assertEquals(List.of("iova", "flags"), of(FAULT, Part.FIELD));
        assertTrue(of(FAULT, Part.CONTEXT).contains("IOMMU:e1000e"));
        assertTrue(of(SG, Part.VALUE).contains("{0x1000,0x2000}"), of(SG, Part.VALUE).toString());
    }

    @Test
    void headersLostMarkersOtherEventsAndLogLines() {
        assertEquals(List.of(new Span(0, 13, Part.HEADER)), TraceLineLayout.of("# tracer: nop"));
        assertEquals(Part.LOST, TraceLineLayout.of("CPU:2 [LOST 120 EVENTS]").get(0).part());
        String sched = "  bash-1 [000] ..... 5.000000: sched_switch: prev_comm=bash";
        assertEquals(List.of("sched_switch"), of(sched, Part.OTHER_EVENT));
        assertFalse(TraceLineLayout.isKnownEvent(sched));
        assertEquals(List.of(), TraceLineLayout.of("[ 4000.200004] DMAR: [DMA Write NO_PASID] Request device [02:00.0] fault addr 0xffd1d000"));
    }

    @Test
    void anInterruptedCheckStopsAndTheExecutorSaysCancelled(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticCapture.write(out, 20_000, false, 5);
        Path big = dir.resolve("big.trace");
        Files.write(big, out.toByteArray());
        Thread.currentThread().interrupt();
        try {
            CaptureResult r = CaptureCheck.check(big, "big.trace", CaptureListener.NONE);
            assertTrue(r.unreadable(), "the reader stopped: " + r.problem());
            assertThrows(RunCancelledException.class, () -> new CaptureExecutor().run(List.of(new CaptureExecutor.Input(big, "big.trace")),
                    new CaptureExecutor.Listener() { }));
        } finally {
            Thread.interrupted();
        }
        assertFalse(CaptureCheck.check(big, "big.trace", CaptureListener.NONE).unreadable(), "not interrupted: read to the end");
    }
}

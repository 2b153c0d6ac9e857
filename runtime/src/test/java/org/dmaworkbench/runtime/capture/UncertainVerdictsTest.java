package org.dmaworkbench.runtime.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.dmaworkbench.runtime.capture.CaptureFinding.Kind;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.junit.jupiter.api.Test;

/**
 * A capture that starts mid-run and loses events: verdicts that depend on missing events are uncertain, never
 * violations; a verdict on events all after the marker stays a violation.
 */
class UncertainVerdictsTest {

    @Test
    void midRunAndLostEventsGiveUncertainVerdictsOnly() throws IOException {
        Captures c = Captures.replay("lost-and-mid-run.trace");
        long lost = c.lineOf("CPU:2 [LOST 193 EVENTS]");
        long certain = c.lineOf("dma_unmap_page", "fff85000");
        List<CaptureFinding> violations = c.of(Kind.VIOLATION);
        assertEquals(1, violations.size(), violations.toString());
        assertEquals(certain, violations.get(0).line(), "mapped and unmapped after the marker: certain");
        assertEquals(DmaDebugCheck.FREE_DIFFERENT_SIZE, violations.get(0).check());

        CaptureFinding midRun = c.at(c.lineOf("dma_unmap_page", "fff80000"), "has not allocated");
        assertEquals(Kind.UNCERTAIN, midRun.kind());
        assertTrue(midRun.related().contains("may predate the capture"), midRun.related());
        assertEquals(Kind.UNCERTAIN, c.at(c.lineOf("dma_sync_single_for_cpu", "fff81000"), "sync").kind());
        assertEquals(Kind.UNCERTAIN, c.at(c.lineOf("dma_unmap_sg", "0x3000000"), "did not map").kind());

        CaptureFinding size = c.at(c.lineOf("dma_unmap_page", "fff82000"), "different size");
        assertEquals(Kind.UNCERTAIN, size.kind());
        assertEquals(c.lineOf("dma_map_page", "fff82000"), size.relatedLine());
        assertTrue(size.related().contains("events were lost at line " + lost + " (CPU 2, 193 events)"), size.related());
        assertEquals(Kind.UNCERTAIN, c.at(c.lineOf(2, "dma_unmap_page", "fff83000"), "has not allocated").kind());
        assertEquals(Kind.UNCERTAIN, c.at(c.lineOf("dma_unmap_page", "fff84000"), "has not allocated").kind());
        CaptureFinding fault = c.at(c.lineOf("io_page_fault"), "use after unmap");
        assertEquals(Kind.FAULT, fault.kind());
        assertTrue(fault.related().endsWith("but events were lost at line " + lost + " after the unmap: a new mapping of the "
                + "address may be among them"), "the attribution says it is in doubt: " + fault.related());
        assertEquals(6, c.result.uncertain());
        assertEquals(1, c.result.faults());
        assertEquals(1, c.result.lostMarkers());
        assertEquals(193, c.result.lostEvents());
    }
}

package org.dmaworkbench.runtime.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.dmaworkbench.runtime.mem.MemoryArea;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.junit.jupiter.api.Test;

/** What a capture replay asks of dma-debug beyond the hooks: the entry a report is about, origins, unknown physical addresses. */
class DmaDebugReplayApiTest {
    private final DebugDevice dev = new DebugDevice(null, "0000:02:00.0");

    @Test
    void aReportNamesTheEntryItWasCheckedAgainstAndItsOrigin() {
        DmaDebug d = new DmaDebug();
        d.setOrigin(16);
        d.mapPhys(dev, EntryType.PHY, 0x1000, true, 4096, DmaDirection.TO_DEVICE, 0xfffff000L, false, false, MemoryArea.DIRECT_MAP, false);
        d.mappingError(dev, 0xfffff000L);
        d.setOrigin(17);
        d.unmap(dev, EntryType.PHY, 0xfffff000L, 2048, DmaDirection.TO_DEVICE);
        List<DmaDebugReport> r = d.drainReports();
        assertEquals(1, r.size());
        assertEquals(DmaDebugCheck.FREE_DIFFERENT_SIZE, r.get(0).check());
        assertEquals(16, r.get(0).entry().origin());
        assertSame(r.get(0).entry(), d.lastRemoved());
        d.unmap(dev, EntryType.PHY, 0xfffff000L, 4096, DmaDirection.TO_DEVICE);
        DmaDebugReport notFound = d.drainReports().get(0);
        assertEquals(DmaDebugCheck.FREE_NOT_ALLOCATED, notFound.check());
        assertNull(notFound.entry());
        assertNull(d.lastRemoved());
    }

    @Test
    void entriesWithoutAKnownPhysicalAddressTakeNoPartInCachelineTracking() {
        DmaDebug d = new DmaDebug();
        d.allocCoherent(dev, 4096, 0xfff00000L, 0x1234, 0x1234, false, false);
        d.allocCoherent(dev, 4096, 0xfff01000L, 0x1234, 0x1234, false, false);
        assertEquals(List.of(), d.drainReports(), "same 'physical' value, but unknown: no EEXIST");
        d.allocCoherent(dev, 4096, 0xfff02000L, 0x1, 0x5000, false, true);
        d.allocCoherent(dev, 4096, 0xfff03000L, 0x2, 0x5000, false, true);
        assertEquals(DmaDebugCheck.CACHELINE_OVERLAP, d.drainReports().get(0).check());
        assertEquals(2, d.entriesAt(dev, 0xfff00000L).size() + d.entriesAt(dev, 0xfff01000L).size());
    }
}

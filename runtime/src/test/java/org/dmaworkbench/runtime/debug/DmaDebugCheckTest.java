package org.dmaworkbench.runtime.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.junit.jupiter.api.Test;

/** The check table: numbering, fixed texts, user-expectation matching. */
class DmaDebugCheckTest {

    @Test
    void thereAre25ChecksNumberedInTableOrder() {
        assertEquals(25, DmaDebugCheck.values().length);
        for (DmaDebugCheck c : DmaDebugCheck.values()) assertSame(c, DmaDebugCheck.byNumber(c.number()));
        assertSame(DmaDebugCheck.FREE_INVALID_ADDRESS, DmaDebugCheck.byNumber(1));
        assertSame(DmaDebugCheck.CACHELINE_ENOMEM, DmaDebugCheck.byNumber(16));
        assertSame(DmaDebugCheck.PENDING_ALLOCATIONS_ON_UNBIND, DmaDebugCheck.byNumber(25));
        assertNull(DmaDebugCheck.byNumber(0));
        assertNull(DmaDebugCheck.byNumber(26));
    }

    @Test
    void fixedTextsAreThePartBeforeTheFirstArgument() {
        assertEquals("device driver frees DMA memory with different size", DmaDebugCheck.FREE_DIFFERENT_SIZE.fixedText());
        assertEquals("device driver failed to check map error", DmaDebugCheck.MAP_ERROR_NOT_CHECKED.fixedText());
        assertEquals("device driver maps memory from stack", DmaDebugCheck.MAP_FROM_VMAPPED_STACK.fixedText());
        assertEquals("cacheline tracking EEXIST, overlapping mappings aren't supported",
                DmaDebugCheck.CACHELINE_OVERLAP.fixedText());
        assertEquals("exceeded 7 overlapping mappings of cacheline", DmaDebugCheck.CACHELINE_OVERLAP_LIMIT.fixedText());
        assertEquals("device driver has pending DMA allocations while released from device",
                DmaDebugCheck.PENDING_ALLOCATIONS_ON_UNBIND.fixedText());
        assertEquals("mapping sg segment longer than device claims to support",
                DmaDebugCheck.SG_SEGMENT_TOO_LONG.fixedText());
    }

    @Test
    void onlyTheWarnOnceAndEnomemMessagesLackTheDevicePrefix() {
        for (DmaDebugCheck c : DmaDebugCheck.values()) {
            boolean global = c == DmaDebugCheck.CACHELINE_OVERLAP_LIMIT || c == DmaDebugCheck.CACHELINE_ENOMEM;
            assertEquals(!global, c.perDevice(), c.name());
            assertEquals(!global, c.countsAsError(), c.name());
        }
    }

    @Test
    void byMessageFindsEveryCheckFromItsFormat() {
        for (DmaDebugCheck c : DmaDebugCheck.values()) assertSame(c, DmaDebugCheck.byMessage(c.template()), c.name());
    }

    @Test
    void byMessageFindsEveryCheckFromItsFixedTextExceptTheSharedStackText() {
        for (DmaDebugCheck c : DmaDebugCheck.values()) {
            DmaDebugCheck expected = c == DmaDebugCheck.MAP_FROM_VMAPPED_STACK ? DmaDebugCheck.MAP_FROM_STACK : c;
            assertSame(expected, DmaDebugCheck.byMessage(c.fixedText()), c.name());
        }
    }

    @Test
    void byMessageAcceptsPartsAndWholeLogLines() {
        assertSame(DmaDebugCheck.FREE_DIFFERENT_SIZE, DmaDebugCheck.byMessage("frees DMA memory with different size"));
        assertSame(DmaDebugCheck.MAP_FROM_VMAPPED_STACK,
                DmaDebugCheck.byMessage("device driver maps memory from stack [probable addr=ffffc90000a3be40]"));
        assertSame(DmaDebugCheck.MAP_FROM_STACK,
                DmaDebugCheck.byMessage("device driver maps memory from stack [addr=ffff888012345e00]"));
        assertSame(DmaDebugCheck.MAP_ERROR_NOT_CHECKED, DmaDebugCheck.byMessage(
                "DMA-API: idxd 0000:6a:01.0: device driver failed to check map error[device address=0x00000000fffff000]"));
        assertSame(DmaDebugCheck.SYNC_DEVICE_READ_ONLY_FOR_CPU,
                DmaDebugCheck.byMessage("syncs device read-only DMA memory for cpu"));
        assertSame(DmaDebugCheck.PENDING_ALLOCATIONS_ON_UNBIND,
                DmaDebugCheck.byMessage("One of leaked entries details"));
        assertSame(DmaDebugCheck.CACHELINE_OVERLAP, DmaDebugCheck.byMessage("cacheline tracking EEXIST"));
        assertEquals(List.of(DmaDebugCheck.FREE_DIFFERENT_SIZE, DmaDebugCheck.FREE_DIFFERENT_CPU_ADDRESS,
                DmaDebugCheck.FREE_DIFFERENT_DIRECTION),
                DmaDebugCheck.matchingChecks("device driver frees DMA memory with different"));
    }

    @Test
    void byMessageRejectsUnknownAndBlankText() {
        assertNull(DmaDebugCheck.byMessage("device driver frees DMA memory twice"));
        assertNull(DmaDebugCheck.byMessage("IOMMU page fault"));
        assertNull(DmaDebugCheck.byMessage("   "));
        assertNull(DmaDebugCheck.byMessage(""));
        assertNull(DmaDebugCheck.byMessage(null));
    }

    @Test
    void matchesIsACaseSensitiveSubstringOfTheReportOfThatCheck() {
        DmaDebug dbg = new DmaDebug();
        DebugDevice dev = new DebugDevice("idxd", "0000:6a:01.0");
        dbg.mapSg(dev, List.of(SgEntry.of(0x1000, 4096, 0x80000, 0)), 1, 1, DmaDirection.TO_DEVICE);
        dbg.unmapPage(dev, 0x80000, 4096, DmaDirection.TO_DEVICE);
        DmaDebugReport r = dbg.reports().get(0);
        DmaDebugCheck c = DmaDebugCheck.FREE_WRONG_FUNCTION;
        assertTrue(c.matches("device driver frees DMA memory with wrong function", r));
        assertTrue(c.matches("[mapped as scatter-gather] [unmapped as single]", r));
        assertTrue(c.matches("[mapped as scather-gather]", r));               // spelling of kernels before 6.1x
        assertTrue(c.matches("DMA-API: idxd 0000:6a:01.0: device driver frees", r));
        assertFalse(c.matches("Device driver frees DMA memory with wrong function", r));
        assertFalse(c.matches("[unmapped as resource]", r));
        assertFalse(c.matches("", r));
        assertFalse(c.matches(null, r));
        assertFalse(DmaDebugCheck.FREE_DIFFERENT_SIZE.matches("device driver frees DMA memory", r));
        assertTrue(r.matches("[size=4096 bytes]"));
    }

    @Test
    void entryTypesAndDirectionsUseTheKernelNames() {
        assertEquals(List.of("single", "scatter-gather", "coherent", "resource", "phy"),
                List.of(EntryType.values()).stream().map(EntryType::kernelName).toList());
        assertEquals("DMA_BIDIRECTIONAL", DmaDirection.BIDIRECTIONAL.kernelName());
        assertEquals("dma map error not checked", MapErrType.MAP_ERR_NOT_CHECKED.kernelText());
    }
}

package org.dmaworkbench.runtime.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.runtime.capture.CaptureFinding.Kind;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every dma-debug rule a capture can show, replayed from dma-debug-rules-6.12.trace (6.12's event names): the
 * kernel's message, the device, the offending line and the earlier line it conflicts with.
 */
class DmaDebugRulesReplayTest {
    static Captures c;

    @BeforeAll
    static void replay() throws IOException {
        c = Captures.replay("dma-debug-rules-6.12.trace");
    }

    private static CaptureFinding violation(long line, DmaDebugCheck check) {
        List<CaptureFinding> m = c.findings.stream().filter(f -> f.line() == line && f.check() == check).toList();
        assertEquals(1, m.size(), "one " + check + " at line " + line + " in " + c.findings);
        CaptureFinding f = m.get(0);
        assertEquals(Kind.VIOLATION, f.kind(), f.text());
        return f;
    }

    @Test
    void doubleUnmapNamesTheFirstUnmap() {
        long first = c.lineOf(1, "dma_unmap_page", "dma_addr=ffffe000");
        long second = c.lineOf(2, "dma_unmap_page", "dma_addr=ffffe000");
        CaptureFinding f = violation(second, DmaDebugCheck.FREE_NOT_ALLOCATED);
        assertEquals("device driver tries to free DMA memory it has not allocated [device address=0x00000000ffffe000] [size=2048 bytes]",
                f.message());
        assertEquals("0000:02:00.0", f.device());
        assertEquals(first, f.relatedLine());
        assertEquals("already unmapped at line " + first, f.related());
    }

    @Test
    void sizeFunctionDirectionAndCpuAddressMismatchesNameTheMap() {
        CaptureFinding size = violation(c.lineOf("dma_unmap_page", "ffffd000"), DmaDebugCheck.FREE_DIFFERENT_SIZE);
        assertEquals("device driver frees DMA memory with different size [device address=0x00000000ffffd000] [map size=1514 bytes] "
                + "[unmap size=2048 bytes]", size.message());
        assertEquals(c.lineOf("dma_map_page", "ffffd000"), size.relatedLine());
        assertTrue(size.related().startsWith("mapped at line " + size.relatedLine()), size.related());

        CaptureFinding fn = violation(c.lineOf("dma_unmap_resource", "ffffc000"), DmaDebugCheck.FREE_WRONG_FUNCTION);
        assertTrue(fn.message().endsWith("[mapped as single] [unmapped as resource]"), fn.message());
        assertEquals(c.lineOf("dma_map_page", "ffffc000"), fn.relatedLine());

        CaptureFinding dir = violation(c.lineOf("dma_unmap_page", "ffffb000"), DmaDebugCheck.FREE_DIFFERENT_DIRECTION);
        assertTrue(dir.message().endsWith("[mapped with DMA_TO_DEVICE] [unmapped with DMA_FROM_DEVICE]"), dir.message());

        CaptureFinding cpu = violation(c.lineOf("dma_free:"), DmaDebugCheck.FREE_DIFFERENT_CPU_ADDRESS);
        assertEquals("0000:03:00.0", cpu.device());
        assertTrue(cpu.message().endsWith("[cpu alloc address=0x00000000a1b2c3d4] [cpu free address=0x000000005e6f7a8b]"), cpu.message());
        assertEquals(c.lineOf("dma_alloc:"), cpu.relatedLine());
    }

    @Test
    void scatterlistEntryCountsOnUnmapAndSync() {
        long unmap = c.lineOf("dma_unmap_sg", "0x2002000");
        List<CaptureFinding> each = c.findings.stream().filter(f -> f.line() == unmap).toList();
        assertEquals(2, each.size(), "one per DMA segment, as debug_dma_unmap_sg() checks each: " + each);
        for (CaptureFinding f : each) {
            assertEquals(DmaDebugCheck.FREE_SG_DIFFERENT_ENTRY_COUNT, f.check());
            assertEquals("device driver frees DMA sg list with different entry count [map count=2] [unmap count=3]", f.message());
            assertEquals(c.lineOf("dma_map_sg", "0xffe00000"), f.relatedLine());
        }
        CaptureFinding sync = violation(c.lineOf("dma_sync_sg_for_device"), DmaDebugCheck.SYNC_SG_DIFFERENT_ENTRY_COUNT);
        assertEquals("device driver syncs DMA sg list with different entry count [map count=2] [sync count=1]", sync.message());
    }

    @Test
    void overlappingCachelineNamesTheOtherMapping() {
        CaptureFinding f = violation(c.lineOf("dma_map_page", "ffff9000"), DmaDebugCheck.CACHELINE_OVERLAP);
        assertEquals("cacheline tracking EEXIST, overlapping mappings aren't supported", f.message());
        assertEquals(c.lineOf("dma_map_page", "ffffa000"), f.relatedLine());
        assertTrue(f.related().contains("same cacheline"), f.related());
    }

    @Test
    void syncRules() {
        long afterUnmap = c.lineOf("dma_sync_single_for_cpu", "ffff8000");
        CaptureFinding gone = violation(afterUnmap, DmaDebugCheck.SYNC_NOT_ALLOCATED);
        assertEquals("synced after its unmap at line " + c.lineOf("dma_unmap_page", "ffff8000"), gone.related());
        violation(c.lineOf("dma_sync_single_for_cpu", "ffff7000"), DmaDebugCheck.SYNC_DIFFERENT_DIRECTION);
        CaptureFinding ro = violation(c.lineOf("dma_sync_single_for_cpu", "ffff6000"), DmaDebugCheck.SYNC_DEVICE_READ_ONLY_FOR_CPU);
        assertTrue(ro.message().startsWith("device driver syncs device read-only DMA memory for cpu [device address=0x00000000ffff6000]"));
        violation(c.lineOf("dma_sync_single_for_device", "ffff5000"), DmaDebugCheck.SYNC_DEVICE_WRITE_ONLY_TO_DEVICE);
    }

    @Test
    void unmapOfTheErrorCookieAndAFailedMapThatIsNotTracked() {
        long cookie = c.lineOf("dma_unmap_page", "dma_addr=ffffffffffffffff");
        CaptureFinding f = violation(cookie, DmaDebugCheck.FREE_INVALID_ADDRESS);
        assertEquals("device driver tries to free an invalid DMA memory address", f.message());
        long failedMap = c.lineOf("dma_map_page", "dma_addr=ffffffffffffffff");
        assertTrue(c.findings.stream().noneMatch(x -> x.line() == failedMap), "a failed map is no finding");
        DeviceStats nic = c.result.devices().get(0);
        assertEquals(1, nic.mapErrors());
    }

    @Test
    void pageFaultsAreAttributed() {
        CaptureFinding uaf = c.at(c.lineOf("io_page_fault", "ffff4040"), "use after unmap");
        assertEquals(Kind.FAULT, uaf.kind());
        assertEquals("mapped at line " + c.lineOf("dma_map_page", "ffff4000") + " (DMA_FROM_DEVICE, 4096 bytes at 0xffff4000), unmapped at line "
                + c.lineOf("dma_unmap_page", "ffff4000"), uaf.related());
        CaptureFinding dir = c.at(c.lineOf("io_page_fault", "ffff3800"), "the direction does not allow it");
        assertEquals(Kind.FAULT, dir.kind());
        assertTrue(dir.message().contains("a write of a DMA_TO_DEVICE mapping"), dir.message());
        CaptureFinding never = c.at(c.lineOf("io_page_fault", "dead0000"), "never mapped in this capture");
        assertEquals(Kind.FAULT, never.kind(), "every fault the machine reported is a finding");
        assertTrue(never.related().contains("may predate the capture"), never.related());
    }

    @Test
    void nothingElseIsReported() {
        Set<DmaDebugCheck> seen = EnumSet.noneOf(DmaDebugCheck.class);
        c.of(Kind.VIOLATION).forEach(f -> seen.add(f.check()));
        assertEquals(EnumSet.of(DmaDebugCheck.FREE_INVALID_ADDRESS, DmaDebugCheck.FREE_NOT_ALLOCATED, DmaDebugCheck.FREE_DIFFERENT_SIZE,
                DmaDebugCheck.FREE_WRONG_FUNCTION, DmaDebugCheck.FREE_DIFFERENT_CPU_ADDRESS, DmaDebugCheck.FREE_SG_DIFFERENT_ENTRY_COUNT,
                DmaDebugCheck.FREE_DIFFERENT_DIRECTION, DmaDebugCheck.CACHELINE_OVERLAP, DmaDebugCheck.SYNC_NOT_ALLOCATED,
                DmaDebugCheck.SYNC_DIFFERENT_DIRECTION, DmaDebugCheck.SYNC_DEVICE_READ_ONLY_FOR_CPU,
                DmaDebugCheck.SYNC_DEVICE_WRITE_ONLY_TO_DEVICE, DmaDebugCheck.SYNC_SG_DIFFERENT_ENTRY_COUNT), seen);
        assertEquals(16, c.result.violations());
        assertEquals(3, c.result.faults());
        assertEquals(0, c.result.uncertain());
        assertEquals(List.of(), c.warnings);
        assertNull(c.result.problem());
        long clean = c.lineOf("dma_unmap_page", "dma_addr=fffff000");
        assertTrue(c.findings.stream().noneMatch(f -> f.line() <= clean), "the clean pair at the start gives nothing");
    }

    @Test
    void moreThanSevenOverlappingMappingsOfACachelineEvenWithSkipCpuSync() throws IOException {
        Captures o = Captures.replay("overlap-limit.trace");
        List<CaptureFinding> v = o.of(Kind.VIOLATION);
        assertEquals(1, v.size(), "SKIP_CPU_SYNC silences EEXIST, not the overlap counter: " + v);
        CaptureFinding f = v.get(0);
        assertEquals(DmaDebugCheck.CACHELINE_OVERLAP_LIMIT, f.check());
        assertEquals(o.lineOf(9, "dma_map_phys"), f.line());
        assertEquals("exceeded 7 overlapping mappings of cacheline 0x" + Verdicts.hex16(0x11f000000L >>> 6), f.message());
        assertEquals(o.lineOf(1, "dma_map_phys"), f.relatedLine(), "the oldest live mapping of the cacheline");
    }

    @Test
    void statisticsAndLiveMappings() {
        DeviceStats nic = c.result.devices().get(0);
        assertEquals("0000:02:00.0", nic.device());
        assertEquals(0, nic.liveAtEnd());
        assertEquals(3, nic.faults());
        assertEquals(13, nic.maps());
        assertEquals(2, nic.syncsForDevice(), "the clean pair's and the write-only one");
        assertEquals(3, nic.syncsForCpu());
        assertEquals(1, c.result.iommuMaps());
        assertEquals(1, c.result.iommuUnmaps());
    }
}

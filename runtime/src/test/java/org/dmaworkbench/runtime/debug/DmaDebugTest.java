package org.dmaworkbench.runtime.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmaworkbench.runtime.mem.MemoryArea;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every reachable dma-debug check with the kernel's message, and silence for correct usage. */
class DmaDebugTest {

    static final DebugDevice DEV = new DebugDevice("idxd", "0000:6a:01.0");
    static final DebugDevice OTHER = new DebugDevice("ixgbe", "0000:3b:00.0");
    static final String P = "DMA-API: idxd 0000:6a:01.0: ";
    static final long DIRECT_MAP_BASE = 0xffff888000000000L;

    static final DmaDirection TO = DmaDirection.TO_DEVICE;
    static final DmaDirection FROM = DmaDirection.FROM_DEVICE;
    static final DmaDirection BIDI = DmaDirection.BIDIRECTIONAL;

    static final long DMA = 0xfffff000L;
    static final long PHYS = 0x12345000L;

    DmaDebug dbg;

    @BeforeEach
    void setUp() {
        dbg = new DmaDebug();
    }

    // ------------------------------------------------------------------ helpers

    void map(long dma, long phys, long size, DmaDirection dir) {
        dbg.mapPage(DEV, phys, size, dir, dma, false, DIRECT_MAP_BASE + phys, MemoryArea.DIRECT_MAP);
    }

    void mapChecked(long dma, long phys, long size, DmaDirection dir) {
        map(dma, phys, size, dir);
        dbg.mappingError(DEV, dma);
    }

    static SgEntry seg(long phys, long len, long dma) {
        return SgEntry.of(phys, len, dma, DIRECT_MAP_BASE + phys);
    }

    /** Asserts exactly one report, of this check, with this full prefixed message; returns it. */
    DmaDebugReport assertOnly(DmaDebugCheck check, String prefixed) {
        List<DmaDebugReport> r = dbg.reports();
        assertEquals(1, r.size(), () -> "reports: " + r);
        DmaDebugReport rep = r.get(0);
        assertEquals(prefixed, rep.prefixedMessage());
        assertEquals(prefixed, rep.toString());
        assertSame(check, rep.check());
        return rep;
    }

    /** Asserts that exactly one of the reports is of this check, with this message; returns it. */
    DmaDebugReport assertOneOf(DmaDebugCheck check, String prefixed) {
        List<DmaDebugReport> of = dbg.reports().stream().filter(x -> x.check() == check).toList();
        assertEquals(1, of.size(), () -> "reports: " + dbg.reports());
        assertEquals(prefixed, of.get(0).prefixedMessage());
        return of.get(0);
    }

    void assertNoReports() {
        assertEquals(List.of(), dbg.reports());
        assertEquals(0, dbg.errorCount());
    }

    // ------------------------------------------------------------------ correct usage

    @Nested
    class CorrectUsage {

        @Test
        void singleMappingLifecycleIsSilent() {
            dbg.mapSingle(DEV, DIRECT_MAP_BASE + PHYS, MemoryArea.DIRECT_MAP, 4096);
            mapChecked(DMA, PHYS, 4096, FROM);
            assertEquals(1, dbg.activeEntries(DEV));
            dbg.syncSingleForCpu(DEV, DMA, 4096, FROM);
            dbg.syncSingleForDevice(DEV, DMA, 4096, FROM);
            dbg.syncSingleForCpu(DEV, DMA + 256, 64, FROM);      // partial sync inside the mapping
            dbg.unmapPage(DEV, DMA, 4096, FROM);
            assertNoReports();
            assertEquals(0, dbg.activeEntries(DEV));
            assertEquals(-1, dbg.cachelineOverlap(PHYS >>> 6));
        }

        @Test
        void sgCoherentAndResourceLifecyclesAreSilent() {
            List<SgEntry> sg = List.of(seg(0x100000, 4096, 0x40000), seg(0x300000, 4096, 0x41000),
                    seg(0x500000, 512, 0x42000));
            dbg.mapSg(DEV, sg, 3, 3, TO);
            assertEquals(3, dbg.activeEntries(DEV));
            dbg.syncSgForDevice(DEV, sg, 3, TO);
            dbg.syncSgForCpu(DEV, sg, 3, TO);
            dbg.unmapSg(DEV, sg, 3, TO);

            dbg.allocCoherent(DEV, 8192, 0x10000, DIRECT_MAP_BASE + 0x700000, 0x700000);
            dbg.syncSingleForCpu(DEV, 0x10000, 64, FROM);         // bidirectional: any direction is accepted
            dbg.freeCoherent(DEV, 8192, DIRECT_MAP_BASE + 0x700000, 0x10000);

            dbg.mapResource(DEV, 0xfed00000L, 4096, BIDI, 0x20000, false);
            dbg.mappingError(DEV, 0x20000);
            dbg.unmapResource(DEV, 0x20000, 4096, BIDI);
            assertNoReports();
            assertEquals(0, dbg.activeEntries(DEV));
        }

        @Test
        void iommuMergedSgListUnmappedWithOriginalNentsIsSilent() {
            // three CPU segments merged by the IOMMU into one 12 KiB DMA segment
            List<SgEntry> sg = List.of(
                    new SgEntry(0x100000, 4096, 0xffff0000L, 12288, MemoryArea.DIRECT_MAP, DIRECT_MAP_BASE + 0x100000),
                    new SgEntry(0x300000, 4096, 0, 0, MemoryArea.DIRECT_MAP, DIRECT_MAP_BASE + 0x300000),
                    new SgEntry(0x500000, 4096, 0, 0, MemoryArea.DIRECT_MAP, DIRECT_MAP_BASE + 0x500000));
            dbg.mapSg(DEV, sg, 3, 1, FROM);
            assertEquals(1, dbg.activeEntries(DEV));
            dbg.syncSgForCpu(DEV, sg, 3, FROM);
            dbg.unmapSg(DEV, sg, 3, FROM);
            assertNoReports();
            assertEquals(0, dbg.activeEntries(DEV));
        }

        @Test
        void overlappingToDeviceMappingsAreAllowed() {
            mapChecked(0x1000, PHYS, 64, TO);
            mapChecked(0x2000, PHYS, 64, TO);
            mapChecked(0x3000, PHYS, 64, FROM);                  // TO_DEVICE ones are not tracked
            assertNoReports();
            assertEquals(0, dbg.cachelineOverlap(PHYS >>> 6));
        }

        @Test
        void failedMappingIsNotTracked() {
            dbg.mapPage(DEV, PHYS, 4096, TO, DmaDebug.DMA_MAPPING_ERROR, true, DIRECT_MAP_BASE + PHYS,
                    MemoryArea.STACK);
            assertEquals(0, dbg.activeEntries(DEV));
            assertNoReports();                                  // not even the stack check runs
        }

        @Test
        void sameAddressMappedTwiceIsMatchedByBestFit() {
            mapChecked(DMA, PHYS, 4096, TO);
            mapChecked(DMA, PHYS, 2048, TO);                    // no IOMMU: same bus address twice
            dbg.unmapPage(DEV, DMA, 2048, TO);
            dbg.unmapPage(DEV, DMA, 4096, TO);
            assertNoReports();
        }
    }

    // ------------------------------------------------------------------ check_unmap: 1..8

    @Test
    void check1_freeOfTheErrorCookie() {
        dbg.unmapPage(DEV, DmaDebug.DMA_MAPPING_ERROR, 4096, TO);
        DmaDebugReport r = assertOnly(DmaDebugCheck.FREE_INVALID_ADDRESS,
                P + "device driver tries to free an invalid DMA memory address");
        assertEquals("device driver tries to free an invalid DMA memory address", r.message());
        assertSame(DEV, r.device());
        assertEquals(-1L, r.devAddr());
        assertEquals(1, dbg.errorCount());
    }

    @Test
    void check2_unmapOfAnAddressNeverMapped() {
        dbg.unmapPage(DEV, 0x1000, 4096, TO);
        assertOnly(DmaDebugCheck.FREE_NOT_ALLOCATED, P + "device driver tries to free DMA memory it has not "
                + "allocated [device address=0x0000000000001000] [size=4096 bytes]");
    }

    @Test
    void check2_doubleUnmap() {
        mapChecked(DMA, PHYS, 4096, TO);
        dbg.unmapPage(DEV, DMA, 4096, TO);
        assertNoReports();
        dbg.unmapPage(DEV, DMA, 4096, TO);
        assertOnly(DmaDebugCheck.FREE_NOT_ALLOCATED, P + "device driver tries to free DMA memory it has not "
                + "allocated [device address=0x00000000fffff000] [size=4096 bytes]");
    }

    @Test
    void check2_unmapWithAnotherDevice() {
        mapChecked(DMA, PHYS, 4096, TO);
        dbg.unmapPage(OTHER, DMA, 4096, TO);
        assertOnly(DmaDebugCheck.FREE_NOT_ALLOCATED, "DMA-API: ixgbe 0000:3b:00.0: device driver tries to free "
                + "DMA memory it has not allocated [device address=0x00000000fffff000] [size=4096 bytes]");
        assertEquals(1, dbg.activeEntries(DEV));
    }

    @Test
    void check2_severalMappingsAtTheAddressAndNoneFitsPerfectly() {
        // __hash_bucket_find(): more than one match and no perfect fit gives no entry at all
        mapChecked(DMA, PHYS, 4096, TO);
        mapChecked(DMA, PHYS, 2048, TO);
        dbg.unmapPage(DEV, DMA, 1024, TO);
        assertOnly(DmaDebugCheck.FREE_NOT_ALLOCATED, P + "device driver tries to free DMA memory it has not "
                + "allocated [device address=0x00000000fffff000] [size=1024 bytes]");
        assertEquals(2, dbg.activeEntries(DEV));
    }

    @Test
    void check3_unmapWithDifferentSize() {
        mapChecked(DMA, PHYS, 4096, FROM);
        dbg.unmapPage(DEV, DMA, 2048, FROM);
        assertOnly(DmaDebugCheck.FREE_DIFFERENT_SIZE, P + "device driver frees DMA memory with different size "
                + "[device address=0x00000000fffff000] [map size=4096 bytes] [unmap size=2048 bytes]");
        assertEquals(0, dbg.activeEntries(DEV));
    }

    @Test
    void check4_singleMappingUnmappedAsResource() {
        mapChecked(DMA, PHYS, 4096, TO);
        dbg.unmapResource(DEV, DMA, 4096, TO);
        assertOnly(DmaDebugCheck.FREE_WRONG_FUNCTION, P + "device driver frees DMA memory with wrong function "
                + "[device address=0x00000000fffff000] [size=4096 bytes] [mapped as single] [unmapped as resource]");
    }

    @Test
    void check4_sgSegmentUnmappedAsSingle() {
        dbg.mapSg(DEV, List.of(seg(0x100000, 4096, 0x80000)), 1, 1, TO);
        dbg.unmapPage(DEV, 0x80000, 4096, TO);
        assertOnly(DmaDebugCheck.FREE_WRONG_FUNCTION, P + "device driver frees DMA memory with wrong function "
                + "[device address=0x0000000000080000] [size=4096 bytes] [mapped as scatter-gather] "
                + "[unmapped as single]");
    }

    @Test
    void check4_coherentFreedWithUnmapSingle() {
        dbg.allocCoherent(DEV, 4096, 0x10000, DIRECT_MAP_BASE + 0x700000, 0x700000);
        dbg.unmapPage(DEV, 0x10000, 4096, BIDI);
        assertOnly(DmaDebugCheck.FREE_WRONG_FUNCTION, P + "device driver frees DMA memory with wrong function "
                + "[device address=0x0000000000010000] [size=4096 bytes] [mapped as coherent] [unmapped as single]");
    }

    @Test
    void check5_freeCoherentWithDifferentCpuAddress() {
        dbg.allocCoherent(DEV, 8192, 0x10000, 0xffff888100000000L, 0x100000000L);
        dbg.freeCoherent(DEV, 8192, 0xffff888100001000L, 0x10000);
        assertOnly(DmaDebugCheck.FREE_DIFFERENT_CPU_ADDRESS, P + "device driver frees DMA memory with different "
                + "CPU address [device address=0x0000000000010000] [size=8192 bytes] "
                + "[cpu alloc address=0x0000000100000000] [cpu free address=0x0000000100001000]");
    }

    @Test
    void check5_withExplicitPhysicalAddress() {
        dbg.allocCoherent(DEV, 4096, 0x10000, 0xffffc90000100000L, 0x2345000L);   // vmalloc-remapped buffer
        dbg.freeCoherent(DEV, 4096, 0xffffc90000200000L, 0x10000, 0x6789000L);
        assertOnly(DmaDebugCheck.FREE_DIFFERENT_CPU_ADDRESS, P + "device driver frees DMA memory with different "
                + "CPU address [device address=0x0000000000010000] [size=4096 bytes] "
                + "[cpu alloc address=0x0000000002345000] [cpu free address=0x0000000006789000]");
    }

    @Test
    void check6_unmapSgWithDifferentNents() {
        dbg.mapSg(DEV, List.of(seg(0x100000, 4096, 0x40000)), 1, 1, TO);
        dbg.unmapSg(DEV, List.of(seg(0x100000, 4096, 0x40000), seg(0x300000, 4096, 0x41000)), 2, TO);
        assertOnly(DmaDebugCheck.FREE_SG_DIFFERENT_ENTRY_COUNT,
                P + "device driver frees DMA sg list with different entry count [map count=1] [unmap count=2]");
        assertEquals(0, dbg.activeEntries(DEV));
    }

    @Test
    void check7_unmapWithDifferentDirection() {
        mapChecked(DMA, PHYS, 4096, TO);
        dbg.unmapPage(DEV, DMA, 4096, FROM);
        assertOnly(DmaDebugCheck.FREE_DIFFERENT_DIRECTION, P + "device driver frees DMA memory with different "
                + "direction [device address=0x00000000fffff000] [size=4096 bytes] [mapped with DMA_TO_DEVICE] "
                + "[unmapped with DMA_FROM_DEVICE]");
    }

    @Test
    void check8_mappingErrorNeverChecked() {
        map(DMA, PHYS, 4096, TO);
        dbg.unmapPage(DEV, DMA, 4096, TO);
        assertOnly(DmaDebugCheck.MAP_ERROR_NOT_CHECKED, P + "device driver failed to check map error"
                + "[device address=0x00000000fffff000] [size=4096 bytes] [mapped as single]");
    }

    @Test
    void check8_resourceMappingNeverChecked() {
        dbg.mapResource(DEV, 0xfed00000L, 4096, BIDI, 0x20000, false);
        dbg.unmapResource(DEV, 0x20000, 4096, BIDI);
        assertOnly(DmaDebugCheck.MAP_ERROR_NOT_CHECKED, P + "device driver failed to check map error"
                + "[device address=0x0000000000020000] [size=4096 bytes] [mapped as resource]");
    }

    @Test
    void check8_mappingErrorChecksOnlyOneOfTwoIdenticalMappings() {
        map(DMA, PHYS, 4096, TO);
        map(DMA, PHYS, 4096, TO);
        dbg.mappingError(DEV, DMA);
        dbg.unmapPage(DEV, DMA, 4096, TO);                       // perfect fit: the first, checked, entry
        assertNoReports();
        dbg.unmapPage(DEV, DMA, 4096, TO);
        assertOnly(DmaDebugCheck.MAP_ERROR_NOT_CHECKED, P + "device driver failed to check map error"
                + "[device address=0x00000000fffff000] [size=4096 bytes] [mapped as single]");
    }

    // ------------------------------------------------------------------ map-time checks: 9..13

    @Test
    void check9_mapOfDirectMappedStack() {
        dbg.mapPage(DEV, PHYS, 64, FROM, DMA, false, 0xffff888012345e00L, MemoryArea.STACK);
        assertOnly(DmaDebugCheck.MAP_FROM_STACK, P + "device driver maps memory from stack [addr=ffff888012345e00]");
        assertEquals(1, dbg.activeEntries(DEV));                // still tracked
    }

    @Test
    void check10_mapOfVmappedStackPage() {
        dbg.mapPage(DEV, PHYS, 64, FROM, DMA, false, 0xffffc90000a3be40L, MemoryArea.VMAPPED_STACK);
        assertOnly(DmaDebugCheck.MAP_FROM_VMAPPED_STACK,
                P + "device driver maps memory from stack [probable addr=ffffc90000a3be40]");
    }

    @Test
    void check11_mapOfKernelText() {
        dbg.mapPage(DEV, 0x1e00040, 64, TO, DMA, false, 0xffffffff81e00040L, MemoryArea.KERNEL_TEXT);
        assertOnly(DmaDebugCheck.MAP_KERNEL_TEXT_OR_RODATA,
                P + "device driver maps memory from kernel text or rodata [addr=ffffffff81e00040] [len=64]");
    }

    @Test
    void check11_sgSegmentInRodata() {
        SgEntry s = new SgEntry(0x2600000, 300, 0x40000, 300, MemoryArea.RODATA, 0xffffffff82600000L);
        dbg.mapSg(DEV, List.of(s), 1, 1, TO);
        assertOnly(DmaDebugCheck.MAP_KERNEL_TEXT_OR_RODATA,
                P + "device driver maps memory from kernel text or rodata [addr=ffffffff82600000] [len=300]");
    }

    @Test
    void check9_sgSegmentOnStack() {
        SgEntry s = new SgEntry(0x12345e00, 128, 0x40000, 128, MemoryArea.STACK, 0xffff888012345e00L);
        dbg.mapSg(DEV, List.of(s), 1, 1, FROM);
        assertOnly(DmaDebugCheck.MAP_FROM_STACK, P + "device driver maps memory from stack [addr=ffff888012345e00]");
    }

    @Test
    void check12_mapSingleOfUserAddress() {
        dbg.mapSingle(DEV, 0x00007ffd12340000L, MemoryArea.USER, 4096);
        assertOnly(DmaDebugCheck.MAP_INVALID_AREA,
                P + "device driver maps memory from invalid area [addr=00007ffd12340000] [len=4096]");
    }

    @Test
    void check12_moduleAddressIsInvalidButNotVmalloc() {
        dbg.mapSingle(DEV, 0xffffffffc0a01000L, MemoryArea.MODULE, 512);
        assertOnly(DmaDebugCheck.MAP_INVALID_AREA,
                P + "device driver maps memory from invalid area [addr=ffffffffc0a01000] [len=512]");
    }

    @Test
    void check13_mapSingleOfVmallocAddressAlsoReportsInvalidArea() {
        dbg.mapSingle(DEV, 0xffffc90001234000L, MemoryArea.VMALLOC, 8192);
        List<DmaDebugReport> r = dbg.reports();
        assertEquals(2, r.size(), r::toString);
        assertSame(DmaDebugCheck.MAP_INVALID_AREA, r.get(0).check());      // !virt_addr_valid() comes first
        assertEquals(P + "device driver maps memory from vmalloc area [addr=ffffc90001234000] [len=8192]",
                r.get(1).prefixedMessage());
        assertOneOf(DmaDebugCheck.MAP_VMALLOC_AREA,
                P + "device driver maps memory from vmalloc area [addr=ffffc90001234000] [len=8192]");
        assertEquals(2, dbg.errorCount());
    }

    @Test
    void mapSingleOfLinearMapAddressesIsSilent() {
        for (MemoryArea a : new MemoryArea[] {MemoryArea.DIRECT_MAP, MemoryArea.SWIOTLB, MemoryArea.STACK,
                MemoryArea.KERNEL_TEXT, MemoryArea.RODATA}) {
            dbg.mapSingle(DEV, DIRECT_MAP_BASE, a, 64);
        }
        assertNoReports();
    }

    // ------------------------------------------------------------------ cacheline tracking: 14, 15

    @Test
    void check14_twoDeviceWritableMappingsOfOneCacheline() {
        mapChecked(0x1000, 0x2000040, 32, FROM);
        mapChecked(0x2000, 0x2000060, 32, BIDI);                 // same 64-byte line 0x80001
        DmaDebugReport r = assertOnly(DmaDebugCheck.CACHELINE_OVERLAP,
                P + "cacheline tracking EEXIST, overlapping mappings aren't supported");
        assertEquals(0x2000, r.devAddr());
        assertEquals(1, dbg.cachelineOverlap(0x80001));
    }

    @Test
    void check14_suppressedBySkipCpuSyncAndCountedDown() {
        dbg.mapPage(DEV, 0x2000040, 32, FROM, 0x1000, false, 0, MemoryArea.DIRECT_MAP, false);
        dbg.mapPage(DEV, 0x2000060, 32, FROM, 0x2000, false, 0, MemoryArea.DIRECT_MAP, true);
        dbg.mappingError(DEV, 0x1000);
        dbg.mappingError(DEV, 0x2000);
        assertNoReports();
        assertEquals(1, dbg.cachelineOverlap(0x80001));
        dbg.unmapPage(DEV, 0x1000, 32, FROM);
        assertEquals(0, dbg.cachelineOverlap(0x80001));         // still active through the second mapping
        mapChecked(0x3000, 0x2000040, 64, FROM);
        assertOnly(DmaDebugCheck.CACHELINE_OVERLAP, P + "cacheline tracking EEXIST, overlapping mappings aren't supported");
        dbg.unmapPage(DEV, 0x2000, 32, FROM);
        dbg.unmapPage(DEV, 0x3000, 64, FROM);
        assertEquals(-1, dbg.cachelineOverlap(0x80001));
    }

    @Test
    void check15_moreThanSevenOverlapsWarnsOnce() {
        for (int i = 0; i < 8; i++) {
            dbg.mapPage(DEV, 0x10000000L, 64, FROM, 0x100000L + i * 0x1000L, false, 0, MemoryArea.DIRECT_MAP, true);
        }
        assertEquals(7, dbg.cachelineOverlap(0x400000));
        assertEquals(List.of(), dbg.reports());
        dbg.mapPage(DEV, 0x10000000L, 64, FROM, 0x200000L, false, 0, MemoryArea.DIRECT_MAP, true);
        DmaDebugReport r = assertOnly(DmaDebugCheck.CACHELINE_OVERLAP_LIMIT,
                "DMA-API: exceeded 7 overlapping mappings of cacheline 0x0000000000400000");
        assertEquals("exceeded 7 overlapping mappings of cacheline 0x0000000000400000", r.message());
        assertEquals(0, dbg.errorCount());                      // WARN_ONCE, not err_printk
        dbg.mapPage(DEV, 0x10000000L, 64, FROM, 0x201000L, false, 0, MemoryArea.DIRECT_MAP, true);
        assertEquals(1, dbg.reports().size());                  // once
        assertEquals(7, dbg.cachelineOverlap(0x400000));        // the counter saturates
    }

    // ------------------------------------------------------------------ check_sync: 17..22

    @Test
    void check17_syncOfAnAddressNeverMapped() {
        dbg.syncSingleForCpu(DEV, 0x5000, 64, FROM);
        assertOnly(DmaDebugCheck.SYNC_NOT_ALLOCATED, P + "device driver tries to sync DMA memory it has not "
                + "allocated [device address=0x0000000000005000] [size=64 bytes]");
    }

    @Test
    void check17_syncPastTheEndOfTheMapping() {
        mapChecked(DMA, PHYS, 4096, FROM);
        dbg.syncSingleForDevice(DEV, DMA + 0x800, 4096, FROM);
        assertOnly(DmaDebugCheck.SYNC_NOT_ALLOCATED, P + "device driver tries to sync DMA memory it has not "
                + "allocated [device address=0x00000000fffff800] [size=4096 bytes]");
    }

    @Test
    void check17_syncAfterUnmap() {
        mapChecked(DMA, PHYS, 4096, FROM);
        dbg.unmapPage(DEV, DMA, 4096, FROM);
        dbg.syncSingleForCpu(DEV, DMA, 4096, FROM);
        assertOnly(DmaDebugCheck.SYNC_NOT_ALLOCATED, P + "device driver tries to sync DMA memory it has not "
                + "allocated [device address=0x00000000fffff000] [size=4096 bytes]");
    }

    @Test
    void syncDeepInsideALargeMappingFindsItInAnEarlierBucket() {
        mapChecked(0x40000000L, 0x80000000L, 4L << 20, FROM);       // 4 MiB: 512 hash buckets
        dbg.syncSingleForCpu(DEV, 0x40000000L + (3L << 20), 4096, FROM);
        assertNoReports();
    }

    @Test
    void check18_syncSizeLargerThanTheMapping() {
        // Sync uses a containing match, so only a size that wraps the u64 end can exceed the mapping.
        mapChecked(DMA, PHYS, 4096, FROM);
        dbg.syncSingleForCpu(DEV, DMA, -1L, FROM);
        assertOnly(DmaDebugCheck.SYNC_OUTSIDE_RANGE, P + "device driver syncs DMA memory outside allocated range "
                + "[device address=0x00000000fffff000] [allocation size=4096 bytes] "
                + "[sync offset+size=18446744073709551615]");
    }

    @Test
    void check19_syncWithDifferentDirection() {
        mapChecked(DMA, PHYS, 4096, FROM);
        dbg.syncSingleForCpu(DEV, DMA + 0x100, 256, TO);
        assertOnly(DmaDebugCheck.SYNC_DIFFERENT_DIRECTION, P + "device driver syncs DMA memory with different "
                + "direction [device address=0x00000000fffff100] [size=4096 bytes] [mapped with DMA_FROM_DEVICE] "
                + "[synced with DMA_TO_DEVICE]");
    }

    @Test
    void check20_syncForCpuOfDeviceReadOnlyMemory() {
        mapChecked(DMA, PHYS, 4096, TO);
        dbg.syncSingleForCpu(DEV, DMA, 4096, FROM);
        List<DmaDebugReport> r = dbg.reports();
        assertEquals(2, r.size(), r::toString);                  // the direction differs too
        assertSame(DmaDebugCheck.SYNC_DIFFERENT_DIRECTION, r.get(0).check());
        assertOneOf(DmaDebugCheck.SYNC_DEVICE_READ_ONLY_FOR_CPU, P + "device driver syncs device read-only DMA "
                + "memory for cpu [device address=0x00000000fffff000] [size=4096 bytes] [mapped with DMA_TO_DEVICE] "
                + "[synced with DMA_FROM_DEVICE]");
    }

    @Test
    void check21_syncForDeviceOfDeviceWriteOnlyMemory() {
        mapChecked(DMA, PHYS, 4096, FROM);
        dbg.syncSingleForDevice(DEV, DMA, 4096, TO);
        List<DmaDebugReport> r = dbg.reports();
        assertEquals(2, r.size(), r::toString);
        assertSame(DmaDebugCheck.SYNC_DIFFERENT_DIRECTION, r.get(0).check());
        assertOneOf(DmaDebugCheck.SYNC_DEVICE_WRITE_ONLY_TO_DEVICE, P + "device driver syncs device write-only "
                + "DMA memory to device [device address=0x00000000fffff000] [size=4096 bytes] "
                + "[mapped with DMA_FROM_DEVICE] [synced with DMA_TO_DEVICE]");
    }

    @Test
    void bidirectionalMappingsSkipTheDirectionChecks() {
        mapChecked(DMA, PHYS, 4096, BIDI);
        dbg.syncSingleForCpu(DEV, DMA, 4096, TO);
        dbg.syncSingleForDevice(DEV, DMA, 4096, FROM);
        assertNoReports();
    }

    @Test
    void check22_syncSgWithDifferentNents() {
        List<SgEntry> sg = List.of(
                new SgEntry(0x100000, 4096, 0x40000, 8192, MemoryArea.DIRECT_MAP, DIRECT_MAP_BASE + 0x100000),
                new SgEntry(0x101000, 4096, 0, 0, MemoryArea.DIRECT_MAP, DIRECT_MAP_BASE + 0x101000));
        dbg.mapSg(DEV, sg, 2, 1, TO);
        dbg.syncSgForDevice(DEV, sg, 1, TO);
        assertOnly(DmaDebugCheck.SYNC_SG_DIFFERENT_ENTRY_COUNT,
                P + "device driver syncs DMA sg list with different entry count [map count=2] [sync count=1]");
    }

    @Test
    void syncSgOfAnUntrackedListChecksNothing() {
        dbg.syncSgForCpu(DEV, List.of(seg(0x100000, 4096, 0x40000)), 1, FROM);
        assertNoReports();
    }

    // ------------------------------------------------------------------ check_sg_segment: 23, 24

    @Test
    void check23_segmentLongerThanMaxSegSize() {
        dbg.mapSg(DEV, List.of(seg(0x200000, 131072, 0x100000)), 1, 1, TO);
        assertOnly(DmaDebugCheck.SG_SEGMENT_TOO_LONG,
                P + "mapping sg segment longer than device claims to support [len=131072] [max=65536]");
    }

    @Test
    void check23_withTheDevicesOwnLimit() {
        DebugDevice nvme = new DebugDevice("nvme", "0000:01:00.0", 4096, 0xffffffffL);
        dbg.mapSg(nvme, List.of(seg(0x200000, 8192, 0x100000)), 1, 1, TO);
        assertOnly(DmaDebugCheck.SG_SEGMENT_TOO_LONG, "DMA-API: nvme 0000:01:00.0: mapping sg segment longer than "
                + "device claims to support [len=8192] [max=4096]");
    }

    @Test
    void check24_segmentAcrossTheBoundary() {
        dbg.mapSg(DEV, List.of(seg(0x200000, 8192, 0xfffff000L)), 1, 1, TO);
        assertOnly(DmaDebugCheck.SG_SEGMENT_ACROSS_BOUNDARY, P + "mapping sg segment across boundary "
                + "[start=0x00000000fffff000] [end=0x0000000100000fff] [boundary=0x00000000ffffffff]");
    }

    // ------------------------------------------------------------------ unbind: 25

    @Test
    void check25_unbindWithLiveMappings() {
        dbg.allocCoherent(DEV, 4096, 0x10000, DIRECT_MAP_BASE + 0x700000, 0x700000);
        mapChecked(0x20000, PHYS, 2048, TO);
        dbg.mapSg(OTHER, List.of(seg(0x900000, 4096, 0x30000)), 1, 1, TO);
        dbg.deviceUnbound(DEV);
        DmaDebugReport r = assertOnly(DmaDebugCheck.PENDING_ALLOCATIONS_ON_UNBIND,
                "DMA-API: pci 0000:6a:01.0: device driver has pending DMA allocations while released from device "
                        + "[count=2]\nOne of leaked entries details: [device address=0x0000000000020000] "
                        + "[size=2048 bytes] [mapped with DMA_TO_DEVICE] [mapped as single]");
        assertTrue(r.matches("[count=2] One of leaked entries details:"));
        assertEquals(0, dbg.activeEntries(DEV));
        assertEquals(1, dbg.activeEntries(OTHER));
        dbg.deviceUnbound(DEV);
        assertEquals(1, dbg.reports().size());
    }

    @Test
    void unbindWithoutMappingsIsSilent() {
        mapChecked(DMA, PHYS, 4096, TO);
        dbg.unmapPage(DEV, DMA, 4096, TO);
        dbg.deviceUnbound(DEV);
        assertNoReports();
    }

    // ------------------------------------------------------------------ error_count, filters, drain, disable

    @Test
    void check16_isNeverRaised() {
        for (int i = 0; i < 10_000; i++) mapChecked(0x100000L + i * 4096L, 0x40000000L + i * 4096L, 4096, FROM);
        assertEquals(10_000, dbg.activeEntries(DEV));
        assertTrue(dbg.reports().stream().noneMatch(r -> r.check() == DmaDebugCheck.CACHELINE_ENOMEM));
        assertTrue(dbg.isEnabled());
    }

    @Test
    void errorCountCountsEveryViolationAndReportsKeepTheirOrder() {
        map(DMA, PHYS, 4096, TO);
        dbg.unmapPage(DEV, DMA, 2048, FROM);                    // 3, 7, 8 in the kernel's order
        assertEquals(3, dbg.errorCount());
        assertEquals(List.of(DmaDebugCheck.FREE_DIFFERENT_SIZE, DmaDebugCheck.FREE_DIFFERENT_DIRECTION,
                DmaDebugCheck.MAP_ERROR_NOT_CHECKED), dbg.reports().stream().map(DmaDebugReport::check).toList());
    }

    @Test
    void numErrorsLimitsPrintingButNotCounting() {
        dbg.setShowAllErrors(false);
        dbg.setNumErrors(1);
        dbg.unmapPage(DEV, 0x1000, 4096, TO);
        dbg.unmapPage(DEV, 0x2000, 4096, TO);
        assertEquals(2, dbg.errorCount());
        assertEquals(1, dbg.reports().size());
        assertEquals(0x1000, dbg.reports().get(0).devAddr());
    }

    @Test
    void driverFilterPrintsOnlyTheFilteredDriver() {
        dbg.setDriverFilter("ixgbe");
        dbg.unmapPage(DEV, 0x1000, 4096, TO);
        dbg.unmapPage(OTHER, 0x2000, 4096, TO);
        assertEquals(2, dbg.errorCount());
        assertEquals(1, dbg.reports().size());
        assertSame(OTHER, dbg.reports().get(0).device());
    }

    @Test
    void drainReturnsOnlyReportsSinceTheLastDrain() {
        dbg.unmapPage(DEV, 0x1000, 4096, TO);
        List<DmaDebugReport> first = dbg.drainReports();
        assertEquals(1, first.size());
        assertEquals(List.of(), dbg.drainReports());
        dbg.unmapPage(DEV, 0x2000, 4096, TO);
        List<DmaDebugReport> second = dbg.drainReports();
        assertEquals(1, second.size());
        assertEquals(0x2000, second.get(0).devAddr());
        assertEquals(2, dbg.reports().size());
    }

    @Test
    void disabledDebuggingNeitherTracksNorReports() {
        dbg.setEnabled(false);
        assertFalse(dbg.isEnabled());
        map(DMA, PHYS, 4096, TO);
        dbg.unmapPage(DEV, 0x1000, 4096, TO);
        dbg.mapSingle(DEV, 0, MemoryArea.INVALID, 1);
        assertEquals(0, dbg.activeEntries(DEV));
        assertNoReports();
        dbg.setEnabled(true);
        dbg.unmapPage(DEV, DMA, 4096, TO);                       // mapped while disabled: unknown now
        assertSame(DmaDebugCheck.FREE_NOT_ALLOCATED, dbg.reports().get(0).check());
    }

    @Test
    void dumpListsTheDevicesEntries() {
        mapChecked(DMA, PHYS, 4096, FROM);
        List<DmaDebugEntry> d = dbg.dump(DEV);
        assertEquals(1, d.size());
        DmaDebugEntry e = d.get(0);
        assertSame(EntryType.SINGLE, e.type());
        assertEquals(DMA, e.devAddr());
        assertEquals(PHYS, e.paddr());
        assertSame(MapErrType.MAP_ERR_CHECKED, e.mapErrType());
        assertEquals("idxd 0000:6a:01.0 single P=12345000 D=fffff000 L=1000 cln=0x000000000048d140 "
                + "DMA_FROM_DEVICE dma map error checked", e.dumpLine());
        assertEquals(List.of(), dbg.dump(OTHER));
    }
}

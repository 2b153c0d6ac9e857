package org.dmaworkbench.runtime.simtest.dma;

import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.MS;
import static org.dmaworkbench.runtime.simtest.Machines.SMMU;
import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertFault;
import static org.dmaworkbench.runtime.simtest.Machines.assertOkWith;
import static org.dmaworkbench.runtime.simtest.Machines.firstPa;
import static org.dmaworkbench.runtime.simtest.Machines.flushQueue;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.cost.Counters;
import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict (DMA) against lazy (DMA-FQ) unmap: the security window of the flush queue (§1.5): 256
 * entries per CPU, 10 ms timer, IOVAs reused only after the flush.
 */
class StrictVsLazyTest {
    static final DmaDirection BIDI = DmaDirection.BIDIRECTIONAL;

    /** One machine, one device, helpers to map pages and to unmap them. */
    static final class Rig {
        final SimulatedSystem s;
        final Device nic;
        final Counters c;

        Rig(String arch, String kconfig, DeviceSpec dev) {
            s = Machines.boot(arch, kconfig, "", dev);
            nic = s.device(dev.name());
            c = s.ctx.counters;
        }

        Rig(String arch, String kconfig) { this(arch, kconfig, Machines.nic()); }

        Allocation page() { return s.kernel.allocPages("rx", 0, 0); }

        long map(Allocation b) { return s.dma.mapSingle(nic, b, 0, 4096, BIDI); }

        void unmap(long addr) { s.dma.unmapPage(nic, addr, 4096, BIDI); }

        DmaOutcome read(long addr) { return Machines.read(s, nic, addr, 64); }
    }

    @ParameterizedTest
    @ValueSource(strings = {VTD, SMMU})
    void strictDmaAfterUnmapFaultsAtOnce(String arch) {
        Rig r = new Rig(arch, "strict");
        Allocation b = r.page();
        long addr = r.map(b);
        assertEquals(b.phys(0), assertClean(r.read(addr)));
        long inv = r.c.invalidations, syncs = r.c.syncs;
        r.unmap(addr);
        assertEquals(1, r.c.invalidations - inv, "one IOTLB invalidation per strict unmap");
        assertEquals(1, r.c.syncs - syncs, "followed by one sync (invalidation wait / CMD_SYNC)");
        assertEquals(0, r.c.fqQueued);
        assertFault(r.read(addr), FaultClass.NOT_PRESENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {VTD, SMMU})
    void lazyDmaAfterUnmapHitsAStaleIotlbEntryUntilTheTimerFires(String arch) {
        Rig r = new Rig(arch, "lazy");
        Allocation b = r.page();
        long addr = r.map(b);
        assertClean(r.read(addr)); // fills the IOTLB
        long inv = r.c.invalidations;
        r.unmap(addr);
        assertEquals(0, r.c.invalidations - inv, "a lazy unmap does not invalidate");
        assertEquals(1, r.c.fqQueued);
        assertEquals(1, flushQueue(r.s, r.nic).pending());

        DmaOutcome stale = r.read(addr);
        assertOkWith(stale, FindingKind.STALE_IOTLB);
        assertEquals(b.phys(0), firstPa(stale), "the stale entry still reaches the freed-for-reuse buffer");

        r.s.advance(9 * MS);
        assertOkWith(r.read(addr), FindingKind.STALE_IOTLB);
        assertEquals(0, r.c.fqFlushes);

        r.s.advance(1 * MS); // IOVA_DEFAULT_FQ_TIMEOUT = 10 ms after the queueing
        assertEquals(1, r.c.fqFlushes);
        assertEquals(1, r.c.flushAlls);
        assertEquals(1, r.c.invalidations - inv);
        assertEquals(0, flushQueue(r.s, r.nic).pending());
        DmaOutcome after = r.read(addr);
        assertFault(after, FaultClass.NOT_PRESENT);
        assertEquals(List.of(), after.findings());
    }

    @Test
    void lazyStaleDmaIntoAFreedBufferIsAUseAfterFree() {
        Rig r = new Rig(VTD, "lazy");
        Allocation b = r.page();
        long addr = r.map(b);
        assertClean(r.read(addr));
        r.unmap(addr);
        r.s.kernel.free(b, 9); // the driver frees the buffer right after dma_unmap, as it may
        DmaOutcome o = Machines.write(r.s, r.nic, addr, 64);
        assertOkWith(o, FindingKind.STALE_IOTLB);
        assertOkWith(o, FindingKind.USE_AFTER_FREE);
        assertEquals(b.phys(0), firstPa(o));
    }

    @Test
    void lazyUnmapClearsThePteAtOnceSoAnUncachedIovaFaults() {
        Rig r = new Rig(VTD, "lazy");
        long addr = r.map(r.page()); // never read: nothing cached
        r.unmap(addr);
        assertFault(r.read(addr), FaultClass.NOT_PRESENT, 0x71);
    }

    @Test
    void timerIsArmedByTheFirstQueuedEntryNotTheLast() {
        Rig r = new Rig(VTD, "lazy");
        long a = r.map(r.page());
        long b = r.map(r.page());
        r.read(a);
        r.read(b);
        r.unmap(a);
        r.s.advance(6 * MS);
        r.unmap(b);
        r.s.advance(4 * MS); // 10 ms after a, 4 ms after b
        assertEquals(1, r.c.fqFlushes);
        assertFault(r.read(a), FaultClass.NOT_PRESENT);
        assertFault(r.read(b), FaultClass.NOT_PRESENT, 0x71);
    }

    @Test
    void aFullRingFlushesEvenWithoutTheTimer() {
        Rig r = new Rig(VTD, "lazy");
        List<Long> addrs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long a = r.map(r.page());
            assertClean(r.read(a));
            addrs.add(a);
        }
        for (long a : addrs) r.unmap(a);
        assertEquals(1, r.c.fqFlushes, "300 unmaps overflow one 256-entry ring exactly once");
        assertEquals(1, r.c.flushAlls, "flush_iotlb_all: the whole domain, not the 256 ranges");
        assertFault(r.read(addrs.get(0)), FaultClass.NOT_PRESENT);
        // flush_iotlb_all also dropped the entries of the IOVAs queued after it; a translation cached
        // after the flush is stale again until the next one
        long late = r.map(r.page());
        assertClean(r.read(late));
        r.unmap(late);
        assertOkWith(r.read(late), FindingKind.STALE_IOTLB);
    }

    @Test
    void theTwoHundredFiftySixthUnmapOnACpuFlushesTheRing() {
        Rig r = new Rig(VTD, "lazy");
        List<Long> addrs = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            long a = r.map(r.page());
            r.read(a);
            addrs.add(a);
        }
        for (int i = 0; i < 255; i++) r.unmap(addrs.get(i));
        assertEquals(0, r.c.fqFlushes, "255 entries fit in the ring");
        assertOkWith(r.read(addrs.get(0)), FindingKind.STALE_IOTLB);
        r.unmap(addrs.get(255));
        assertEquals(1, r.c.fqFlushes, "the 256th unmap finds the ring full");
        assertFault(r.read(addrs.get(0)), FaultClass.NOT_PRESENT);
    }

    @Test
    void ringsArePerCpu() {
        Rig r = new Rig(VTD, "lazy");
        List<Long> addrs = new ArrayList<>();
        for (int i = 0; i < 400; i++) addrs.add(r.map(r.page()));
        for (int i = 0; i < 400; i++) {
            r.s.ctx.setCpu(i % 2);
            r.unmap(addrs.get(i));
        }
        assertEquals(0, r.c.fqFlushes, "200 entries on each of two CPUs fill neither ring");
        assertEquals(400, flushQueue(r.s, r.nic).pending());
        r.s.advance(10 * MS);
        assertEquals(1, r.c.fqFlushes, "the timer flushes every CPU's ring");
        assertEquals(0, flushQueue(r.s, r.nic).pending());
    }

    @Test
    void lazyNeverReusesAnIovaBeforeTheFlush() {
        Rig r = new Rig(VTD, "lazy");
        long a = r.map(r.page());
        r.unmap(a);
        long b = r.map(r.page());
        assertNotEquals(a, b, "a queued IOVA is still reserved: a stale IOTLB entry may point through it");
        r.unmap(b);
        r.s.advance(10 * MS);
        long c = r.map(r.page());
        assertTrue(c == a || c == b, "after the flush the IOVAs are free again (rcache)");
    }

    @Test
    void strictReusesTheIovaImmediately() {
        Rig r = new Rig(VTD, "strict");
        long a = r.map(r.page());
        r.unmap(a);
        assertEquals(a, r.map(r.page()), "free_iova_fast puts it in the rcache at once");
    }

    @Test
    void reusedIovaAfterStrictUnmapReachesOnlyTheNewBuffer() {
        Rig r = new Rig(VTD, "strict");
        Allocation first = r.page();
        Allocation second = r.page();
        long a = r.map(first);
        assertClean(r.read(a));
        r.unmap(a);
        long b = r.map(second);
        assertEquals(a, b);
        assertEquals(second.phys(0), assertClean(r.read(b)));
    }

    @Test
    void lazyStaleEntryOnAtsDeviceIsServedFromTheDeviceAtc() {
        Rig r = new Rig(VTD, "lazy", Machines.nic().withAts(true, false));
        long addr = r.map(r.page());
        assertClean(r.read(addr));
        r.unmap(addr);
        DmaOutcome o = r.read(addr);
        assertOkWith(o, FindingKind.STALE_IOTLB);
        assertTrue(o.findings().get(0).message().contains("device ATC"), o.findings()::toString);
        long devInv = r.c.devTlbInvalidations;
        r.s.advance(10 * MS);
        assertEquals(1, r.c.devTlbInvalidations - devInv, "flush_iotlb_all also invalidates the ATC");
        assertFault(r.read(addr), FaultClass.NOT_PRESENT);
    }

    @Test
    void strictUnmapOnAtsDeviceInvalidatesIotlbThenAtc() {
        Rig r = new Rig(VTD, "strict", Machines.nic().withAts(true, false));
        long addr = r.map(r.page());
        assertClean(r.read(addr));
        assertClean(r.read(addr));
        assertEquals(1, r.c.devTlbHits, "the second read is served by the device's ATC");
        r.unmap(addr);
        assertEquals(1, r.c.devTlbInvalidations);
        List<String> history = r.s.iommuInstance(IOMMU).queue().history();
        int iotlb = lastIndexContaining(history, "PASID-based IOTLB invalidation");
        int atc = lastIndexContaining(history, "device-TLB invalidation");
        int wait = lastIndexContaining(history, "invalidation wait");
        assertTrue(iotlb >= 0 && iotlb < atc && atc < wait, () -> "order IOTLB, ATC, wait: " + history);
        assertFault(r.read(addr), FaultClass.NOT_PRESENT);
    }

    @Test
    void untrustedDeviceOnALazyPlatformIsStillStrict() {
        Rig r = new Rig(VTD, "lazy", Machines.thunderbolt());
        assertNull(flushQueue(r.s, r.nic));
        long addr = r.map(r.page());
        assertClean(r.read(addr));
        r.unmap(addr);
        assertFault(r.read(addr), FaultClass.NOT_PRESENT);
    }

    @Test
    void eachDomainHasItsOwnQueue() {
        SimulatedSystem s = Machines.lazy(VTD, Machines.nic(), DeviceSpec.of("nvme", "0000:5e:00.0", IOMMU));
        assertNotNull(flushQueue(s, s.device("nic")));
        assertTrue(flushQueue(s, s.device("nic")) != flushQueue(s, s.device("nvme")));
    }

    static int lastIndexContaining(List<String> l, String s) {
        for (int i = l.size() - 1; i >= 0; i--) if (l.get(i).contains(s)) return i;
        return -1;
    }
}

package org.dmaworkbench.runtime.state;

import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.MS;
import static org.dmaworkbench.runtime.simtest.Machines.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.kva.DmaPasidMode;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.Test;

/** Snapshots of known machine states: what the page table, IOTLB, PASID table, flush queue and IOVA allocator hold. */
class StateSnapshotTest {

    private static IommuState snap(SimulatedSystem s, int line) { return StateSnapshot.take(s, line, List.of()); }

    private static DomainState dmaDomain(SimulatedSystem s, IommuState st, String dev) {
        return st.domain(s.dma.dmaDomain(s.device(dev)).id());
    }

    private static long map(SimulatedSystem s, Device d, Allocation buf, int line) {
        s.ctx.setStep(line);
        long a = s.dma.mapSingle(d, buf, 0, PAGE, DmaDirection.FROM_DEVICE);
        assertTrue(a != -1L, "mapped");
        return a;
    }

    @Test
    void afterMapThePageTableHoldsTheMappingAsALeafOfTheLastLevel() {
        SimulatedSystem s = Machines.strict(Machines.VTD, Machines.nic());
        Device nic = s.device("nic");
        Allocation buf = s.kernel.kmalloc("buf", PAGE, 3);
        long a = map(s, nic, buf, 4);
        IommuState st = snap(s, 4);

        DeviceState dev = st.device("nic");
        assertEquals(IOMMU, dev.iommu());
        assertEquals(dev.domain(), dev.defaultDomain(), "the RID is in its default domain");
        assertEquals(List.of(new PasidEntryState(0, dev.domain(), "DMA", null)), dev.pasidTable());
        DomainState d = st.domain(dev.domain());
        assertEquals("DMA", d.type());
        assertEquals(List.of("nic RID"), d.attachments());
        IoPageTableState pt = d.pageTable();
        assertEquals(4, pt.levels(), "48-bit input: four levels");
        assertEquals(1, pt.mappings().size());
        IoMappingState m = pt.mappings().get(0);
        assertEquals(a & ~0xfffL, m.iova());
        assertEquals(PAGE, m.size());
        assertEquals(buf.phys(0) & ~0xfffL, m.pa());
        assertEquals("RW", m.prot(), "DMA_FROM_DEVICE maps readable and writable (dma_info_to_prot)");
        assertEquals(4, m.line());
        assertTrue(m.owner().contains("kmalloc 'buf'"), m.owner());
        // root (L4) → L3 → L2 → L1 holding one 4 KiB leaf
        PageTableNode n = pt.root();
        for (int level = 4; level > 1; level--) {
            assertEquals(level, n.level());
            assertEquals(1, n.tables().size(), "one table below level " + level);
            assertTrue(n.leaves().isEmpty());
            n = n.tables().get(0);
        }
        assertEquals(1, n.level());
        assertEquals(m.iova() & -(2L << 20), n.iova(), "a last-level table translates 2 MiB");
        assertEquals(List.of(new PageTableNode.LeafRun(m.iova(), 1, PAGE, m.pa(), "RW", 4)), n.leaves());
        assertEquals(List.of(), d.iotlb(), "nothing cached before the device uses it");
        assertEquals(List.of(new IovaSpaceState.Range(m.iova(), PAGE)), d.iova().allocated());
        assertNull(d.flushQueue(), "strict: no flush queue");

        Machines.write(s, nic, a, 64);
        IotlbEntryState e = dmaDomain(s, snap(s, 5), "nic").iotlb().get(0);
        assertEquals(m.iova(), e.iova());
        assertEquals("io-pgtable", e.source());
        assertFalse(e.stale(), "the page table still agrees");
    }

    @Test
    void strictUnmapLeavesNothingCachedAndFreesTheIova() {
        SimulatedSystem s = Machines.strict(Machines.VTD, Machines.nic());
        Device nic = s.device("nic");
        long a = map(s, nic, s.kernel.kmalloc("buf", PAGE, 1), 2);
        Machines.write(s, nic, a, 64);
        s.ctx.setStep(4);
        s.dma.unmapPage(nic, a, PAGE, DmaDirection.FROM_DEVICE);
        DomainState d = dmaDomain(s, snap(s, 4), "nic");
        assertEquals(List.of(), d.pageTable().mappings());
        assertEquals(List.of(), d.pageTable().root().tables(), "no table left below the root");
        assertEquals(List.of(), d.iotlb(), "strict: invalidated at unmap");
        assertEquals(List.of(), d.iova().allocated(), "strict: the IOVA is free (in the rcache)");
        assertEquals(1, d.iova().cachedRanges());
    }

    @Test
    void lazyUnmapLeavesAStaleIotlbEntryUntilTheFlushQueueDrains() {
        SimulatedSystem s = Machines.lazy(Machines.VTD, Machines.nic());
        Device nic = s.device("nic");
        long a = map(s, nic, s.kernel.kmalloc("buf", PAGE, 1), 2);
        Machines.write(s, nic, a, 64);
        s.ctx.setStep(4);
        s.dma.unmapPage(nic, a, PAGE, DmaDirection.FROM_DEVICE);
        s.advance(3 * MS);
        IommuState st = snap(s, 4);
        DomainState d = dmaDomain(s, st, "nic");
        assertEquals("DMA-FQ", d.type());
        assertEquals(List.of(), d.pageTable().mappings(), "the PTE is cleared at unmap");
        assertEquals(1, d.iotlb().size());
        IotlbEntryState e = d.iotlb().get(0);
        assertTrue(e.stale(), "the IOTLB still holds the translation the page table no longer has");
        assertEquals("unmapped at line 4, not yet invalidated", e.staleWhy());
        FlushQueueState fq = d.flushQueue();
        assertEquals(1, fq.entries().size());
        FlushQueueState.Entry q = fq.entries().get(0);
        assertEquals(new FlushQueueState.Entry(0, a & ~0xfffL, 1, 4, q.ageNs()), q);
        assertTrue(q.ageNs() >= 3 * MS && q.ageNs() < 3 * MS + 10_000, "queued 3 ms (and the unmap's own cost) ago: " + q.ageNs());
        assertTrue(fq.nextFlushInNs() <= 7 * MS && fq.nextFlushInNs() > 7 * MS - 10_000,
                "the 10 ms timer, armed when the unmap queued: " + fq.nextFlushInNs());
        assertEquals(-1, fq.lastFlushLine());
        assertEquals(List.of(new IovaSpaceState.Range(a & ~0xfffL, PAGE)), d.iova().allocated(),
                "the IOVA stays allocated until the flush frees it");

        s.ctx.setStep(6);
        s.advance(7 * MS); // fq_flush_timeout
        DomainState after = dmaDomain(s, snap(s, 6), "nic");
        assertEquals(List.of(), after.iotlb());
        assertEquals(List.of(), after.flushQueue().entries());
        assertNull(after.flushQueue().nextFlushInNs());
        assertEquals(6, after.flushQueue().lastFlushLine());
        assertEquals(List.of(), after.iova().allocated());
    }

    @Test
    void aPasidAttachedToTheDmaDomainSharesItsPageTable() {
        SimulatedSystem s = Machines.lazy(Machines.VTD, Machines.dsa());
        Device dsa = s.device("dsa");
        IommuDomain dom = s.iommu.domainForDev(dsa);
        int pasid = s.iommu.allocGlobalPasid(dsa);
        assertEquals(0, s.iommu.attachDevicePasid(dom, dsa, pasid));
        long a = map(s, dsa, s.kernel.kmalloc("buf", PAGE, 1), 5);
        Machines.readPasid(s, dsa, pasid, a, 64);
        Machines.read(s, dsa, a, 64);
        IommuState st = snap(s, 7);
        DeviceState dev = st.device("dsa");
        assertEquals(List.of(new PasidEntryState(0, dom.id(), "DMA-FQ", null), new PasidEntryState(pasid, dom.id(), "DMA-FQ", null)),
                dev.pasidTable(), "PASID 0 (RID) and the global PASID name the same domain");
        DomainState d = st.domain(dom.id());
        assertEquals(List.of("dsa RID", "dsa PASID " + pasid), d.attachments());
        assertEquals(1, d.pageTable().mappings().size(), "one page table for both");
        assertEquals(List.of(0, pasid), d.iotlb().stream().map(IotlbEntryState::pasid).toList(),
                "VT-d tags IOTLB entries by DID + PASID: one entry per PASID for the same IOVA");
        assertEquals(1, st.domains().size(), "no other domain is reached");
    }

    @Test
    void aKvaFastDomainWalksTheKernelPageTableAndItsEntryGoesStaleOnSetMemoryRo() {
        DeviceSpec dsa = new DeviceSpec("dsa", "0000:6a:01.0", IOMMU, 20, false, true, true, false, false, 64, "idxd");
        SimulatedSystem s = Machines.boot(Machines.VTD, "lazy", "iommu.kva=fast", dsa);
        Device dev = s.device("dsa");
        int pasid = s.rfc.enable(dev, DmaPasidMode.KVA);
        assertEquals(1, pasid);
        IommuDomain kd = s.rfc.domainOf(dev, pasid);
        Allocation buf = s.kernel.allocPages("buf", 0, 3);
        s.ctx.setStep(4);
        assertEquals(0, s.rfc.mapKva(kd, buf.va(), PAGE, 3));
        s.ctx.setStep(5);
        assertTrue(Machines.writePasid(s, dev, pasid, buf.va(), 64).ok());
        DomainState d = snap(s, 5).domain(kd.id());
        assertEquals("sva", d.type());
        assertEquals("KVA fast (init_mm)", d.label());
        assertNull(d.pageTable(), "no IO page table: the device walks init_mm");
        assertEquals("init_mm", d.sharedTable());
        assertEquals(1, d.kvaMapped().size());
        assertTrue(d.kvaMapped().get(0).endsWith("RW at line 4"), d.kvaMapped().get(0));
        IotlbEntryState e = d.iotlb().get(0);
        assertEquals("cpu-page-table", e.source());
        assertEquals(2L << 20, e.pageSize(), "the direct map's 2 MiB page");
        assertFalse(e.stale());

        s.kernel.setMemoryRo(buf.va(), 1, 6); // splits the 2 MiB page: the cached RW translation is stale
        IotlbEntryState after = snap(s, 6).domain(kd.id()).iotlb().get(0);
        assertTrue(after.stale());
        assertEquals("the CPU page table now has R--", after.staleWhy());
    }

    @Test
    void untrustedBouncesShowTheirSwiotlbSlotsAndDmaDebugEntries() {
        SimulatedSystem s = Machines.strict(Machines.VTD, Machines.thunderbolt());
        Device tbt = s.device("tbt");
        Allocation buf = s.kernel.kmalloc("small", 64, 1);
        s.ctx.setStep(2);
        long a = s.dma.mapSingle(tbt, buf, 0, 64, DmaDirection.TO_DEVICE);
        IommuState st = snap(s, 2);
        assertTrue(st.device("tbt").untrusted());
        SwiotlbState w = st.swiotlb();
        assertNotNull(w);
        assertEquals(2, w.usedSlots(), "a 64-byte buffer bounces through a whole granule: two 2 KiB slots");
        assertTrue(w.runs().get(0).owner().contains("kmalloc 'small'"), String.valueOf(w.runs()));
        assertEquals(List.of(new DmaDebugEntryState("single", a, 64, "DMA_TO_DEVICE", buf.phys(0))), st.device("tbt").dmaDebug());
    }

    @Test
    void aDomainOfTenThousandMappingsIsReadWhole() {
        SimulatedSystem s = Machines.strict(Machines.SMMU, Machines.nic());
        Device nic = s.device("nic");
        Allocation buf = s.kernel.kmalloc("buf", PAGE, 1);
        for (int i = 0; i < 10_000; i++) s.dma.mapSingle(nic, buf, 0, PAGE, DmaDirection.TO_DEVICE);
        DomainState d = dmaDomain(s, snap(s, 1), "nic");
        assertEquals(10_000, d.pageTable().mappings().size());
        assertEquals(10_000L * PAGE, d.pageTable().liveBytes());
        long leaves = 0, tables = 0;
        for (PageTableNode l3 : d.pageTable().root().tables()) {
            for (PageTableNode l2 : l3.tables()) {
                for (PageTableNode l1 : l2.tables()) {
                    tables++;
                    for (PageTableNode.LeafRun r : l1.leaves()) leaves += r.pages();
                }
            }
        }
        assertEquals(10_000, leaves);
        assertEquals(20, tables, "10,000 pages top-down below 4 GiB fill 19.5 last-level tables");
        assertEquals(10_000, d.iova().livePages());
        assertEquals(1, d.iova().allocated().size(), "top-down allocations are one contiguous range");
        assertEquals("R-", d.pageTable().mappings().get(0).prot());
    }
}

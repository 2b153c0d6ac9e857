package org.dmaworkbench.runtime.simtest.pasid;

import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.MS;
import static org.dmaworkbench.runtime.simtest.Machines.SMMU;
import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertFault;
import static org.dmaworkbench.runtime.simtest.Machines.assertOkWith;
import static org.dmaworkbench.runtime.simtest.Machines.firstPa;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.dmaworkbench.runtime.simtest.Machines.readPasid;
import static org.dmaworkbench.runtime.simtest.Machines.writePasid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.PasidAllocator;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The merged design (idxd_enable_system_pasid): a global PASID attached to the device's own DMA
 * domain, so PASID and non-PASID DMA share one IO page table, and strict unmap must invalidate
 * every PASID that uses it (VT-d tags the IOTLB by DID+PASID; SMMUv3 by ASID, one per domain).
 */
class PasidSharedTableTest {
    static final DmaDirection BIDI = DmaDirection.BIDIRECTIONAL;

    /** An idxd-style device with its kernel PASID attached to its DMA domain, as drivers/dma/idxd/init.c does. */
    static final class Idxd {
        final SimulatedSystem s;
        final Device dsa;
        final IommuDomain domain;
        final int pasid;

        Idxd(IommuSpec iommu, String kconfig, DeviceSpec dev) {
            s = Machines.boot(iommu, kconfig, "", dev);
            dsa = s.device(dev.name());
            domain = s.iommu.domainForDev(dsa);               // iommu_get_domain_for_dev
            pasid = s.iommu.allocGlobalPasid(dsa);             // iommu_alloc_global_pasid
            assertEquals(0, s.iommu.attachDevicePasid(domain, dsa, pasid)); // iommu_attach_device_pasid(domain, dev, pasid, NULL)
        }

        Idxd(String arch, String kconfig) { this(IommuSpec.of(IOMMU, arch), kconfig, Machines.dsa()); }

        long map(Allocation b) { return s.dma.mapSingle(dsa, b, 0, 4096, BIDI); }

        void unmap(long addr) { s.dma.unmapPage(dsa, addr, 4096, BIDI); }
    }

    static IommuSpec quirky(String arch) { return new IommuSpec(IOMMU, arch, 48, 20, 256, 10, true); }

    @ParameterizedTest
    @ValueSource(strings = {VTD, SMMU})
    void kernelPasidIsTheFirstGlobalPasidOnTheDefaultDmaDomain(String arch) {
        Idxd x = new Idxd(arch, "strict");
        assertEquals(PasidAllocator.IOMMU_FIRST_GLOBAL_PASID, x.pasid);
        assertSame(x.s.dma.dmaDomain(x.dsa), x.s.iommu.domainForDevPasid(x.dsa, x.pasid));
    }

    @ParameterizedTest
    @ValueSource(strings = {VTD, SMMU})
    void dmaWithAndWithoutPasidTranslatesToTheSamePhysicalAddress(String arch) {
        Idxd x = new Idxd(arch, "strict");
        Allocation b = x.s.kernel.allocPages("desc", 0, 0);
        long addr = x.map(b);
        long viaRid = assertClean(read(x.s, x.dsa, addr + 0x80, 64));
        long viaPasid = assertClean(readPasid(x.s, x.dsa, x.pasid, addr + 0x80, 64));
        assertEquals(b.phys(0) + 0x80, viaRid);
        assertEquals(viaRid, viaPasid);
        assertClean(writePasid(x.s, x.dsa, x.pasid, addr, 64)); // ENQCMDS completion record write
    }

    @ParameterizedTest
    @ValueSource(strings = {VTD, SMMU})
    void strictUnmapInvalidatesBothTheRidAndTheKernelPasid(String arch) {
        Idxd x = new Idxd(arch, "strict");
        long addr = x.map(x.s.kernel.allocPages("desc", 0, 0));
        assertClean(read(x.s, x.dsa, addr, 64));
        assertClean(readPasid(x.s, x.dsa, x.pasid, addr, 64)); // both translations cached
        x.unmap(addr);
        DmaOutcome rid = read(x.s, x.dsa, addr, 64);
        DmaOutcome pas = readPasid(x.s, x.dsa, x.pasid, addr, 64);
        assertFault(rid, FaultClass.NOT_PRESENT);
        assertFault(pas, FaultClass.NOT_PRESENT);
        assertEquals(0, rid.findings().size() + pas.findings().size(), "no stale translation via either");
    }

    @Test
    void vtdIssuesOnePasidSelectiveInvalidationPerAttachedPasid() {
        Idxd x = new Idxd(VTD, "strict");
        long addr = x.map(x.s.kernel.allocPages("desc", 0, 0));
        long inv = x.s.ctx.counters.invalidations;
        x.unmap(addr);
        assertEquals(2, x.s.ctx.counters.invalidations - inv, "PASID 0 (RID2PASID) and the kernel PASID");
        assertTrue(x.s.iommuInstance(IOMMU).queue().history().stream()
                .anyMatch(l -> l.contains("PASID " + x.pasid + " iova")), "a PASID-based IOTLB invalidation names the kernel PASID");
    }

    @Test
    void smmuv3CoversBothWithOneInvalidationBecauseTheIotlbIsTaggedPerDomain() {
        Idxd x = new Idxd(SMMU, "strict");
        long addr = x.map(x.s.kernel.allocPages("desc", 0, 0));
        long inv = x.s.ctx.counters.invalidations;
        x.unmap(addr);
        assertEquals(1, x.s.ctx.counters.invalidations - inv, "one CMD_TLBI_NH_VA for the domain's ASID");
    }

    @Test
    void ridOnlyInvalidationQuirkLeavesTheKernelPasidStaleOnVtd() {
        Idxd x = new Idxd(quirky(VTD), "strict", Machines.dsa());
        Allocation b = x.s.kernel.allocPages("desc", 0, 0);
        long addr = x.map(b);
        assertClean(read(x.s, x.dsa, addr, 64));
        assertClean(readPasid(x.s, x.dsa, x.pasid, addr, 64));
        x.unmap(addr);
        assertFault(read(x.s, x.dsa, addr, 64), FaultClass.NOT_PRESENT, 0x71);
        DmaOutcome stale = readPasid(x.s, x.dsa, x.pasid, addr, 64);
        assertOkWith(stale, FindingKind.STALE_IOTLB);
        assertEquals(b.phys(0), firstPa(stale));
    }

    @Test
    void ridOnlyInvalidationQuirkIsHarmlessOnSmmuv3() {
        Idxd x = new Idxd(quirky(SMMU), "strict", Machines.dsa());
        long addr = x.map(x.s.kernel.allocPages("desc", 0, 0));
        assertClean(read(x.s, x.dsa, addr, 64));
        assertClean(readPasid(x.s, x.dsa, x.pasid, addr, 64));
        x.unmap(addr);
        assertFault(readPasid(x.s, x.dsa, x.pasid, addr, 64), FaultClass.NOT_PRESENT, 0x10);
    }

    @Test
    void strictUnmapInvalidatesTheAtcOfEveryPasidOnAnAtsDevice() {
        Idxd x = new Idxd(IommuSpec.of(IOMMU, VTD), "strict", Machines.dsa().withAts(true, false));
        long addr = x.map(x.s.kernel.allocPages("desc", 0, 0));
        for (int i = 0; i < 2; i++) { // second round is served from the device's ATC
            assertClean(read(x.s, x.dsa, addr, 64));
            assertClean(readPasid(x.s, x.dsa, x.pasid, addr, 64));
        }
        assertEquals(2, x.s.ctx.counters.devTlbHits);
        x.unmap(addr);
        assertEquals(2, x.s.ctx.counters.devTlbInvalidations, "ATC invalidated for PASID 0 and the kernel PASID");
        assertFault(read(x.s, x.dsa, addr, 64), FaultClass.NOT_PRESENT);
        assertFault(readPasid(x.s, x.dsa, x.pasid, addr, 64), FaultClass.NOT_PRESENT);
    }

    @Test
    void ridOnlyQuirkAlsoSkipsTheKernelPasidsAtc() {
        Idxd x = new Idxd(quirky(VTD), "strict", Machines.dsa().withAts(true, false));
        long addr = x.map(x.s.kernel.allocPages("desc", 0, 0));
        assertClean(readPasid(x.s, x.dsa, x.pasid, addr, 64));
        x.unmap(addr);
        DmaOutcome o = readPasid(x.s, x.dsa, x.pasid, addr, 64);
        assertOkWith(o, FindingKind.STALE_IOTLB);
        assertTrue(o.findings().get(0).message().contains("device ATC"), o.findings()::toString);
    }

    @Test
    void lazyDomainKernelPasidIsStaleUntilTheFlushThenFaults() {
        Idxd x = new Idxd(VTD, "lazy");
        long addr = x.map(x.s.kernel.allocPages("desc", 0, 0));
        assertClean(readPasid(x.s, x.dsa, x.pasid, addr, 64));
        x.unmap(addr);
        assertOkWith(readPasid(x.s, x.dsa, x.pasid, addr, 64), FindingKind.STALE_IOTLB);
        x.s.advance(10 * MS);
        assertFault(readPasid(x.s, x.dsa, x.pasid, addr, 64), FaultClass.NOT_PRESENT);
    }

    @Test
    void passthroughDefaultDomainMakesTheKernelPasidPassthroughToo() {
        Idxd x = new Idxd(VTD, "passthrough");
        Allocation b = x.s.kernel.allocPages("desc", 0, 0);
        long addr = x.map(b);
        assertEquals(b.phys(0), addr);
        assertEquals(b.phys(0), assertClean(readPasid(x.s, x.dsa, x.pasid, addr, 64)));
    }

    @Test
    void detachingTheKernelPasidLeavesRidDmaWorking() {
        Idxd x = new Idxd(VTD, "strict");
        long addr = x.map(x.s.kernel.allocPages("desc", 0, 0));
        x.s.iommu.detachDevicePasid(x.domain, x.dsa, x.pasid);   // idxd_disable_system_pasid
        assertEquals(true, x.s.iommu.freeGlobalPasid(x.pasid));
        assertClean(read(x.s, x.dsa, addr, 64));
        assertFault(readPasid(x.s, x.dsa, x.pasid, addr, 64), FaultClass.PASID_NOT_ATTACHED, 0x59);
        assertNotEquals(0, x.domain.attachments().size());
        assertTrue(x.domain.attachments().stream().noneMatch(a -> a.pasid() == x.pasid));
    }
}

package org.dmaworkbench.runtime.simtest.rfc;

import static org.dmaworkbench.runtime.iommu.PasidAllocator.IOMMU_PASID_INVALID;
import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertFault;
import static org.dmaworkbench.runtime.simtest.Machines.assertOkWith;
import static org.dmaworkbench.runtime.simtest.Machines.firstPa;
import static org.dmaworkbench.runtime.simtest.Machines.has;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.dmaworkbench.runtime.simtest.Machines.readPasid;
import static org.dmaworkbench.runtime.simtest.Machines.writePasid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.DomainType;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.kva.DmaPasidMode;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.KernelAddressSpace;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per argument of the seed thread "[RFC 0/7] Support in-kernel DMA with PASID and SVA"
 * (2021-09/10): what each proposed mode protects and what it exposes.
 */
class RfcArgumentsTest {
    SimulatedSystem sys;
    Device dsa;      // trusted, 20 PASID bits, listed in the ACPI DMAR SATC table: KVA fast by default
    Device accel;    // trusted, 20 PASID bits, not SATC-listed: KVA strict by default
    Device tbt;      // untrusted, 20 PASID bits, SATC-listed
    Allocation secret;

    static DeviceSpec satcDsa(String name, String bdf) {
        return DeviceSpec.of(name, bdf, IOMMU).withPasidBits(20).withAts(false, true);
    }

    @BeforeEach
    void boot() {
        sys = boot("");
        dsa = sys.device("dsa");
        accel = sys.device("accel");
        tbt = sys.device("tbt");
        secret = sys.kernel.kmalloc("secret", 512, 0); // some unrelated kernel object
    }

    static SimulatedSystem boot(String cmdline) {
        return Machines.boot(VTD, "strict", cmdline,
                satcDsa("dsa", "0000:6a:01.0"),
                DeviceSpec.of("accel", "0000:6b:00.0", IOMMU).withPasidBits(20),
                satcDsa("tbt", "0000:07:00.0").untrusted());
    }

    // ------------------------------------------------------------------ Jacob Pan: three modes

    /** Bypass (PA) mode: "the device can reach all of memory", no matter what the driver mapped. */
    @Test
    void bypassModeExposesAnUnrelatedKmallocBuffer() {
        int pasid = sys.rfc.enable(dsa, DmaPasidMode.BYPASS);
        assertTrue(pasid > 0);
        assertEquals(DomainType.IDENTITY, sys.rfc.domainOf(dsa, pasid).type());
        DmaOutcome o = readPasid(sys, dsa, pasid, secret.phys(0), 64);
        assertOkWith(o, FindingKind.NO_ISOLATION);
        assertEquals(secret.phys(0), firstPa(o));
        assertTrue(o.touched().get(0).owner().contains("'secret'"));
        // the RID itself still goes through the strict DMA domain
        assertFault(read(sys, dsa, secret.phys(0), 64), FaultClass.NOT_PRESENT);
    }

    /** IOVA mode: the PASID uses the DMA domain, so strict unmap protects it like the RID. */
    @Test
    void iovaModeStrictCatchesDmaAfterUnmap() {
        int pasid = sys.rfc.enable(dsa, DmaPasidMode.IOVA);
        assertSame(sys.dma.dmaDomain(dsa), sys.rfc.domainOf(dsa, pasid));
        Allocation buf = sys.kernel.allocPages("buf", 0, 0);
        long addr = sys.dma.mapSingle(dsa, buf, 0, 4096, DmaDirection.BIDIRECTIONAL);
        assertEquals(buf.phys(0), assertClean(readPasid(sys, dsa, pasid, addr, 64)));
        sys.dma.unmapPage(dsa, addr, 4096, DmaDirection.BIDIRECTIONAL);
        DmaOutcome after = readPasid(sys, dsa, pasid, addr, 64);
        assertFault(after, FaultClass.NOT_PRESENT, 0x71);
        assertEquals(0, after.findings().size());
        assertFault(readPasid(sys, dsa, pasid, secret.phys(0), 64), FaultClass.NOT_PRESENT);
    }

    /** KVA fast is chosen for a SATC-listed trusted device: an SVA domain on init_mm. */
    @Test
    void kvaFastNeedsASatcListedTrustedDevice() {
        int fast = sys.rfc.enable(dsa, DmaPasidMode.KVA);
        IommuDomain d = sys.rfc.domainOf(dsa, fast);
        assertEquals(DomainType.SVA, d.type());
        assertSame(sys.kernel.pageTable(), d.kernelPageTable());
        int strict = sys.rfc.enable(accel, DmaPasidMode.KVA);
        IommuDomain s = sys.rfc.domainOf(accel, strict);
        assertEquals(DomainType.UNMANAGED, s.type());
        assertTrue(s.kernelAddressing());
        assertNull(s.kernelPageTable());
    }

    @Test
    void commandLineKvaFastOverridesSatc() {
        SimulatedSystem s = boot("iommu.kva=fast");
        Device d = s.device("accel");
        int p = s.rfc.enable(d, DmaPasidMode.KVA);
        assertEquals(DomainType.SVA, s.rfc.domainOf(d, p).type());
    }

    /** Jacob Pan / Jason 2021-10-07: a KVA-based DMA API cannot honour the DMA direction. */
    @Test
    void kvaFastCannotHonourDirection() {
        int pasid = sys.rfc.enable(dsa, DmaPasidMode.KVA);
        IommuDomain d = sys.rfc.domainOf(dsa, pasid);
        Allocation buf = sys.kernel.kmalloc("tx", 64, 0);
        assertEquals(0, sys.rfc.mapKva(d, buf.va(), 64, IoMapping.PROT_READ));
        assertEquals(buf.phys(0), assertClean(readPasid(sys, dsa, pasid, buf.va(), 64)));
        DmaOutcome w = writePasid(sys, dsa, pasid, buf.va(), 64);
        assertOkWith(w, FindingKind.DIRECTION_NOT_HONOURED);
        assertEquals(buf.phys(0), firstPa(w), "the write landed: the kernel page table is RW");
    }

    /** Jason: "KVA is just a different way to achieve this identity map": it isolates nothing. */
    @Test
    void kvaFastReachesKernelMemoryNoMapKvaCovers() {
        int pasid = sys.rfc.enable(dsa, DmaPasidMode.KVA);
        DmaOutcome o = readPasid(sys, dsa, pasid, secret.va(), 64);
        assertOkWith(o, FindingKind.NO_ISOLATION);
        assertEquals(secret.phys(0), firstPa(o));
    }

    /**
     * The 2025 SVA hazard: the IOMMU cached a 2 MiB direct-map translation; load_module() splits it
     * and makes the module's alias read-only, but nobody invalidates the IOMMU, so a device write
     * through the stale RW entry lands in module text.
     */
    @Test
    void kvaFastGoesStaleOnModuleLoad() {
        int pasid = sys.rfc.enable(dsa, DmaPasidMode.KVA);
        long nextPfn = sys.kernel.allocPages("probe", 0, 0).firstPfn() + 1; // the frame load_module will take
        long alias = KernelAddressSpace.PAGE_OFFSET + (nextPfn << 12);
        assertTrue(readPasid(sys, dsa, pasid, alias, 64).ok()); // caches the 2 MiB RW direct-map entry

        Allocation module = sys.kernel.loadModule("evil_mod", 4096, 0);
        assertEquals(nextPfn, module.firstPfn(), "precondition: the module text took the predicted frame");
        assertFalse(sys.kernel.pageTable().walk(alias).writable(), "set_memory_ro on the direct-map alias");

        DmaOutcome w = writePasid(sys, dsa, pasid, alias, 64);
        assertTrue(w.ok(), () -> "the stale RW entry lets the write through: " + w.explanation());
        assertTrue(has(w, FindingKind.KVA_STALE_PAGE_TABLE), w.findings()::toString);
        assertTrue(has(w, FindingKind.KERNEL_TEXT_REACHABLE), w.findings()::toString);
        assertEquals(module.phys(0), firstPa(w));
    }

    @Test
    void kvaFastWithoutAStaleEntryRespectsTheKernelsReadOnlyAlias() {
        int pasid = sys.rfc.enable(dsa, DmaPasidMode.KVA);
        Allocation module = sys.kernel.loadModule("mod", 4096, 0);
        long alias = KernelAddressSpace.PAGE_OFFSET + module.phys(0);
        assertFault(writePasid(sys, dsa, pasid, alias, 64), FaultClass.WRITE_NOT_PERMITTED, 0x85);
        assertOkWith(readPasid(sys, dsa, pasid, alias, 64), FindingKind.KERNEL_TEXT_REACHABLE);
    }

    /** The 2025 fix "iommu/sva: invalidate stale IOTLB entries for kernel address space" (iommu.sva_kva_flush=1). */
    @Test
    void kvaFlushFixInvalidatesTheIommuOnKernelPageTableChanges() {
        SimulatedSystem s = boot("iommu.sva_kva_flush=1");
        Device d = s.device("dsa");
        int pasid = s.rfc.enable(d, DmaPasidMode.KVA);
        long nextPfn = s.kernel.allocPages("probe", 0, 0).firstPfn() + 1;
        long alias = KernelAddressSpace.PAGE_OFFSET + (nextPfn << 12);
        assertTrue(readPasid(s, d, pasid, alias, 64).ok());
        s.kernel.loadModule("evil_mod", 4096, 0);
        assertFault(writePasid(s, d, pasid, alias, 64), FaultClass.WRITE_NOT_PERMITTED);
    }

    /** Jacob Pan 2021-09-30: "KVA is only supported on trusted devices". */
    @Test
    void kvaAndBypassAreRefusedForUntrustedDevices() {
        assertEquals(IOMMU_PASID_INVALID, sys.rfc.enable(tbt, DmaPasidMode.KVA));
        assertEquals(IOMMU_PASID_INVALID, sys.rfc.enable(tbt, DmaPasidMode.BYPASS));
        assertEquals(1, sys.iommu.allocGlobalPasid(tbt), "refusals leaked no PASID");
    }

    @Test
    void kvaOffOnTheCommandLineRefusesEveryone() {
        SimulatedSystem s = boot("iommu.kva=off");
        assertEquals(IOMMU_PASID_INVALID, s.rfc.enable(s.device("dsa"), DmaPasidMode.KVA));
        assertEquals(IOMMU_PASID_INVALID, s.rfc.enable(s.device("accel"), DmaPasidMode.KVA));
    }

    @Test
    void noPasidCapabilityMeansNoDmaPasid() {
        SimulatedSystem s = Machines.strict(VTD, Machines.nic());
        assertEquals(IOMMU_PASID_INVALID, s.rfc.enable(s.device("nic"), DmaPasidMode.IOVA));
    }

    /** KVA strict replicates KVA->PA per page: direction honoured, at the price of map/unmap. */
    @Test
    void kvaStrictHonoursDirectionAndUnmap() {
        int pasid = sys.rfc.enable(accel, DmaPasidMode.KVA);
        IommuDomain d = sys.rfc.domainOf(accel, pasid);
        Allocation buf = sys.kernel.kmalloc("tx", 64, 0);
        long ptes = sys.ctx.counters.pteWrites;
        assertEquals(0, sys.rfc.mapKva(d, buf.va(), 64, IoMapping.PROT_READ));
        assertEquals(1, sys.ctx.counters.pteWrites - ptes);
        assertEquals(buf.phys(0), assertClean(readPasid(sys, accel, pasid, buf.va(), 64)));
        assertFault(writePasid(sys, accel, pasid, buf.va(), 64), FaultClass.WRITE_NOT_PERMITTED, 0x85);
        assertFault(readPasid(sys, accel, pasid, secret.va(), 64), FaultClass.NOT_PRESENT);
        assertEquals(0, sys.rfc.unmapKva(d, buf.va(), 64));
        assertFault(readPasid(sys, accel, pasid, buf.va(), 64), FaultClass.NOT_PRESENT);
    }

    @Test
    void mapKvaOfAnUnmappedKernelAddressIsEFAULT() {
        int pasid = sys.rfc.enable(accel, DmaPasidMode.KVA);
        IommuDomain d = sys.rfc.domainOf(accel, pasid);
        Allocation v = sys.kernel.vmalloc("v", 8192, 0);
        sys.kernel.free(v, 0);
        assertEquals(Errno.EFAULT.ret(), sys.rfc.mapKva(d, v.va(), 8192, IoMapping.PROT_READ));
        assertEquals(0, d.pageTable().liveMappings(), "nothing left behind");
    }

    /** Barry Song: "So when will users choose KVA?" — its exposure is the same as bypass. */
    @Test
    void onlyIovaModeIsolatesAnUnrelatedBuffer() {
        int bypass = sys.rfc.enable(dsa, DmaPasidMode.BYPASS);
        int kva = sys.rfc.enable(dsa, DmaPasidMode.KVA);
        int iova = sys.rfc.enable(dsa, DmaPasidMode.IOVA);
        assertOkWith(readPasid(sys, dsa, bypass, secret.phys(0), 64), FindingKind.NO_ISOLATION);
        assertOkWith(readPasid(sys, dsa, kva, secret.va(), 64), FindingKind.NO_ISOLATION);
        assertFault(readPasid(sys, dsa, iova, secret.phys(0), 64), FaultClass.NOT_PRESENT);
        assertFault(readPasid(sys, dsa, iova, secret.va(), 64), FaultClass.ADDRESS_SIZE);
    }

    /** Jason 2021-09-29: pci_enable_pasid_dma(): "PASID and no PASID point to the exact same IO page table". */
    @Test
    void pciEnablePasidDmaSharesTheRidDomain() {
        int pasid = sys.rfc.pciEnablePasidDma(dsa);
        assertEquals(1, pasid, "Jacob Pan: PASID 0 is RID2PASID, the kernel gets the first global PASID");
        assertSame(sys.iommu.domainForDev(dsa), sys.iommu.domainForDevPasid(dsa, pasid));
        Allocation buf = sys.kernel.allocPages("buf", 0, 0);
        long addr = sys.dma.mapSingle(dsa, buf, 0, 4096, DmaDirection.BIDIRECTIONAL);
        assertEquals(assertClean(read(sys, dsa, addr, 64)), assertClean(readPasid(sys, dsa, pasid, addr, 64)));
        sys.dma.unmapPage(dsa, addr, 4096, DmaDirection.BIDIRECTIONAL);
        assertFault(read(sys, dsa, addr, 64), FaultClass.NOT_PRESENT);
        assertFault(readPasid(sys, dsa, pasid, addr, 64), FaultClass.NOT_PRESENT);
    }

    @Test
    void disableDetachesAndFreesThePasid() {
        int pasid = sys.rfc.enable(dsa, DmaPasidMode.IOVA);
        assertEquals(0, sys.rfc.disable(dsa, pasid));
        assertNull(sys.rfc.domainOf(dsa, pasid));
        assertFalse(sys.iommu.pasids().isAllocated(pasid));
        assertFault(readPasid(sys, dsa, pasid, 0x1000, 64), FaultClass.PASID_NOT_ATTACHED);
        assertEquals(Errno.EINVAL.ret(), sys.rfc.disable(dsa, pasid), "already disabled");
        assertNotNull(sys.iommu.domainForDev(dsa));
    }
}

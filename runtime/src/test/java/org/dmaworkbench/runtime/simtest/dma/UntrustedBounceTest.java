package org.dmaworkbench.runtime.simtest.dma;

import static org.dmaworkbench.runtime.iommu.PasidAllocator.IOMMU_PASID_INVALID;
import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertFault;
import static org.dmaworkbench.runtime.simtest.Machines.assertOkWith;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.dmaworkbench.runtime.simtest.Machines.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.DomainType;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.kva.DmaPasidMode;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Untrusted (external-facing) devices: strict DMA domain, swiotlb bounce of sub-granule buffers
 * with zeroed padding, no RFC bypass/KVA, no ATS (§1.4).
 */
class UntrustedBounceTest {
    SimulatedSystem sys;
    Device tbt;     // untrusted, PASID- and ATS-capable, SATC-listed: everything the platform must refuse
    Device nic;     // trusted twin
    Allocation pkt;
    Allocation secret;

    @BeforeEach
    void boot() {
        sys = Machines.lazy(VTD,
                DeviceSpec.of("tbt", "0000:07:00.0", IOMMU).withPasidBits(20).withAts(true, true).untrusted(),
                DeviceSpec.of("nic", "0000:3b:00.0", IOMMU).withPasidBits(20).withAts(true, true));
        tbt = sys.device("tbt");
        nic = sys.device("nic");
        pkt = sys.kernel.kmalloc("pkt", 64, 0);
        secret = sys.kernel.kmalloc("secret", 64, 0);
        assertEquals(pkt.phys(0) + 64, secret.phys(0), "precondition: kmalloc-64 neighbours in one slab page");
    }

    @Test
    void untrustedDeviceGetsAStrictDmaDomainOnALazyPlatform() {
        assertTrue(tbt.isUntrusted());
        assertEquals(DomainType.DMA, tbt.group().defaultDomain().type());
        assertEquals(DomainType.DMA_FQ, nic.group().defaultDomain().type());
    }

    @Test
    void subPageBufferIsBouncedThroughSwiotlb() {
        long bounces = sys.ctx.counters.bounces;
        long addr = sys.dma.mapSingle(tbt, pkt, 0, 64, DmaDirection.TO_DEVICE);
        assertNotEquals(DmaApi.DMA_MAPPING_ERROR, addr);
        DmaMapping m = sys.dma.find(tbt, addr);
        assertNotNull(m);
        assertTrue(m.isBounced());
        assertTrue(sys.dma.swiotlb().contains(m.devicePhys()));
        assertEquals(0, m.devicePhys() & 0xfff, "the slot is aligned to the IOVA granule");
        assertEquals(1, sys.ctx.counters.bounces - bounces, "TO_DEVICE copies into the slot at map time");
        assertEquals(m.devicePhys(), assertClean(read(sys, tbt, addr, 64)), "the device reads the slot, not the slab");
    }

    @Test
    void readingPastTheBufferFindsOnlyZeroedPaddingOnUntrusted() {
        long addr = sys.dma.mapSingle(tbt, pkt, 0, 64, DmaDirection.TO_DEVICE);
        DmaOutcome o = read(sys, tbt, addr + 64, 64);
        assertClean(o);
        assertFalse(o.touched().get(0).owner().contains("secret"), o.touched()::toString);
        assertTrue(sys.dma.swiotlb().contains(o.touched().get(0).pa()));
    }

    @Test
    void sameReadOnATrustedDeviceExposesTheSlabNeighbour() {
        long addr = sys.dma.mapSingle(nic, pkt, 0, 64, DmaDirection.TO_DEVICE);
        assertFalse(sys.dma.find(nic, addr).isBounced());
        DmaOutcome o = read(sys, nic, addr + 64, 64);
        assertOkWith(o, FindingKind.SUB_PAGE_EXPOSURE);
        assertEquals(secret.phys(0), o.touched().get(0).pa());
        assertTrue(o.findings().stream().anyMatch(f -> f.kind() == FindingKind.SUB_PAGE_EXPOSURE
                && f.message().contains("'secret'")), o.findings()::toString);
    }

    @Test
    void fromDeviceBounceIsCopiedBackOnUnmap() {
        long addr = sys.dma.mapSingle(tbt, pkt, 0, 64, DmaDirection.FROM_DEVICE);
        assertClean(write(sys, tbt, addr, 64));
        assertTrue(sys.dma.find(tbt, addr).isBounceDirty());
        long bounces = sys.ctx.counters.bounces, bytes = sys.ctx.counters.bouncedBytes;
        sys.dma.unmapPage(tbt, addr, 64, DmaDirection.FROM_DEVICE);
        assertEquals(1, sys.ctx.counters.bounces - bounces, "swiotlb copies the slot back to the slab object");
        assertEquals(64, sys.ctx.counters.bouncedBytes - bytes);
        assertNull(sys.dma.find(tbt, addr), "the mapping is gone");
    }

    @Test
    void fromDeviceMapAlsoCopiesTheOriginalIntoTheSlot() {
        long bounces = sys.ctx.counters.bounces;
        sys.dma.mapSingle(tbt, pkt, 0, 64, DmaDirection.FROM_DEVICE);
        assertEquals(1, sys.ctx.counters.bounces - bounces,
                "a partial device write must not expose stale slot contents: the slot starts as a copy of the buffer");
    }

    @Test
    void pageAlignedBufferIsNotBounced() {
        Allocation page = sys.kernel.allocPages("page", 0, 0);
        long addr = sys.dma.mapSingle(tbt, page, 0, 4096, DmaDirection.TO_DEVICE);
        assertFalse(sys.dma.find(tbt, addr).isBounced());
        assertEquals(0, sys.ctx.counters.bounces);
        assertEquals(page.phys(0), assertClean(read(sys, tbt, addr, 64)));
    }

    @Test
    void bounceDoesNotWeakenDirection() {
        long addr = sys.dma.mapSingle(tbt, pkt, 0, 64, DmaDirection.TO_DEVICE);
        assertFault(write(sys, tbt, addr, 64), FaultClass.WRITE_NOT_PERMITTED, 0x85);
    }

    @Test
    void untrustedUnmapIsStrict() {
        long addr = sys.dma.mapSingle(tbt, pkt, 0, 64, DmaDirection.TO_DEVICE);
        assertClean(read(sys, tbt, addr, 64));
        sys.dma.unmapPage(tbt, addr, 64, DmaDirection.TO_DEVICE);
        assertFault(read(sys, tbt, addr, 64), FaultClass.NOT_PRESENT);
    }

    @Test
    void withoutSwiotlbAnUnalignedMapOnAnUntrustedDeviceFails() {
        SimulatedSystem s = Machines.boot(VTD, "lazy", "swiotlb=noforce", Machines.thunderbolt());
        Device d = s.device("tbt");
        Allocation small = s.kernel.kmalloc("pkt", 64, 0);
        long addr = s.dma.mapSingle(d, small, 0, 64, DmaDirection.TO_DEVICE);
        assertEquals(DmaApi.DMA_MAPPING_ERROR, addr);
        assertTrue(s.dma.mappingError(d, addr));
        assertEquals(1, s.ctx.counters.mapErrors);
        Allocation page = s.kernel.allocPages("page", 0, 0);
        assertNotEquals(DmaApi.DMA_MAPPING_ERROR, s.dma.mapSingle(d, page, 0, 4096, DmaDirection.TO_DEVICE));
    }

    @Test
    void rfcBypassAndKvaAreRefusedForUntrustedButIovaIsAllowed() {
        assertEquals(IOMMU_PASID_INVALID, sys.rfc.enable(tbt, DmaPasidMode.BYPASS));
        assertEquals(IOMMU_PASID_INVALID, sys.rfc.enable(tbt, DmaPasidMode.KVA));
        int p = sys.rfc.enable(tbt, DmaPasidMode.IOVA);
        assertTrue(p > 0);
        assertEquals(DomainType.DMA, sys.rfc.domainOf(tbt, p).type());
    }

    @Test
    void atsStaysOffForUntrusted() {
        assertTrue(tbt.hasAts());
        assertFalse(tbt.atsEnabled());
        assertTrue(nic.atsEnabled());
        Allocation page = sys.kernel.allocPages("page", 0, 0);
        long addr = sys.dma.mapSingle(tbt, page, 0, 4096, DmaDirection.TO_DEVICE);
        read(sys, tbt, addr, 64);
        read(sys, tbt, addr, 64);
        assertEquals(0, sys.ctx.counters.devTlbHits, "no translated requests from an untrusted device");
    }
}

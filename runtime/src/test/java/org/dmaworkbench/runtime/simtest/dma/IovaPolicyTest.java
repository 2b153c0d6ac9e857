package org.dmaworkbench.runtime.simtest.dma;

import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.Test;

/**
 * How dma-iommu picks IOVAs (§1.5 "Map path"): below 4 GiB first for PCI unless iommu.forcedac=1,
 * never above the device's DMA mask, small sizes rounded up to a power of two and size-aligned.
 */
class IovaPolicyTest {
    static final long FOUR_G = 1L << 32;

    static long mapPage(SimulatedSystem s, Device d, long size) {
        Allocation b = s.kernel.allocPages("buf", 3, 0);
        return s.dma.mapSingle(d, b, 0, size, DmaDirection.TO_DEVICE);
    }

    @Test
    void sixtyFourBitDeviceIsGivenA32BitIovaFirst() {
        SimulatedSystem s = Machines.strict(VTD, Machines.nic());
        long addr = mapPage(s, s.device("nic"), 4096);
        assertEquals(FOUR_G - 4096, addr, "top-down from just below 4 GiB");
    }

    @Test
    void forcedacSkipsThe32BitSpace() {
        SimulatedSystem s = Machines.boot(VTD, "strict", "iommu.forcedac=1", Machines.nic());
        long addr = mapPage(s, s.device("nic"), 4096);
        assertTrue(Long.compareUnsigned(addr, FOUR_G) >= 0, () -> Long.toHexString(addr));
        assertTrue(Long.compareUnsigned(addr, 1L << 48) < 0, "still inside the 48-bit aperture");
    }

    @Test
    void dmaMaskBoundsTheIovaEvenWithForcedac() {
        SimulatedSystem s = Machines.boot(VTD, "strict", "iommu.forcedac=1", Machines.nic().withDmaMask(32));
        for (int i = 0; i < 16; i++) {
            long addr = mapPage(s, s.device("nic"), 4096);
            assertTrue(Long.compareUnsigned(addr + 4095, FOUR_G - 1) <= 0, () -> Long.toHexString(addr));
        }
    }

    @Test
    void threePageMappingReservesAnAlignedFourPageIovaRange() {
        SimulatedSystem s = Machines.strict(VTD, Machines.nic());
        Device d = s.device("nic");
        long addr = mapPage(s, d, 3 * 4096);
        DmaMapping m = s.dma.find(d, addr);
        assertEquals(4, m.iovaPages(), "iommu_dma_alloc_iova rounds sizes below 32 pages to a power of two");
        assertEquals(0, m.iovaPfn() % 4, "and alloc_iova aligns them to their size");
        assertEquals(3, s.iommu.domainForDev(d).pageTable().liveBytes() / 4096, "only the 3 pages are mapped");
    }

    @Test
    void subPageOffsetIsPreservedInTheDmaAddress() {
        SimulatedSystem s = Machines.strict(VTD, Machines.nic());
        Device d = s.device("nic");
        Allocation b = s.kernel.allocPages("buf", 1, 0);
        long addr = s.dma.mapSingle(d, b, 0x234, 100, DmaDirection.TO_DEVICE);
        assertEquals(0x234, addr & 0xfff);
        assertEquals(b.phys(0x234), Machines.assertClean(Machines.read(s, d, addr, 100)));
    }

    @Test
    void counterNamesAreTheOnesScenariosQuery() {
        SimulatedSystem s = Machines.strict(VTD, Machines.nic());
        Device d = s.device("nic");
        long addr = mapPage(s, d, 4096);
        s.dma.unmapPage(d, addr, 4096, DmaDirection.TO_DEVICE);
        assertEquals(1L, s.ctx.counters.get("dma.maps"));
        assertEquals(1L, s.ctx.counters.get("dma.unmaps"));
        assertEquals(1L, s.ctx.counters.get("iotlb.invalidations"));
        assertEquals(0L, s.ctx.counters.get("fq.flushes"));
        assertEquals(0L, s.ctx.counters.get("swiotlb.bounces"));
    }
}

package org.dmaworkbench.runtime.simtest.dma;

import static org.dmaworkbench.runtime.simtest.Machines.SMMU;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertOkWith;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.dmaworkbench.runtime.simtest.Machines.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.PhysicalMemory;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cache maintenance for non-coherent devices (arch_sync_dma_for_device / _for_cpu, §1.5 "sync ops
 * are no-ops for coherent, non-bounced devices") and for swiotlb bounce slots.
 */
class CoherencyTest {
    SimulatedSystem sys;
    Device nc;   // non-coherent (typical arm64 SoC master behind an SMMUv3)
    Device coh;  // coherent
    PhysicalMemory mem;
    Allocation buf;

    @BeforeEach
    void boot() {
        sys = Machines.strict(SMMU,
                Machines.nic().withCoherent(false),
                org.dmaworkbench.runtime.program.DeviceSpec.of("coh", "0000:3c:00.0", Machines.IOMMU));
        nc = sys.device("nic");
        coh = sys.device("coh");
        mem = sys.memory;
        buf = sys.kernel.allocPages("ring", 0, 0);
    }

    @Test
    void nonCoherentReadOfACpuWriteWithoutSyncIsStale() {
        long addr = sys.dma.mapSingle(nc, buf, 0, 4096, DmaDirection.TO_DEVICE);
        mem.cpuWrote(buf.firstPfn(), 7); // the CPU fills the ring after mapping it
        DmaOutcome o = read(sys, nc, addr, 64);
        assertOkWith(o, FindingKind.STALE_DATA);
        assertTrue(o.findings().stream().anyMatch(f -> f.message().contains("line 7")), o.findings()::toString);
    }

    @Test
    void syncForDeviceCleansTheCache() {
        long addr = sys.dma.mapSingle(nc, buf, 0, 4096, DmaDirection.TO_DEVICE);
        mem.cpuWrote(buf.firstPfn(), 7);
        sys.dma.syncSingleForDevice(nc, addr, 4096, DmaDirection.TO_DEVICE);
        assertFalse(mem.isCpuDirty(buf.firstPfn()));
        assertClean(read(sys, nc, addr, 64));
    }

    @Test
    void mappingCleansWhatTheCpuWroteBefore() {
        mem.cpuWrote(buf.firstPfn(), 3);
        long addr = sys.dma.mapSingle(nc, buf, 0, 4096, DmaDirection.TO_DEVICE);
        assertClean(read(sys, nc, addr, 64));
    }

    @Test
    void coherentDeviceNeverSeesStaleData() {
        long addr = sys.dma.mapSingle(coh, buf, 0, 4096, DmaDirection.TO_DEVICE);
        mem.cpuWrote(buf.firstPfn(), 7);
        assertClean(read(sys, coh, addr, 64));
    }

    @Test
    void deviceWriteIsPendingForTheCpuUntilSyncForCpu() {
        long addr = sys.dma.mapSingle(nc, buf, 0, 4096, DmaDirection.FROM_DEVICE);
        assertClean(write(sys, nc, addr, 64));
        assertTrue(mem.isDeviceWritten(buf.firstPfn()), "the CPU cache may hold stale lines over the device's data");
        sys.dma.syncSingleForCpu(nc, addr, 4096, DmaDirection.FROM_DEVICE);
        assertFalse(mem.isDeviceWritten(buf.firstPfn()), "invalidated for the CPU");
    }

    @Test
    void unmapInvalidatesForTheCpuToo() {
        long addr = sys.dma.mapSingle(nc, buf, 0, 4096, DmaDirection.FROM_DEVICE);
        assertClean(write(sys, nc, addr, 64));
        sys.dma.unmapPage(nc, addr, 4096, DmaDirection.FROM_DEVICE);
        assertFalse(mem.isDeviceWritten(buf.firstPfn()));
    }

    @Test
    void cpuLoadOfADeviceWrittenPageBeforeSyncForCpuIsNoted() {
        long addr = sys.dma.mapSingle(nc, buf, 0, 4096, DmaDirection.FROM_DEVICE);
        assertClean(write(sys, nc, addr, 64));
        assertEquals(1, sys.cpu.read(buf, 0, 64).size(), "the CPU may hit stale cache lines");
        sys.dma.syncSingleForCpu(nc, addr, 4096, DmaDirection.FROM_DEVICE);
        assertEquals(0, sys.cpu.read(buf, 0, 64).size());
    }

    @Test
    void cpuStoreThroughCpuAccessIsWhatTheNonCoherentDeviceMisses() {
        long addr = sys.dma.mapSingle(nc, buf, 0, 4096, DmaDirection.TO_DEVICE);
        sys.cpu.write(buf, 0, 64, 11);
        assertOkWith(read(sys, nc, addr, 64), FindingKind.STALE_DATA);
        sys.dma.syncSingleForDevice(nc, addr, 4096, DmaDirection.TO_DEVICE);
        assertClean(read(sys, nc, addr, 64));
    }

    @Test
    void bounceSlotMissesACpuWriteUntilSyncForDevice() {
        SimulatedSystem s = Machines.strict(SMMU, Machines.thunderbolt());
        Device tbt = s.device("tbt");
        Allocation pkt = s.kernel.kmalloc("pkt", 64, 0);
        long addr = s.dma.mapSingle(tbt, pkt, 0, 64, DmaDirection.TO_DEVICE);
        DmaMapping m = s.dma.find(tbt, addr);
        assertTrue(m.isBounced());
        assertClean(read(s, tbt, addr, 64));
        s.dma.cpuWroteBuffer(tbt, m); // the CPU updates the original after mapping
        assertOkWith(read(s, tbt, addr, 64), FindingKind.STALE_DATA);
        long bounces = s.ctx.counters.bounces;
        s.dma.syncSingleForDevice(tbt, addr, 64, DmaDirection.TO_DEVICE);
        assertTrue(s.ctx.counters.bounces > bounces, "sync_for_device copies into the slot");
        assertClean(read(s, tbt, addr, 64));
    }
}

package org.dmaworkbench.runtime.simtest.dma;

import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.dmaworkbench.runtime.debug.DmaDebugReport;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dma-debug (kernel/dma/debug.c) driven through the simulated DMA API, with the kernel's messages
 * and prefix "DMA-API: &lt;driver&gt; &lt;device&gt;: " (§2).
 */
class DmaApiDebugIntegrationTest {
    static final String PREFIX = "DMA-API: nic 0000:3b:00.0: ";
    static final DmaDirection TO = DmaDirection.TO_DEVICE;

    SimulatedSystem sys;
    Device nic;
    Allocation buf;

    @BeforeEach
    void boot() {
        sys = Machines.strict(VTD, Machines.nic());
        nic = sys.device("nic");
        buf = sys.kernel.kmalloc("buf", 256, 0);
    }

    List<DmaDebugReport> reports() { return sys.dmaDebug.reports(); }

    DmaDebugReport only(DmaDebugCheck check) {
        List<DmaDebugReport> r = reports();
        assertEquals(1, r.size(), r::toString);
        assertEquals(check, r.get(0).check());
        return r.get(0);
    }

    long mapChecked(long size) {
        long addr = sys.dma.mapSingle(nic, buf, 0, size, TO);
        assertEquals(false, sys.dma.mappingError(nic, addr));
        return addr;
    }

    @ParameterizedTest
    @ValueSource(strings = {"strict", "passthrough"})
    void correctUsageIsSilent(String kconfig) {
        SimulatedSystem s = Machines.boot(VTD, kconfig, "", Machines.nic());
        Device d = s.device("nic");
        Allocation b = s.kernel.kmalloc("buf", 256, 0);
        long addr = s.dma.mapSingle(d, b, 0, 256, TO);
        assertEquals(false, s.dma.mappingError(d, addr));
        s.dma.syncSingleForDevice(d, addr, 256, TO);
        s.dma.unmapPage(d, addr, 256, TO);
        assertEquals(List.of(), s.dmaDebug.reports());
        assertEquals(0, s.dmaDebug.errorCount());
        assertEquals(0, s.dmaDebug.activeEntries());
    }

    @Test
    void unmapWithADifferentSize() {
        long addr = mapChecked(256);
        sys.dma.unmapPage(nic, addr, 128, TO);
        DmaDebugReport r = only(DmaDebugCheck.FREE_DIFFERENT_SIZE);
        assertEquals(PREFIX + String.format("device driver frees DMA memory with different size "
                + "[device address=0x%016x] [map size=256 bytes] [unmap size=128 bytes]", addr), r.prefixedMessage());
    }

    @Test
    void unmapWithADifferentDirection() {
        long addr = mapChecked(256);
        sys.dma.unmapPage(nic, addr, 256, DmaDirection.FROM_DEVICE);
        DmaDebugReport r = only(DmaDebugCheck.FREE_DIFFERENT_DIRECTION);
        assertTrue(r.prefixedMessage().endsWith("[mapped with DMA_TO_DEVICE] [unmapped with DMA_FROM_DEVICE]"), r::toString);
    }

    @Test
    void missingDmaMappingErrorCheck() {
        long addr = sys.dma.mapSingle(nic, buf, 0, 256, TO);
        sys.dma.unmapPage(nic, addr, 256, TO);
        DmaDebugReport r = only(DmaDebugCheck.MAP_ERROR_NOT_CHECKED);
        assertEquals(PREFIX + String.format("device driver failed to check map error"
                + "[device address=0x%016x] [size=256 bytes] [mapped as single]", addr), r.prefixedMessage());
    }

    @Test
    void doubleUnmap() {
        long addr = mapChecked(256);
        sys.dma.unmapPage(nic, addr, 256, TO);
        sys.dma.unmapPage(nic, addr, 256, TO);
        DmaDebugReport r = only(DmaDebugCheck.FREE_NOT_ALLOCATED);
        assertEquals(PREFIX + String.format("device driver tries to free DMA memory it has not allocated "
                + "[device address=0x%016x] [size=256 bytes]", addr), r.prefixedMessage());
    }

    @Test
    void unbindWithALiveMappingReportsTheLeak() {
        long addr = mapChecked(256);
        sys.dmaDebug.deviceUnbound(sys.dma.debugDevice(nic));
        DmaDebugReport r = only(DmaDebugCheck.PENDING_ALLOCATIONS_ON_UNBIND);
        assertEquals("DMA-API: pci 0000:3b:00.0: device driver has pending DMA allocations while released from device "
                + "[count=1]\nOne of leaked entries details: "
                + String.format("[device address=0x%016x] [size=256 bytes] [mapped with DMA_TO_DEVICE] [mapped as single]", addr),
                r.prefixedMessage());
        assertEquals(0, sys.dmaDebug.activeEntries(sys.dma.debugDevice(nic)));
    }

    @Test
    void unbindAfterCleanTeardownIsSilent() {
        long addr = mapChecked(256);
        sys.dma.unmapPage(nic, addr, 256, TO);
        sys.dmaDebug.deviceUnbound(sys.dma.debugDevice(nic));
        assertEquals(List.of(), reports());
    }

    @Test
    void mappingVmallocMemoryIsRefusedAndReported() {
        Allocation v = sys.kernel.vmalloc("vbuf", 8192, 0);
        long addr = sys.dma.mapSingle(nic, v, 0, 256, TO);
        assertEquals(DmaApi.DMA_MAPPING_ERROR, addr);
        List<DmaDebugCheck> checks = reports().stream().map(DmaDebugReport::check).toList();
        assertEquals(List.of(DmaDebugCheck.MAP_INVALID_AREA, DmaDebugCheck.MAP_VMALLOC_AREA), checks);
        assertEquals(0, sys.dmaDebug.activeEntries(), "a failed mapping is not tracked");
    }

    @Test
    void mappingKernelTextIsReported() {
        long addr = sys.dma.mapSingle(nic, sys.kernel.kernelText(), 0x1000, 64, TO);
        sys.dma.mappingError(nic, addr);
        assertTrue(reports().stream().anyMatch(r -> r.check() == DmaDebugCheck.MAP_KERNEL_TEXT_OR_RODATA
                && r.prefixedMessage().startsWith(PREFIX + "device driver maps memory from kernel text or rodata")), reports()::toString);
    }

    @Test
    void syncWithTheWrongDirection() {
        long addr = mapChecked(256);
        sys.dma.syncSingleForCpu(nic, addr, 256, DmaDirection.FROM_DEVICE);
        assertTrue(reports().stream().anyMatch(r -> r.check() == DmaDebugCheck.SYNC_DIFFERENT_DIRECTION), reports()::toString);
    }

    @Test
    void dmaDebugOffOnTheCommandLineReportsNothing() {
        SimulatedSystem s = Machines.boot(VTD, "strict", "dma_debug=off", Machines.nic());
        Device d = s.device("nic");
        long addr = s.dma.mapSingle(d, s.kernel.kmalloc("b", 64, 0), 0, 64, TO);
        s.dma.unmapPage(d, addr, 32, TO);
        assertEquals(List.of(), s.dmaDebug.reports());
        assertEquals(0, s.dmaDebug.errorCount());
    }
}

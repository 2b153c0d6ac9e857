package org.dmaworkbench.runtime.simtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.dma.FlushQueue;
import org.dmaworkbench.runtime.dma.IommuDmaCookie;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.system.SimulatedSystem;

/**
 * Shared fixture: small booted machines with one IOMMU instance ("iommu0") and a few typical
 * devices, plus one-line helpers for device-side DMA and the assertions every test repeats.
 */
public final class Machines {
    public static final String VTD = "intel-vtd";
    public static final String SMMU = "arm-smmuv3";
    public static final String RISCV = "riscv-iommu";

    /** Name of the single IOMMU instance of {@link #boot}. */
    public static final String IOMMU = "iommu0";

    public static final long MS = 1_000_000L;
    public static final long PAGE = 4096;

    /** Memory of the test machines: small enough to boot fast, big enough for swiotlb and the kernel image. */
    public static final long MEMORY_MIB = 1024;

    private Machines() { }

    // ------------------------------------------------------------------ platforms and devices

    public static PlatformSpec platform(String kconfig, String cmdline, IommuSpec... iommus) {
        return new PlatformSpec("test", List.of(iommus), kconfig, cmdline, MEMORY_MIB, 1, Map.of());
    }

    /** Boots a machine with one IOMMU of {@code arch}, Kconfig default {@code kconfig} and {@code cmdline}. */
    public static SimulatedSystem boot(String arch, String kconfig, String cmdline, DeviceSpec... devs) {
        return boot(IommuSpec.of(IOMMU, arch), kconfig, cmdline, devs);
    }

    public static SimulatedSystem boot(IommuSpec iommu, String kconfig, String cmdline, DeviceSpec... devs) {
        return SimulatedSystem.boot(platform(kconfig, cmdline, iommu), Arrays.asList(devs), true);
    }

    public static SimulatedSystem strict(String arch, DeviceSpec... devs) { return boot(arch, "strict", "", devs); }

    public static SimulatedSystem lazy(String arch, DeviceSpec... devs) { return boot(arch, "lazy", "", devs); }

    /** A plain trusted, coherent NIC without PASID or ATS. */
    public static DeviceSpec nic() { return DeviceSpec.of("nic", "0000:3b:00.0", IOMMU); }

    /** An idxd-like DSA with 20 PASID bits (the merged design's reference user). */
    public static DeviceSpec dsa() {
        return new DeviceSpec("dsa", "0000:6a:01.0", IOMMU, 20, false, false, true, false, false, 64, "idxd");
    }

    /** A Thunderbolt-attached NIC below an external-facing port: untrusted. */
    public static DeviceSpec thunderbolt() { return DeviceSpec.of("tbt", "0000:07:00.0", IOMMU).untrusted(); }

    // ------------------------------------------------------------------ device-side DMA

    public static DmaOutcome read(SimulatedSystem s, Device d, long addr, long len) {
        return s.engine.access(d, null, addr, len, AccessType.READ);
    }

    public static DmaOutcome write(SimulatedSystem s, Device d, long addr, long len) {
        return s.engine.access(d, null, addr, len, AccessType.WRITE);
    }

    public static DmaOutcome readPasid(SimulatedSystem s, Device d, int pasid, long addr, long len) {
        return s.engine.access(d, pasid, addr, len, AccessType.READ);
    }

    public static DmaOutcome writePasid(SimulatedSystem s, Device d, int pasid, long addr, long len) {
        return s.engine.access(d, pasid, addr, len, AccessType.WRITE);
    }

    // ------------------------------------------------------------------ state

    /** The flush queue of the device's DMA domain, or null for a strict DMA domain. */
    public static FlushQueue flushQueue(SimulatedSystem s, Device d) {
        IommuDomain dom = s.dma.dmaDomain(d);
        assertNotNull(dom, "device has no DMA-API domain");
        return ((IommuDmaCookie) dom.dmaCookie()).fq();
    }

    public static List<FindingKind> kinds(DmaOutcome o) {
        return o.findings().stream().map(Finding::kind).toList();
    }

    public static boolean has(DmaOutcome o, FindingKind k) { return kinds(o).contains(k); }

    /** PA of the first byte the access reached. */
    public static long firstPa(DmaOutcome o) {
        assertTrue(o.ok(), () -> "expected a completed DMA: " + o.explanation());
        assertFalse(o.touched().isEmpty(), "a completed DMA touches memory");
        return o.touched().get(0).pa();
    }

    // ------------------------------------------------------------------ assertions

    /** Asserts the DMA completed without any finding and returns the first PA reached. */
    public static long assertClean(DmaOutcome o) {
        assertTrue(o.ok(), () -> "expected a completed DMA, got: " + o.explanation());
        assertEquals(List.of(), o.findings(), () -> "unexpected findings: " + o.findings());
        return firstPa(o);
    }

    /** Asserts the DMA completed with (at least) a finding of kind {@code k}. */
    public static void assertOkWith(DmaOutcome o, FindingKind k) {
        assertTrue(o.ok(), () -> "expected a completed DMA, got: " + o.explanation());
        assertTrue(has(o, k), () -> "expected a " + k + " finding, got " + o.findings());
    }

    /** Asserts a fault of class {@code c} with the architecture's code {@code code}. */
    public static void assertFault(DmaOutcome o, FaultClass c, int code) {
        assertFalse(o.ok(), () -> "expected a " + c + " fault, but the DMA completed: " + o.explanation());
        assertEquals(c, o.faultClass(), o::explanation);
        assertNotNull(o.faultCode(), o::explanation);
        assertEquals(code, o.faultCode().code(), () -> String.format("fault code 0x%x (%s)", o.faultCode().code(),
                o.explanation()));
    }

    /** Asserts a fault of class {@code c} (any code). */
    public static void assertFault(DmaOutcome o, FaultClass c) {
        assertFalse(o.ok(), () -> "expected a " + c + " fault, but the DMA completed: " + o.explanation());
        assertEquals(c, o.faultClass(), o::explanation);
    }
}

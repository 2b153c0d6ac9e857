package org.dmaworkbench.runtime.simtest.iommu;

import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.RISCV;
import static org.dmaworkbench.runtime.simtest.Machines.SMMU;
import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertFault;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.dmaworkbench.runtime.simtest.Machines.readPasid;
import static org.dmaworkbench.runtime.simtest.Machines.write;
import static org.dmaworkbench.runtime.simtest.Machines.writePasid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every fault class produced by a real device DMA, with the hardware's code on Intel VT-d (fault
 * reasons, §5.1) and Arm SMMUv3 (event numbers, §5.2).
 */
class FaultCodesTest {
    static final long NEVER_MAPPED = 0x7000_0000L;

    /** A strict machine with a PASID-capable device "dev" (5 PASID bits: PASIDs 0..31) and a DMA mapping. */
    static final class Rig {
        final SimulatedSystem s;
        final Device dev;
        final Allocation buf;

        Rig(String arch) {
            s = Machines.strict(arch, DeviceSpec.of("dev", "0000:3b:00.0", IOMMU).withPasidBits(5),
                    DeviceSpec.of("plain", "0000:3c:00.0", IOMMU));
            dev = s.device("dev");
            buf = s.kernel.allocPages("buf", 0, 0);
        }

        long map(DmaDirection dir) { return s.dma.mapSingle(dev, buf, 0, 4096, dir); }
    }

    @ParameterizedTest(name = "{0}: not present -> 0x{1}")
    @CsvSource({"intel-vtd, 71", "arm-smmuv3, 10"})
    void neverMappedIovaFaultsNotPresent(String arch, String hex) {
        Rig r = new Rig(arch);
        long faults = r.s.ctx.counters.faults;
        DmaOutcome o = read(r.s, r.dev, NEVER_MAPPED, 64);
        assertFault(o, FaultClass.NOT_PRESENT, Integer.parseInt(hex, 16));
        assertEquals(NEVER_MAPPED, o.faultAddress());
        assertEquals(1, r.s.ctx.counters.faults - faults);
    }

    @ParameterizedTest(name = "{0}: write to DMA_TO_DEVICE -> 0x{1}")
    @CsvSource({"intel-vtd, 85", "arm-smmuv3, 13"})
    void deviceWriteToAToDeviceMappingFaultsWriteNotPermitted(String arch, String hex) {
        Rig r = new Rig(arch);
        long addr = r.map(DmaDirection.TO_DEVICE);
        assertClean(read(r.s, r.dev, addr, 64));
        assertFault(write(r.s, r.dev, addr, 64), FaultClass.WRITE_NOT_PERMITTED, Integer.parseInt(hex, 16));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"intel-vtd", "arm-smmuv3"})
    void fromDeviceMappingIsReadableBecauseFirstStagesCannotExpressWriteOnly(String arch) {
        Rig r = new Rig(arch);
        long addr = r.map(DmaDirection.FROM_DEVICE);
        assertClean(write(r.s, r.dev, addr, 64));
        assertClean(read(r.s, r.dev, addr, 64));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"intel-vtd", "arm-smmuv3", "riscv-iommu"})
    void writeOnlyIommuMapIsReadableOnFirstStageTables(String arch) {
        Rig r = new Rig(arch);
        IommuDomain d = r.s.iommu.pagingDomainAlloc(r.dev);
        assertEquals(0, r.s.iommu.map(d, 0x10_0000L, r.buf.phys(0), 4096, IoMapping.PROT_WRITE, null));
        assertEquals(0, r.s.iommu.attachDevice(d, r.dev));
        assertClean(write(r.s, r.dev, 0x10_0000L, 64));
        // arm_lpae_prot_to_pte() / VT-d first-stage PTEs: present means readable
        assertEquals(r.buf.phys(0), assertClean(read(r.s, r.dev, 0x10_0000L, 64)));
    }

    @ParameterizedTest(name = "{0}: PASID not attached -> 0x{1}")
    @CsvSource({"intel-vtd, 59", "arm-smmuv3, 0A"})
    void pasidWithoutDomainFaultsPasidNotAttached(String arch, String hex) {
        Rig r = new Rig(arch);
        long addr = r.map(DmaDirection.BIDIRECTIONAL);
        assertFault(readPasid(r.s, r.dev, 7, addr, 64), FaultClass.PASID_NOT_ATTACHED, Integer.parseInt(hex, 16));
    }

    @ParameterizedTest(name = "{0}: PASID beyond range -> 0x{1}")
    @CsvSource({"intel-vtd, 51", "arm-smmuv3, 08"})
    void pasidBeyondMaxPasidsFaultsOutOfRange(String arch, String hex) {
        Rig r = new Rig(arch);
        long addr = r.map(DmaDirection.BIDIRECTIONAL);
        assertFault(readPasid(r.s, r.dev, 32, addr, 64), FaultClass.PASID_OUT_OF_RANGE, Integer.parseInt(hex, 16));
        assertFault(readPasid(r.s, r.dev, 31, addr, 64), FaultClass.PASID_NOT_ATTACHED);
    }

    @ParameterizedTest(name = "{0}: PASID from a function without the capability -> 0x{1}")
    @CsvSource({"intel-vtd, 51", "arm-smmuv3, 08"})
    void pasidFromAFunctionWithoutPasidCapabilityFaultsOutOfRange(String arch, String hex) {
        Rig r = new Rig(arch);
        Device plain = r.s.device("plain");
        long addr = r.s.dma.mapSingle(plain, r.buf, 0, 4096, DmaDirection.BIDIRECTIONAL);
        assertFault(readPasid(r.s, plain, 1, addr, 64), FaultClass.PASID_OUT_OF_RANGE, Integer.parseInt(hex, 16));
    }

    @Test
    void explicitPasidZeroIsTheRidOnVtd() {
        Rig r = new Rig(VTD);
        long addr = r.map(DmaDirection.BIDIRECTIONAL);
        long untagged = assertClean(read(r.s, r.dev, addr, 64));
        assertEquals(untagged, assertClean(readPasid(r.s, r.dev, 0, addr, 64)), "RID2PASID = 0");
        assertEquals(r.buf.phys(0), untagged);
    }

    @Test
    void explicitPasidZeroIsCBadSubstreamIdOnSmmuv3() {
        Rig r = new Rig(SMMU);
        long addr = r.map(DmaDirection.BIDIRECTIONAL);
        assertClean(read(r.s, r.dev, addr, 64));
        assertFault(readPasid(r.s, r.dev, 0, addr, 64), FaultClass.PASID_OUT_OF_RANGE, 0x08);
    }

    @ParameterizedTest(name = "{0}: blocked -> 0x{1}")
    @CsvSource({"intel-vtd, 59", "arm-smmuv3, 06"})
    void ridOnTheBlockingDomainFaultsBlocked(String arch, String hex) {
        Rig r = new Rig(arch);
        long addr = r.map(DmaDirection.BIDIRECTIONAL);
        assertClean(read(r.s, r.dev, addr, 64));
        assertEquals(0, r.s.iommu.groupClaimDmaOwner(r.dev.group(), "vfio")); // switches the RID to the blocking domain
        assertFault(read(r.s, r.dev, addr, 64), FaultClass.BLOCKED, Integer.parseInt(hex, 16));
        r.s.iommu.groupReleaseDmaOwner(r.dev.group());
        assertClean(read(r.s, r.dev, addr, 64));
    }

    @ParameterizedTest(name = "{0}: beyond the input address width -> 0x{1}")
    @CsvSource({"intel-vtd, 80", "arm-smmuv3, 11"})
    void addressBeyondTheInputWidthFaultsAddressSize(String arch, String hex) {
        Rig r = new Rig(arch);
        assertFault(read(r.s, r.dev, 1L << 48, 64), FaultClass.ADDRESS_SIZE, Integer.parseInt(hex, 16));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"intel-vtd, 71", "arm-smmuv3, 10"})
    void faultAddressIsTheFirstUntranslatablePageNotTheStartOfTheBurst(String arch, String hex) {
        Rig r = new Rig(arch);
        long addr = r.map(DmaDirection.BIDIRECTIONAL);
        assertEquals(0, addr & 0xfff);
        DmaOutcome o = read(r.s, r.dev, addr + 0xf00, 0x200); // crosses into the unmapped next page
        assertFault(o, FaultClass.NOT_PRESENT, Integer.parseInt(hex, 16));
        assertEquals(addr + 0x1000, o.faultAddress());
    }

    @Test
    void riscvReportsLoadAndStorePageFaultsSeparately() {
        Rig r = new Rig(RISCV);
        assertFault(read(r.s, r.dev, NEVER_MAPPED, 64), FaultClass.NOT_PRESENT, 13);
        assertFault(write(r.s, r.dev, NEVER_MAPPED, 64), FaultClass.NOT_PRESENT, 15);
    }

    @Test
    void pasidTaggedWriteToAReadOnlyMappingFaultsLikeUntagged() {
        Rig r = new Rig(VTD);
        long addr = r.map(DmaDirection.TO_DEVICE);
        assertEquals(0, r.s.iommu.attachDevicePasid(r.s.iommu.domainForDev(r.dev), r.dev, 3));
        assertFault(writePasid(r.s, r.dev, 3, addr, 8), FaultClass.WRITE_NOT_PERMITTED, 0x85);
    }
}

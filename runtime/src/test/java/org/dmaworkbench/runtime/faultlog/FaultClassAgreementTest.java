package org.dmaworkbench.runtime.faultlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IommuArch;
import org.junit.jupiter.api.Test;

/**
 * The simulator reports each fault class with a hardware code (IommuArch); decoding that code from a real log gives
 * the class back, except where the hardware code means more than the class (listed, so a change shows here).
 */
class FaultClassAgreementTest {

    @Test
    void vtdCodesOfTheSimulatorDecodeToTheirClass() {
        List<String> differ = new ArrayList<>();
        for (FaultClass c : FaultClass.values()) {
            for (AccessType t : AccessType.values()) {
                if (!possible(c, t)) continue;
                int code = IommuArch.INTEL_VTD.faultCode(c, t).code();
                boolean withPasid = c == FaultClass.PASID_NOT_ATTACHED || c == FaultClass.PASID_OUT_OF_RANGE;
                FaultClass decoded = DmarFaultReasons.classOf(code, t, withPasid);
                if (decoded != c) differ.add(c + "/" + t + " 0x" + Integer.toHexString(code) + " -> " + decoded);
            }
        }
        assertEquals(List.of(
                // legacy 0x06 "PTE Read access is not set" is what an unmapped IOVA reports too
                "READ_NOT_PERMITTED/READ 0x6 -> NOT_PRESENT",
                // 0x51: no PASID directory entry; on real hardware a PASID never attached (0x46 is "larger than the max")
                "PASID_OUT_OF_RANGE/READ 0x51 -> PASID_NOT_ATTACHED", "PASID_OUT_OF_RANGE/WRITE 0x51 -> PASID_NOT_ATTACHED"), differ);
    }

    @Test
    void smmuv3CodesOfTheSimulatorDecodeToTheirClass() {
        List<String> differ = new ArrayList<>();
        for (FaultClass c : FaultClass.values()) {
            for (AccessType t : AccessType.values()) {
                if (!possible(c, t)) continue;
                int code = IommuArch.ARM_SMMUV3.faultCode(c, t).code();
                boolean ssv = c == FaultClass.PASID_NOT_ATTACHED || c == FaultClass.PASID_OUT_OF_RANGE;
                FaultClass decoded = SmmuEvents.classOf(code, t, ssv, false);
                if (decoded != c) differ.add(c + "/" + t + " 0x" + Integer.toHexString(code) + " -> " + decoded);
            }
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void riscvCodesOfTheSimulatorDecodeToTheirClass() {
        List<String> differ = new ArrayList<>();
        for (FaultClass c : FaultClass.values()) {
            for (AccessType t : AccessType.values()) {
                if (!possible(c, t)) continue;
                int code = IommuArch.RISCV.faultCode(c, t).code();
                FaultClass decoded = RiscvIommuCauses.classOf(code);
                if (decoded != c) differ.add(c + "/" + t + " " + code + " -> " + decoded);
            }
        }
        // a RISC-V page fault is raised for an invalid leaf, a permission violation and a too-wide address alike, and
        // 260 "transaction type disallowed" for more than a PASID out of range: the log cannot name those classes
        assertEquals(List.of("NOT_PRESENT/READ 13 -> null", "NOT_PRESENT/WRITE 15 -> null",
                "WRITE_NOT_PERMITTED/WRITE 15 -> null", "READ_NOT_PERMITTED/READ 13 -> null",
                "PASID_OUT_OF_RANGE/READ 260 -> null", "PASID_OUT_OF_RANGE/WRITE 260 -> null",
                "ADDRESS_SIZE/READ 13 -> null", "ADDRESS_SIZE/WRITE 15 -> null"), differ);
    }

    /** A write is never refused for lack of read permission, nor a read for lack of write permission. */
    private static boolean possible(FaultClass c, AccessType t) {
        return !(c == FaultClass.WRITE_NOT_PERMITTED && t == AccessType.READ || c == FaultClass.READ_NOT_PERMITTED && t == AccessType.WRITE);
    }
}

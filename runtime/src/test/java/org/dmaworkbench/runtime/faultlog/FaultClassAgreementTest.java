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
                int code = IommuArch.INTEL_VTD.faultCode(c, t).code();
                boolean withPasid = c == FaultClass.PASID_NOT_ATTACHED || c == FaultClass.PASID_OUT_OF_RANGE;
                FaultClass decoded = DmarFaultReasons.classOf(code, t, withPasid);
                if (decoded != c) differ.add(c + "/" + t + " 0x" + Integer.toHexString(code) + " -> " + decoded);
            }
        }
        assertEquals(List.of(
                // legacy 0x06 "PTE Read access is not set" is what an unmapped IOVA reports too
                "READ_NOT_PERMITTED/READ 0x6 -> NOT_PRESENT", "READ_NOT_PERMITTED/WRITE 0x6 -> NOT_PRESENT",
                // 0x51: no PASID directory entry; on real hardware a PASID never attached (0x46 is "larger than the max")
                "PASID_OUT_OF_RANGE/READ 0x51 -> PASID_NOT_ATTACHED", "PASID_OUT_OF_RANGE/WRITE 0x51 -> PASID_NOT_ATTACHED"), differ);
    }
}

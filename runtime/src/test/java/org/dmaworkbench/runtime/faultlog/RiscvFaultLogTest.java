package org.dmaworkbench.runtime.faultlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.junit.jupiter.api.Test;

/** riscv_iommu_fault()'s line of drivers/iommu/riscv/iommu.c (faultlog/riscv/). */
class RiscvFaultLogTest {

    @Test
    void whatTheDriverPrintsIsDecoded() {
        CollectingListener l = CollectingListener.read("riscv/iommu-v6.13.dmesg");
        DecodedFault rd = l.at(2);
        assertEquals(FaultFamily.RISCV, rd.family());
        assertEquals("devid 0x10", rd.device());
        assertEquals(Optional.empty(), rd.bdf());
        assertEquals("0000:00:02.0 (if the device ID is the PCI requester ID)", rd.fields().get("devid-as-pci"));
        assertEquals(0x80001000L, rd.address());
        assertEquals(AccessType.READ, rd.access());
        assertFalse(rd.hasPasid(), "the driver does not print PV/PID");
        assertEquals(13, rd.rawCode());
        assertEquals("read page fault", rd.codeName());
        assertNull(rd.faultClass(), "a RISC-V page fault is not-present or a permission violation: the cause does not say");
        assertEquals("DMA read of 0x80001000 by devid 0x10 was refused (RISC-V IOMMU cause 13: read page fault; no valid leaf PTE,"
                + " or one without the permission: the cause does not say which)", rd.explanation());
        assertEquals("10010000.iommu", rd.fields().get("iommu"));
        assertEquals(AccessType.WRITE, l.at(3).access());
        assertEquals(FaultClass.BLOCKED, l.at(5).faultClass());
        assertEquals("request by devid 0x18 was blocked: no domain translates this requester (RISC-V IOMMU cause 258: DDT entry not valid)",
                l.at(5).explanation());
        assertEquals(FaultClass.PASID_NOT_ATTACHED, l.at(6).faultClass());
        assertTrue(rd.addressIsIova());
        assertFalse(l.at(5).addressIsIova(), "what iotval holds for a DDT fault is not in the line");
        assertEquals("0x1fc00000", l.at(7).fields().get("iotval2"));
        assertEquals(List.of("iommu-v6.13.dmesg:8 RISCV 9"), l.suppressed);
        assertEquals("devid 0x10: unknown cause 300 (not in the RISC-V IOMMU spec's cause table), iotval 0x0", l.at(9).explanation());
        assertEquals("devid 0x10: custom (implementation-defined) cause 2049, iotval 0x0", l.at(10).explanation());
        assertEquals(List.of("iommu-v6.13.dmesg:11: RISC-V IOMMU fault line cannot be read: expected"
                + " 'Fault CAUSE devid: 0xID iotval: HEX iotval2: HEX'"), l.warnings);
        assertEquals(7, l.faults.size(), l.events::toString);
    }
}

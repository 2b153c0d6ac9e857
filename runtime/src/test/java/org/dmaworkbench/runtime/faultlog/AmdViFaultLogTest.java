package org.dmaworkbench.runtime.faultlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.junit.jupiter.api.Test;

/** AMD-Vi event lines of drivers/iommu/amd/iommu.c in the forms of the releases (faultlog/amdvi/). */
class AmdViFaultLogTest {

    @Test
    void pageFaultsDecodedFlagByFlag() {
        CollectingListener l = CollectingListener.read("amdvi/pci-err-v6.dmesg");
        assertEquals(List.of(), l.warnings);
        DecodedFault np = l.at(3);
        assertEquals(FaultFamily.AMD_VI, np.family());
        assertEquals("0000:03:00.0", np.device());
        assertEquals(Optional.of(Bdf.parse("0000:03:00.0")), np.bdf());
        assertEquals(0x64a7f000L, np.address());
        assertNull(np.access(), "RW means nothing for a page that is not present");
        assertEquals(FaultClass.NOT_PRESENT, np.faultClass());
        assertEquals("IO_PAGE_FAULT", np.codeName());
        assertEquals(2, np.rawCode());
        assertEquals("DMA access to 0x64a7f000 by 0000:03:00.0 hit a not-present entry"
                + " (AMD-Vi IO_PAGE_FAULT, domain 0x0010, flags 0x0000 (PR=0 page not present))", np.explanation());
        assertEquals("0x0010", np.fields().get("domain"));
        for (String bit : List.of("GN", "NX", "US", "I", "PR", "RW", "PE", "RZ", "TR")) assertEquals("0", np.fields().get(bit), bit);

        DecodedFault w = l.at(5);
        assertEquals(AccessType.WRITE, w.access());
        assertEquals(FaultClass.WRITE_NOT_PERMITTED, w.faultClass());
        assertEquals("0x0070 (PR page present, RW write, PE permission violation)", w.fields().get("flags"));
        assertEquals("1", w.fields().get("PE"));
        DecodedFault r = l.at(6);
        assertEquals(AccessType.READ, r.access());
        assertEquals(FaultClass.READ_NOT_PERMITTED, r.faultClass());

        DecodedFault irq = l.at(7);
        assertTrue(irq.isInterrupt());
        assertNull(irq.faultClass());
        assertTrue(irq.explanation().startsWith("interrupt request to 0xfee00000 by 0000:28:00.0 was refused by interrupt remapping"));

        DecodedFault guest = l.at(8);
        assertEquals(3, guest.pasid(), "GN=1: the domain field is the PASID");
        assertEquals(FaultClass.NOT_PRESENT, guest.faultClass());
        assertTrue(guest.explanation().contains("with PASID 0x3"), guest.explanation());
        assertNull(l.at(9).faultClass(), "RZ: reserved bits, no class");
        assertTrue(l.at(9).explanation().contains("reserved bits"), l.at(9).explanation());

        DecodedFault fallback = l.at(10);
        assertEquals(Optional.of(Bdf.parse("0000:07:00.0")), fallback.bdf());

        DecodedFault dte = l.at(11);
        assertEquals("ILLEGAL_DEV_TABLE_ENTRY", dte.codeName());
        assertEquals(1, dte.rawCode());
        assertEquals(Optional.of(Bdf.parse("0000:00:14.0")), dte.bdf());
        assertEquals("ivhd0", dte.fields().get("iommu"));
        assertNull(dte.faultClass());
        assertFalse(dte.hasPasid(), "pasid=0x00000");
        assertEquals("0000:00:14.0: AMD-Vi ILLEGAL_DEV_TABLE_ENTRY at 0xfffffffdf8000000 (iova): the requester's device table"
                + " entry is invalid or illegal", dte.explanation());
        assertEquals(5, l.at(12).pasid());
        assertEquals("INVALID_DEVICE_REQUEST", l.at(12).codeName());
        assertEquals(7, l.at(13).rawCode());
        DecodedFault rmp = l.at(14);
        assertEquals("RMP_PAGE_FAULT", rmp.codeName());
        assertEquals(0x80001000L, rmp.address());
        assertEquals("guest physical", rmp.fields().get("address-kind"));
        assertEquals("0x0001", rmp.fields().get("vmg_tag"));
        DecodedFault unknown = l.at(15);
        assertEquals(0xb, unknown.rawCode());
        assertEquals("ivhd0: unknown AMD-Vi event type 0xb (not in the AMD-Vi event table)", unknown.explanation());
        assertEquals(List.of("pci-err-v6.dmesg:16 AMD_VI 123"), l.suppressed);
        assertEquals(1, l.lost.size());
        assertEquals("physical (page table entry)", l.at(18).fields().get("address-kind"));
        assertFalse(l.at(18).addressIsIova());
        assertTrue(np.addressIsIova());
        assertFalse(irq.addressIsIova());
        assertFalse(rmp.addressIsIova());
        assertTrue(dte.addressIsIova());
        DecodedFault noDomain = l.at(19);
        assertEquals(FaultClass.BLOCKED, noDomain.faultClass());
        assertEquals(Optional.of(Bdf.parse("0000:41:00.0")), noDomain.bdf());
        assertFalse(noDomain.addressIsIova(), "the report prints no address");
        assertEquals("I/O page fault by 0000:41:00.0, which is attached to no domain (amd_iommu_report_page_fault(): 'Device not"
                + " attached to domain properly', domain 0x0000; address and flags not printed)", noDomain.explanation());
        assertEquals(List.of("DEV_TAB_HARDWARE_ERROR 3 physical (device table entry)", "ILLEGAL_COMMAND_ERROR 5 physical (command)",
                "COMMAND_HARDWARE_ERROR 6 physical (command)", "INVALID_PPR_REQUEST 9 iova", "RMP_HW_ERROR 14 system physical"),
                l.faults.subList(14, 19).stream().map(f -> f.codeName() + " " + f.rawCode() + " " + f.fields().get("address-kind")).toList());
        assertEquals(2, l.at(24).pasid());
        assertEquals("0x01a", l.at(24).fields().get("tag"));
        assertEquals(0x80002000L, l.at(25).address());
        assertEquals(19, l.faults.size(), l.events::toString);
    }

    @Test
    void olderFormsAndAWrappedLine() {
        CollectingListener l = CollectingListener.read("amdvi/old-forms-v4.dmesg");
        assertEquals(List.of(), l.warnings);
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L), l.faults.stream().map(DecodedFault::line).toList());
        assertEquals(Optional.of(Bdf.parse("0000:0a:00.0")), l.at(1).bdf(), "bb:dd.f is segment 0");
        assertEquals(0x637c000L, l.at(1).address());
        assertEquals(Optional.of(Bdf.parse("0000:00:14.0")), l.at(2).bdf());
        assertEquals(AccessType.READ, l.at(3).access(), "PR=1, RW=0");
        assertNull(l.at(3).faultClass(), "present, no permission error: the flags name no class");
        DecodedFault wrapped = l.at(4);
        assertEquals(0xffffffffffec0000L, wrapped.address());
        assertEquals(Optional.of(Bdf.parse("0000:23:00.0")), wrapped.bdf());
        assertEquals(0x7fffff00300L, l.at(6).address());
    }

    @Test
    void malformedLinesAreWarningsAndUnknownTypesAreSaid() {
        CollectingListener l = CollectingListener.read("amdvi/malformed.log");
        assertEquals(List.of("malformed.log:1: AMD-Vi event line cannot be read: device 'zz:00.0' is no PCI address",
                "malformed.log:4: AMD-Vi event line cannot be read: IO_PAGE_FAULT without flags=",
                "malformed.log:5: AMD-Vi event line cannot be read: 'Device not attached to domain properly' without its"
                        + " 'device=... domain=...' line"), l.warnings);
        DecodedFault bogus = l.at(2);
        assertEquals(-1, bogus.rawCode());
        assertEquals("BOGUS_TYPE", bogus.codeName());
        assertTrue(bogus.explanation().contains("not in the AMD-Vi event table"), bogus.explanation());
        assertTrue(l.at(3).fields().get("flags").contains("undefined bits 0xf000"), l.at(3).fields().toString());
    }
}

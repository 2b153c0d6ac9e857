package org.dmaworkbench.runtime.faultlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.junit.jupiter.api.Test;

/** VT-d fault lines of drivers/iommu/intel/dmar.c in the forms of the kernel releases (fixtures: faultlog/vtd/README.md). */
class VtdFaultLogTest {

    @Test
    void scalableModeLinesOfCurrentKernels() {
        CollectingListener l = CollectingListener.read("vtd/scalable-v6.dmesg");
        assertEquals(List.of(), l.warnings);
        assertEquals(6, l.faults.size(), l.events::toString);

        DecodedFault w = l.at(5);
        assertEquals(FaultFamily.VTD, w.family());
        assertEquals("6a:01.0", w.device());
        assertEquals(Bdf.parse("0000:6a:01.0"), w.bdf().orElseThrow());
        assertEquals(0xffffd000L, w.address());
        assertEquals(AccessType.WRITE, w.access());
        assertFalse(w.hasPasid());
        assertEquals(0x85, w.rawCode());
        assertEquals("0x85", w.codeName());
        assertEquals(FaultClass.WRITE_NOT_PERMITTED, w.faultClass());
        assertEquals("DMA write to 0xffffd000 by 0000:6a:01.0 hit an entry without write permission"
                + " (VT-d fault reason 0x85: SM: No write permission for Write/AtomicOp request)", w.explanation());
        assertEquals("0x2 (PPF primary pending fault, FRI 0)", w.fields().get("fault-status"));
        assertEquals("15.001004", w.fields().get("time"));
        assertEquals("scalable", w.fields().get("mode"));

        DecodedFault p = l.at(7);
        assertEquals(1, p.pasid());
        assertEquals(AccessType.READ, p.access());
        assertEquals(FaultClass.NOT_PRESENT, p.faultClass());
        assertEquals("DMA read of 0xfffe0000 by 0000:6a:01.0 with PASID 0x1 hit a not-present entry"
                + " (VT-d fault reason 0x71: SM: Present bit in first-level paging entry is clear)", p.explanation());

        // the same reason, 0x59, is a PASID without domain for a tagged request and a blocked RID without PASID
        assertEquals(FaultClass.PASID_NOT_ATTACHED, l.at(9).faultClass());
        assertEquals("0x102 (PPF primary pending fault, FRI 1)", l.at(9).fields().get("fault-status"));
        assertEquals(FaultClass.BLOCKED, l.at(11).faultClass());
        assertTrue(l.at(11).explanation().contains("RID2PASID"), l.at(11).explanation());

        DecodedFault irq = l.at(12);
        assertTrue(irq.isInterrupt());
        assertFalse(irq.addressIsIova());
        assertTrue(w.addressIsIova());
        assertNull(irq.faultClass());
        assertNull(irq.access());
        assertEquals(0x8000, irq.address());
        assertEquals("interrupt request with index 0x8000 from 0000:f0:1f.0 was refused by interrupt remapping"
                + " (VT-d fault reason 0x25: Blocked a compatibility format interrupt request)", irq.explanation());

        assertEquals(List.of("scalable-v6.dmesg:14 VTD 41"), l.suppressed);
        assertEquals(1, l.lost.size());
        assertTrue(l.lost.get(0).startsWith("scalable-v6.dmesg:10 VTD VT-d primary fault overflow"), l.lost::toString);
    }

    @Test
    void pasidInTheLineWithDecimalReasonsOfV55ToV513() {
        CollectingListener l = CollectingListener.read("vtd/pasid-in-line-v5.5.dmesg");
        assertEquals(List.of(), l.warnings);
        assertEquals(List.of("pasid-in-line-v5.5.dmesg:2 VTD 893"), l.suppressed);
        DecodedFault none = l.at(4);
        assertFalse(none.hasPasid(), "PASID ffffffff is the -1 of a request without PASID");
        assertEquals(0x9c000000L, none.address());
        assertEquals(0x06, none.rawCode());
        assertEquals(FaultClass.NOT_PRESENT, none.faultClass());
        assertTrue(none.explanation().startsWith("DMA read of 0x9c000000 by 0000:00:02.0 hit a not-present entry"
                + " (VT-d fault reason 0x06: PTE Read access is not set; legacy second-level PTEs have no present bit"), none.explanation());
        DecodedFault sm = l.at(5);
        assertEquals(3, sm.pasid());
        assertEquals(0x85, sm.rawCode(), "%02d printed 0x85 as 133");
        assertEquals(FaultClass.WRITE_NOT_PERMITTED, sm.faultClass());
        assertEquals(0x07, l.at(6).rawCode());
        assertNull(l.at(6).faultClass());
        assertEquals("DMA read of 0x70ad5000 by 0000:00:02.0 was refused (VT-d fault reason 0x07: Next page table ptr is invalid)",
                l.at(6).explanation());
        assertEquals(0x0c, l.at(7).rawCode(), "decimal 12");
    }

    @Test
    void hexPrefixedBusAndDeviceOfV514() {
        CollectingListener l = CollectingListener.read("vtd/hex-bdf-v5.14.dmesg");
        assertEquals(List.of(), l.warnings);
        assertEquals(Bdf.parse("00:02.0"), l.at(2).bdf().orElseThrow());
        assertEquals(0x0c, l.at(2).rawCode());
        assertEquals(0x70a28000L, l.at(2).address());
        assertEquals(Bdf.parse("f0:1f.0"), l.at(3).bdf().orElseThrow());
        assertEquals(0x22, l.at(3).rawCode());
        assertTrue(l.at(3).isInterrupt());
    }

    @Test
    void linesWithoutPasidInASyslogFile() {
        CollectingListener l = CollectingListener.read("vtd/no-pasid-v4.syslog");
        assertEquals(List.of(), l.warnings);
        assertEquals(4, l.faults.size(), l.events::toString);
        assertEquals(0L, l.at(1).address());
        assertEquals(AccessType.WRITE, l.at(1).access());
        assertEquals(FaultClass.NOT_PRESENT, l.at(1).faultClass());
        assertEquals("10672.868940", l.at(1).fields().get("time"));
        assertEquals(List.of("no-pasid-v4.syslog:4 VTD 2474"), l.suppressed);
        assertEquals(FaultClass.BLOCKED, l.at(6).faultClass());
        assertEquals(Bdf.parse("99:00.0"), l.at(6).bdf().orElseThrow());
        assertEquals(0x25, l.at(7).rawCode(), "decimal 37");
    }

    @Test
    void twoLineRecordsOfOldKernels() {
        CollectingListener l = CollectingListener.read("vtd/two-line-v3.dmesg");
        assertEquals(List.of(), l.warnings);
        assertEquals(2, l.faults.size(), l.events::toString);
        DecodedFault d = l.at(2);
        assertEquals(0x6df084000L, d.address());
        assertEquals(0x05, d.rawCode());
        assertEquals("0x2 (PPF primary pending fault, FRI 0)", d.fields().get("fault-status"));
        DecodedFault irq = l.at(4);
        assertTrue(irq.isInterrupt());
        assertEquals(0x14, irq.address());
        assertEquals(0x22, irq.rawCode(), "decimal 34");
    }

    @Test
    void journalctlSyslogAndDmesgDecorations() {
        CollectingListener l = CollectingListener.read("vtd/journalctl-k.log");
        assertEquals(List.of(), l.warnings);
        assertEquals(List.of(3L, 5L, 6L, 7L, 8L), l.faults.stream().map(DecodedFault::line).toList());
        assertEquals(FaultClass.ADDRESS_SIZE, l.at(6).faultClass());
        assertEquals("0x2 (PPF primary pending fault, FRI 0)", l.at(3).fields().get("fault-status"));
        assertNull(l.at(5).fields().get("fault-status"), "the nvme line in between ends the status's faults");
        for (DecodedFault f : l.faults) assertEquals(Bdf.parse("02:00.0"), f.bdf().orElseThrow());
        assertEquals("2026-12-03T13:59:59.123456+00:00", l.at(5).fields().get("time"));
        assertEquals("Thu Dec  3 13:59:59 2026", l.at(8).fields().get("time"));
    }

    @Test
    void unknownCodesWrappedLinesAndMalformedOnes() {
        CollectingListener l = CollectingListener.read("vtd/malformed.log");
        DecodedFault u = l.at(1);
        assertNull(u.faultClass());
        assertEquals("DMA write to 0xffffd000 by 0000:6a:01.0: unknown reason code 0x27 (not in dmar.c's table)", u.explanation());
        assertEquals("DMA read of 0x3000 by 0000:6a:01.0: unknown reason code 0x33 (not in dmar.c's table)", l.at(2).explanation());
        assertNull(l.at(8).faultClass());
        assertTrue(l.at(8).explanation().endsWith("unknown reason code 0x9f (not in dmar.c's table)"));

        DecodedFault wrapped = l.at(4);
        assertEquals(0x7cd80000L, wrapped.address());
        assertEquals(0x01, wrapped.rawCode());

        assertEquals(List.of(
                "malformed.log:3: VT-d DMAR fault line cannot be read: expected '[DMA Read|DMA Write ...] Request device [bb:dd.f]"
                        + " fault addr ...' or '[INTR-REMAP] Request device [bb:dd.f] fault index ...'",
                "malformed.log:6: VT-d DMAR fault line cannot be read: no '[fault reason NN]' after the fault address"), l.warnings);
        assertEquals(0x06, l.at(9).rawCode());
        assertEquals(5, l.faults.size(), l.events::toString);
    }

    @Test
    void aRecordCutAtTheEndOfTheFileIsAWarning() {
        CollectingListener l = CollectingListener.readLines("DMAR:[DMA Write] Request device [00:02.0] fault addr 6df084000 ");
        assertEquals(List.of("t.log:1: VT-d DMAR fault line cannot be read: no '[fault reason NN]' after the fault address"), l.warnings);
        assertEquals(List.of(), l.faults);
    }

    @Test
    void printedTextThatDisagreesWithTheCodeIsKeptApart() {
        CollectingListener l = CollectingListener.readLines(
                "DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x1000 [fault reason 0x06] PTE Write access is not set");
        assertEquals(0x06, l.at(1).rawCode());
        assertEquals("PTE Read access is not set", l.at(1).fields().get("reason-text"));
        assertEquals("PTE Write access is not set", l.at(1).fields().get("printed-text"));
    }

    @Test
    void unrelatedLinesAreNeitherFaultsNorWarnings() {
        CollectingListener l = CollectingListener.readLines(
                "[    0.412233] DMAR: Intel(R) Virtualization Technology for Directed I/O",
                "[    0.5] DMAR: dmar0: reg_base_addr fed90000 ver 4:0 cap 1c0000c40660462 ecap 29a00f0505e",
                "[    1.0] net_ratelimit: 12 callbacks suppressed",
                "[    2.0] pcieport 0000:00:1c.0: Request device [weird] from a different subsystem",
                "");
        assertEquals(List.of(), l.events);
    }
}

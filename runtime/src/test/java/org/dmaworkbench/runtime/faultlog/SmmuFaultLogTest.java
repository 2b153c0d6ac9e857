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

/** SMMUv3 event records of arm-smmu-v3.c, raw (all versions) and with v6.15's decoded lines (faultlog/smmuv3/). */
class SmmuFaultLogTest {

    @Test
    void rawRecordsAreDecodedWordByWord() {
        CollectingListener l = CollectingListener.read("smmuv3/raw-v6.6.dmesg");
        assertEquals(List.of(), l.warnings);
        assertEquals(List.of(3L, 9L, 14L, 20L, 25L, 31L), l.faults.stream().map(DecodedFault::line).toList(), l.events::toString);

        DecodedFault t = l.at(3);
        assertEquals(FaultFamily.SMMUV3, t.family());
        assertEquals("F_TRANSLATION", t.codeName());
        assertEquals(0x10, t.rawCode());
        assertEquals("sid 0x200", t.device());
        assertEquals(Optional.empty(), t.bdf(), "a StreamID is not known to be a PCI requester ID");
        assertEquals(0xfffff000L, t.address());
        assertEquals(AccessType.READ, t.access());
        assertFalse(t.hasPasid());
        assertEquals(FaultClass.NOT_PRESENT, t.faultClass());
        assertEquals("DMA read of 0xfffff000 by StreamID 0x200 on arm-smmu-v3.0.auto hit a not-present entry (SMMUv3 event 0x10"
                + " F_TRANSLATION: no valid translation for the address; stage 1, Input address caused fault)", t.explanation());
        assertEquals("0x200", t.fields().get("SID"));
        assertEquals("1 (read)", t.fields().get("RnW"));
        assertEquals("0 (unprivileged)", t.fields().get("PnU"));
        assertEquals("0 (data)", t.fields().get("InD"));
        assertEquals("0 (stage 1)", t.fields().get("S2"));
        assertEquals("2 (Input address caused fault)", t.fields().get("CLASS"));
        assertEquals("0", t.fields().get("STALL"));
        assertEquals("arm-smmu-v3.0.auto", t.fields().get("smmu"));
        assertEquals("12.000100", t.fields().get("time"));

        DecodedFault p = l.at(9);
        assertEquals(AccessType.WRITE, p.access());
        assertEquals(5, p.pasid());
        assertEquals(0x0000ffff80001000L, p.address());
        assertEquals(FaultClass.WRITE_NOT_PERMITTED, p.faultClass());

        DecodedFault ss = l.at(14);
        assertEquals("C_BAD_SUBSTREAMID", ss.codeName());
        assertEquals(0x42, ss.pasid());
        assertNull(ss.access(), "word 1 holds no RnW for configuration errors");
        assertEquals(FaultClass.PASID_OUT_OF_RANGE, ss.faultClass());
        assertFalse(ss.fields().containsKey("RnW"));

        assertEquals(List.of("raw-v6.6.dmesg:19 SMMUV3 12"), l.suppressed);
        assertEquals("C_BAD_STE", l.at(20).codeName());
        assertFalse(l.at(20).addressIsIova(), "a configuration error records no input address");
        assertTrue(t.addressIsIova());
        assertNull(l.at(20).faultClass());

        DecodedFault walk = l.at(25);
        assertNull(walk.faultClass(), "a permission fault on the table walk is not the access's permission");
        assertEquals("1 (read)", walk.fields().get("TT_READ"));
        assertEquals("1 (stage 2)", walk.fields().get("S2"));
        assertEquals("1 (privileged)", walk.fields().get("PnU"));
        assertEquals("0x41234000", walk.fields().get("IPA"));

        assertEquals(1, l.lost.size());
        assertTrue(l.lost.get(0).startsWith("raw-v6.6.dmesg:30 SMMUV3"), l.lost::toString);
        DecodedFault unknown = l.at(31);
        assertEquals(0x3f, unknown.rawCode());
        assertEquals("0x3f", unknown.codeName());
        assertNull(unknown.faultClass());
        assertEquals("request by StreamID 0x8 on arm-smmu-v3.0.auto: unknown event ID 0x3f (not in the SMMUv3 event table)",
                unknown.explanation());
    }

    @Test
    void v615DecodedLinesNameTheClient() {
        CollectingListener l = CollectingListener.read("smmuv3/decoded-v6.15.dmesg");
        assertEquals(List.of(), l.warnings);
        assertEquals(4, l.faults.size(), l.events::toString);
        DecodedFault t = l.at(2);
        assertEquals("0000:02:00.0", t.device());
        assertEquals(Optional.of(Bdf.parse("0000:02:00.0")), t.bdf());
        assertEquals("DMA read of 0xfffff000 by 0000:02:00.0 (StreamID 0x200) hit a not-present entry (SMMUv3 event 0x10"
                + " F_TRANSLATION: no valid translation for the address; stage 1, Input address caused fault)", t.explanation());
        assertEquals(FaultClass.WRITE_NOT_PERMITTED, l.at(9).faultClass());
        assertEquals(List.of("decoded-v6.15.dmesg:16 SMMUV3 7"), l.suppressed);
        DecodedFault ste = l.at(17);
        assertEquals("sid 0x300", ste.device(), "(unassigned sid) names no client");
        DecodedFault fetch = l.at(23);
        assertEquals("F_CD_FETCH", fetch.codeName());
        assertEquals("0x81234560", fetch.fields().get("FETCH_ADDR"));
    }

    @Test
    void decodedLinesAloneAreEnough() {
        CollectingListener l = CollectingListener.read("smmuv3/decoded-only.journal");
        assertEquals(3, l.faults.size(), l.events::toString);
        DecodedFault t = l.at(1);
        assertEquals(AccessType.WRITE, t.access());
        assertEquals(3, t.pasid());
        assertEquals(0x7f001000L, t.address());
        assertEquals(FaultClass.NOT_PRESENT, t.faultClass());
        assertEquals(Optional.of(Bdf.parse("0000:02:00.0")), t.bdf());
        assertEquals(FaultClass.ADDRESS_SIZE, l.at(3).faultClass());
        assertNull(l.at(3).access(), "the decoded line without its second line says nothing of the access");
        assertEquals(FaultClass.PASID_NOT_ATTACHED, l.at(4).faultClass());
        assertEquals(List.of("decoded-only.journal:5: SMMUv3 event line cannot be read: expected"
                + " 'event: NAME client: DEV sid: N ssid: N ...'"), l.warnings);
    }

    @Test
    void recordsCutShortOrRetypedAreWarningsWithTheirLine() {
        CollectingListener l = CollectingListener.read("smmuv3/truncated.log");
        assertEquals(List.of(
                "truncated.log:1: SMMUv3 event record cut short: 2 of its 4 words follow 'event 0x10 received:'",
                "truncated.log:10: SMMUv3 event header says 0x10 but word 0 holds event 0x11; decoded from the words",
                "truncated.log:15: SMMUv3 event record cut short: 3 of its 4 words follow 'event 0x10 received:'"), l.warnings);
        assertEquals(List.of(5L, 10L), l.faults.stream().map(DecodedFault::line).toList());
        assertEquals(FaultClass.ADDRESS_SIZE, l.at(5).faultClass());
        assertEquals(0x2000L, l.at(10).address());
    }
}

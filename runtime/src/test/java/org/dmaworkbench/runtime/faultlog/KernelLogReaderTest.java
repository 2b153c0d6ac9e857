package org.dmaworkbench.runtime.faultlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reader over a log of every family and over broken text: what is reported, in order, and that nothing escapes. */
class KernelLogReaderTest {
    private static final String[] FIXTURES = {"vtd/scalable-v6.dmesg", "vtd/pasid-in-line-v5.5.dmesg", "vtd/hex-bdf-v5.14.dmesg",
        "vtd/no-pasid-v4.syslog", "vtd/two-line-v3.dmesg", "vtd/journalctl-k.log", "vtd/malformed.log", "smmuv3/raw-v6.6.dmesg",
        "smmuv3/decoded-v6.15.dmesg", "smmuv3/truncated.log", "smmuv3/decoded-only.journal", "amdvi/pci-err-v6.dmesg",
        "amdvi/old-forms-v4.dmesg", "amdvi/malformed.log", "riscv/iommu-v6.13.dmesg", "mixed/all-families.log"};

    @Test
    void everyFamilyInOneJournalWithOtherLines() {
        CollectingListener l = CollectingListener.read("mixed/all-families.log");
        assertEquals(List.of(
                "fault all-families.log:3 0x05",
                "fault all-families.log:5 F_TRANSLATION",
                "fault all-families.log:10 IO_PAGE_FAULT",
                "fault all-families.log:11 write/AMO page fault",
                "suppressed all-families.log:12", "suppressed all-families.log:13", "suppressed all-families.log:14",
                "suppressed all-families.log:15",
                "warning all-families.log:17",
                "fault all-families.log:19 0x06"), l.events);
        assertEquals(List.of("all-families.log:12 VTD 3", "all-families.log:13 SMMUV3 4", "all-families.log:14 AMD_VI 5",
                "all-families.log:15 RISCV 6"), l.suppressed);
        assertEquals(18, l.suppressedTotal);
        assertEquals(List.of("all-families.log:17: SMMUv3 event record cut short: 1 of its 4 words follow 'event 0x10 received:'"),
                l.warnings);
        assertEquals(FaultFamily.VTD, l.at(3).family());
        assertEquals(FaultFamily.SMMUV3, l.at(5).family());
        assertEquals(FaultFamily.AMD_VI, l.at(10).family());
        assertEquals(FaultFamily.RISCV, l.at(11).family());
    }

    @Test
    void isKernelLogLineRecognisesEachFamilyAndNothingElse() {
        for (String yes : List.of(
                "[ 1.0] DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x1000 [fault reason 0x06] PTE Read access is not set",
                "DMAR: DRHD: handling fault status reg 3",
                "kernel: dmar_fault: 12 callbacks suppressed",
                "arm-smmu-v3 arm-smmu-v3.0.auto: event 0x10 received:",
                "arm-smmu-v3 2b400000.iommu: event: F_TRANSLATION client: 0000:02:00.0 sid: 0x200 ssid: 0 iova: 0x1000 ipa: 0",
                "arm-smmu-v3 arm-smmu-v3.0.auto: EVTQ overflow detected -- events lost",
                "xhci_hcd 0000:02:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000f address=0x1000 flags=0x0000]",
                "AMD-Vi: IOMMU event log overflow",
                "riscv,iommu 10010000.iommu: Fault 13 devid: 0x10 iotval: 80001000 iotval2: 0")) {
            assertTrue(KernelLogReader.isKernelLogLine(yes), yes);
        }
        for (String no : List.of("", "DMAR: Intel(R) Virtualization Technology for Directed I/O",
                "net_ratelimit: 100 callbacks suppressed", "arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000020000000010",
                "   kworker/0:1-12    [000] d..1.  1.000000: dma_map_page: 0000:02:00.0 dir=TO_DEVICE dma_addr=1000 size=4096",
                "usb 1-1: new high-speed USB device number 2 using xhci-hcd")) {
            assertFalse(KernelLogReader.isKernelLogLine(no), no);
        }
        assertFalse(KernelLogReader.isKernelLogLine(null));
    }

    @Test
    void aWholeFileAtOnceReportsWhatLineByLineDoes() throws IOException {
        CollectingListener byLine = CollectingListener.read("mixed/all-families.log");
        CollectingListener whole = new CollectingListener();
        try (InputStream in = KernelLogReaderTest.class.getResourceAsStream("/faultlog/mixed/all-families.log")) {
            long n = KernelLogReader.read("all-families.log", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), whole);
            assertEquals(19, n);
        }
        assertEquals(byLine.events, whole.events);
        assertEquals(byLine.faults, whole.faults);
    }

    @Test
    void aLineTooLongForPrintkIsNotDecoded() {
        String longLine = "DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x1000 [fault reason 0x06] " + "x".repeat(5000);
        CollectingListener l = CollectingListener.readLines(longLine, "plain " + "y".repeat(5000));
        assertEquals(List.of("t.log:1: line of " + longLine.length() + " characters is too long for a kernel log line; not decoded"), l.warnings);
        assertEquals(List.of(), l.faults);
    }

    @Test
    void cutAndGarbledFixtureLinesNeverEscapeTheReader() throws IOException {
        // every fixture line cut at every length, and with random characters replaced: no exception, no internal error
        Random random = new Random(11);
        List<String> internal = new ArrayList<>();
        for (String fixture : FIXTURES) {
            for (String line : lines(fixture)) {
                CollectingListener l = new CollectingListener();
                KernelLogReader r = new KernelLogReader(fixture, l);
                long n = 0;
                for (int cut = 0; cut <= line.length(); cut++) r.line(++n, line.substring(0, cut));
                for (int i = 0; i < 20; i++) {
                    char[] c = line.toCharArray();
                    for (int k = 0; k < 3 && c.length > 0; k++) c[random.nextInt(c.length)] = "0xf:.[] =-9Zg\t".charAt(random.nextInt(14));
                    r.line(++n, new String(c));
                }
                r.end();
                for (String w : l.warnings) if (w.contains("internal error")) internal.add(w);
            }
        }
        assertEquals(List.of(), internal);
    }

    private static List<String> lines(String fixture) throws IOException {
        try (InputStream in = KernelLogReaderTest.class.getResourceAsStream("/faultlog/" + fixture)) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }
    }
}

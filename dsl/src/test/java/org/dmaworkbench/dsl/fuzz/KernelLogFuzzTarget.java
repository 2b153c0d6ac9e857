package org.dmaworkbench.dsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.faultlog.DecodedFault;
import org.dmaworkbench.runtime.faultlog.FaultFamily;
import org.dmaworkbench.runtime.faultlog.FaultLogListener;
import org.dmaworkbench.runtime.faultlog.KernelLogReader;

/**
 * The kernel-log reader ({@link KernelLogReader}) on fuzzed logs: raw text, or fault lines of every family (as the
 * runtime's fixtures have them) cut, joined, edited and interleaved by the fuzzer. Nothing may escape the reader,
 * no decoder may fail internally, and every report must point at a line that was read.
 */
public final class KernelLogFuzzTarget {
    private static final String[] SEEDS = {
        "[   15.001004] DMAR: [DMA Write NO_PASID] Request device [6a:01.0] fault addr 0xffffd000 [fault reason 0x85] SM: No write permission for Write/AtomicOp request",
        "[   15.002003] DMAR: [DMA Read PASID 0x1] Request device [6a:01.0] fault addr 0xfffe0000 [fault reason 0x71] SM: Present bit in first-level paging entry is clear",
        "[   15.005000] DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x8000 [fault reason 0x25] Blocked a compatibility format interrupt request",
        "[  144.480641] DMAR: [DMA Read] Request device [00:02.0] PASID ffffffff fault addr 9c000000 [fault reason 06] PTE Read access is not set",
        "[    5.123460] DMAR:[DMA Write] Request device [00:02.0] fault addr 6df084000 ",
        "[    5.123461] DMAR:[fault reason 05] PTE Write access is not set",
        "[    0.938405] DMAR: [DMA Read NO_PASID] Request device [0x00:0x02.0] fault addr 0x70a28000 [fault reason 0x0c] non-zero reserved fields in PTE",
        "Dec  3 10:00:01 lab7 kernel: [10672.869183] DMAR: DRHD: handling fault status reg 3",
        "[   20.100000] dmar_fault: 41 callbacks suppressed",
        "[   12.000100] arm-smmu-v3 arm-smmu-v3.0.auto: event 0x10 received:",
        "[   12.000104] arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000020000000010",
        "[   12.000108] arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000020800000000",
        "[   12.000112] arm-smmu-v3 arm-smmu-v3.0.auto: \t0x00000000fffff000",
        "[   12.000116] arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000",
        "[   30.000120] arm-smmu-v3 2b400000.iommu: event: F_TRANSLATION client: 0000:02:00.0 sid: 0x200 ssid: 0 iova: 0xfffff000 ipa: 0",
        "[   30.000121] arm-smmu-v3 2b400000.iommu: unpriv data read s1 \"Input address caused fault\" stag: 0",
        "[   17.000200] arm-smmu-v3 arm-smmu-v3.0.auto: EVTQ overflow detected -- events lost",
        "[  300.000001] xhci_hcd 0000:02:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000f address=0xfffffff00000 flags=0x0070]",
        "[  300.000006] AMD-Vi: Event logged [IO_PAGE_FAULT device=0000:07:00.0 domain=0x0000 address=0x1000 flags=0x0000]",
        "[  300.000010] AMD-Vi: Event logged [RMP_PAGE_FAULT device=0000:41:00.0, vmg_tag=0x0001, gpa=0x80001000, flags_rmp=0x0001, flags=0x0021]",
        "[  300.000011] iommu ivhd0: AMD-Vi: Event logged [UNKNOWN event[0]=0x00004100 event[1]=0xb0000000 event[2]=0x00000000 event[3]=0x00000000",
        "smartpqi 0000:23:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0000",
        "address=0xffffffffffec0000 flags=0x0010]",
        "[  306.000000] AMD-Vi: Event logged [Device not attached to domain properly]",
        "[  306.000001] AMD-Vi:   device=0000:41:00.0 domain=0x0000",
        "[   42.000001] riscv,iommu 10010000.iommu: Fault 13 devid: 0x10 iotval: 80001000 iotval2: 0",
        "Dec 03 14:00:06 lab kernel: amd_iommu_report_page_fault: 5 callbacks suppressed",
        "kern  :err   : [Thu Dec  3 13:59:59 2026] DMAR: [DMA Read NO_PASID] Request device [02:00.0] fault addr 0xffd20000 [fault reason 0x06] PTE Read access is not set",
        "<3>[ 4001.000200] DMAR: [DMA Read NO_PASID] Request device [02:00.0] fault addr 0xffd1f000 [fault reason 0x06] PTE Read access is not set",
        "[   15.900000] e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None",
    };
    private static final String[] PIECES = {"0x", "ffffffffffffffff", "[", "]", " ", "\t", ":", ".", "=", "0", "999999999999999999999",
        "[fault reason ", "Request device [", "event 0x", " received:", "Event logged [", "Fault ", " devid: 0x", "PASID ",
        "NO_PASID", "\n", "\u0000", "é", "kernel: ", "callbacks suppressed"};

    private KernelLogFuzzTarget() { }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        List<String> lines = new ArrayList<>();
        if (data.consumeBoolean()) {
            for (String l : data.consumeRemainingAsString().split("\n", -1)) lines.add(l);
        } else {
            for (int n = data.consumeInt(1, 12); n > 0 && data.remainingBytes() > 0; n--) {
                StringBuilder b = new StringBuilder(data.pickValue(SEEDS));
                for (int ops = data.consumeInt(0, 3); ops > 0 && data.remainingBytes() > 0; ops--) {
                    int at = data.consumeInt(0, b.length());
                    switch (data.consumeInt(0, 3)) {
                        case 0 -> b.setLength(at);
                        case 1 -> b.insert(at, data.pickValue(PIECES));
                        case 2 -> b.replace(at, Math.min(b.length(), at + data.consumeInt(0, 6)), data.consumeString(6));
                        default -> b.insert(at, data.consumeString(12));
                    }
                }
                lines.add(b.toString());
            }
        }
        Checked listener = new Checked(lines.size());
        KernelLogReader reader = new KernelLogReader("fuzz.log", listener);
        for (int i = 0; i < lines.size(); i++) {
            KernelLogReader.isKernelLogLine(lines.get(i));
            reader.line(i + 1, lines.get(i));
        }
        reader.end();
    }

    /** Fails on an internal error of a decoder and on a report that points outside the lines read. */
    private record Checked(int lines) implements FaultLogListener {
        @Override public void fault(DecodedFault f) {
            check(f.line(), "fault");
            if (f.explanation() == null || f.explanation().isBlank()) throw new AssertionError("fault without explanation: " + f);
            if (f.codeName() == null || f.device() == null) throw new AssertionError("fault without code name or device: " + f);
        }

        @Override public void warning(String fileName, long line, String message) {
            check(line, "warning");
            if (message.contains("internal error")) throw new AssertionError(message);
        }

        @Override public void suppressed(String fileName, long line, FaultFamily family, long count) {
            check(line, "suppressed");
            if (count < 0) throw new AssertionError("negative count " + count);
        }

        @Override public void lost(String fileName, long line, FaultFamily family, String what) { check(line, "lost"); }

        private void check(long line, String what) {
            if (line < 1 || line > lines) throw new AssertionError(what + " at line " + line + " of " + lines);
        }
    }
}

package org.dmaworkbench.runtime.faultlog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.dmaworkbench.runtime.iommu.FaultClass;

/**
 * The line {@code dmar_fault_do_one()} (drivers/iommu/intel/dmar.c) prints, in each of its forms: since v5.15
 * {@code [DMA Read NO_PASID] Request device [bb:dd.f] fault addr 0x%llx [fault reason 0x%02x] %s} (v5.14 with
 * {@code [0x%02x:0x%02x.%d]}), v5.5-v5.13 {@code [DMA Read] Request device [..] PASID %x fault addr %llx
 * [fault reason %02d]} (decimal reason), before that without PASID, and in 3.x kernels split over two lines
 * ({@code DMAR:[fault reason %02d] %s} on the second); {@code [INTR-REMAP] ... fault index} for interrupts.
 */
final class DmarFaultLine {
    /** The text needs another line (it stops before its fault reason) or cannot be read (with why). */
    record Outcome(DecodedFault fault, boolean incomplete, String problem) { }

    static final String ANCHOR = "Request device [";
    private static final String BDF = "\\[+\\s*(?:0x)?([0-9a-fA-F]{1,2})\\s*:\\s*(?:0x)?([0-9a-fA-F]{1,2})\\s*\\.\\s*([0-7])\\s*\\]";
    private static final Pattern DMA = Pattern.compile(
            "\\[\\s*(DMA Read|DMA Write)(?:\\s+(NO_PASID|w/o PASID|(?:w/ )?PASID\\s+(?:0x)?([0-9a-fA-F]+)))?\\s*\\]\\s*"
            + "Request device\\s*" + BDF
            + "(?:\\s+PASID\\s+(?:0x)?([0-9a-fA-F]+))?\\s+fault addr\\s+(?:0x)?([0-9a-fA-F]+)(?=\\s|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTR = Pattern.compile(
            "(?:\\[\\s*INTR-REMAP\\s*\\]|INTR-REMAP:)\\s*Request device\\s*" + BDF
            + "\\s+fault index\\s+(?:0x)?([0-9a-fA-F]+)(?=\\s|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REASON = Pattern.compile(
            "^\\s*(?:(?:DMAR|INTR-REMAP):\\s*)?\\[\\s*fault reason\\s+(0x)?([0-9a-fA-F]{1,4})(h)?\\s*\\]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    private DmarFaultLine() { }

    /** Reads one (possibly joined) fault text; {@code status} is the last DRHD fault status or null. */
    static Outcome read(String fileName, long line, String time, String text, String status) {
        Matcher dma = DMA.matcher(text);
        Matcher intr = INTR.matcher(text);
        boolean isDma = dma.find();
        boolean isIntr = !isDma && intr.find();
        if (!isDma && !isIntr) return new Outcome(null, true, "expected '[DMA Read|DMA Write ...] Request device [bb:dd.f] fault addr ...'"
                + " or '[INTR-REMAP] Request device [bb:dd.f] fault index ...'");
        Matcher head = isDma ? dma : intr;
        String rest = text.substring(head.end());
        Matcher reason = REASON.matcher(rest);
        if (!reason.find()) {
            boolean cut = rest.isBlank() || rest.trim().matches("(?i)(?:(?:DMAR|INTR-REMAP):\\s*)?\\[?\\s*(fault(\\s+reason(\\s+\\S*)?)?)?");
            return new Outcome(null, cut, "no '[fault reason NN]' after the " + (isDma ? "fault address" : "fault index"));
        }
        int b = isDma ? 4 : 1;
        int bus = Integer.parseInt(head.group(b), 16), dev = Integer.parseInt(head.group(b + 1), 16);
        int fn = Integer.parseInt(head.group(b + 2));
        if (dev > 0x1f) return new Outcome(null, false, "device number 0x" + Integer.toHexString(dev) + " is above 0x1f");
        Bdf bdf = new Bdf(0, bus, dev, fn);
        String printedDevice = head.group(b) + ":" + head.group(b + 1) + "." + head.group(b + 2);
        String printedText = reason.group(4).trim();
        int code = reasonCode(reason.group(1) != null || reason.group(3) != null, reason.group(2), printedText);
        if (code < 0) return new Outcome(null, false, "fault reason '" + reason.group(2) + "' is not a number");

        Map<String, String> fields = new LinkedHashMap<>();
        if (!time.isEmpty()) fields.put("time", time);
        if (isIntr) {
            if (!fitsHex(head.group(4))) return new Outcome(null, false, "fault index is wider than 64 bits");
            long index = parseHex(head.group(4));
            fields.put("type", "INTR-REMAP");
            fields.put("request", "interrupt");
            fields.put("source-id", bdf.toString());
            fields.put("index", FaultWording.hex(index));
            fields.put("address-kind", "interrupt");
            fields.put("reason", String.format("0x%02x", code));
            fields.put("reason-text", DmarFaultReasons.text(code));
            if (status != null) fields.put("fault-status", status);
            String why = DmarFaultReasons.kind(code) == DmarFaultReasons.Kind.INTR_REMAP
                    ? String.format("(VT-d fault reason 0x%02x: %s)", code, DmarFaultReasons.text(code))
                    : String.format("unknown interrupt-remapping reason code 0x%02x (not in dmar.c's table)", code);
            String expl = "interrupt request with index " + FaultWording.hex(index) + " from " + bdf
                    + " was refused by interrupt remapping " + why;
            return new Outcome(new DecodedFault(fileName, line, FaultFamily.VTD, printedDevice, Optional.of(bdf), index, null,
                    DecodedFault.NO_PASID, code, String.format("0x%02x", code), null, expl, fields), false, null);
        }

        AccessType access = dma.group(1).toLowerCase().endsWith("read") ? AccessType.READ : AccessType.WRITE;
        String pasidText = dma.group(3) != null ? dma.group(3) : dma.group(7);
        int pasid = DecodedFault.NO_PASID;
        if (pasidText != null) {
            long p = fitsHex(pasidText) ? parseHex(pasidText) : -1;
            // v5.5-v5.13 printed "PASID ffffffff" (int -1) for a request without PASID
            if (p < 0 || p > 0xfffff && p != 0xffffffffL) return new Outcome(null, false, "PASID " + pasidText + " is wider than 20 bits");
            pasid = p == 0xffffffffL ? DecodedFault.NO_PASID : (int) p;
        }
        if (!fitsHex(dma.group(8))) return new Outcome(null, false, "fault address is wider than 64 bits");
        long addr = parseHex(dma.group(8));
        boolean withPasid = pasid != DecodedFault.NO_PASID;
        DmarFaultReasons.Kind kind = DmarFaultReasons.kind(code);
        FaultClass cls = kind == DmarFaultReasons.Kind.DMA_REMAP ? DmarFaultReasons.classOf(code, access, withPasid) : null;
        fields.put("type", dma.group(1));
        fields.put("request", "dma");
        fields.put("source-id", bdf.toString());
        fields.put("pasid", withPasid ? FaultWording.hex(pasid) : "none");
        fields.put("address", FaultWording.hex(addr));
        fields.put("reason", String.format("0x%02x", code));
        fields.put("reason-text", DmarFaultReasons.text(code));
        fields.put("mode", code >= 0x30 ? "scalable" : "legacy");
        if (!printedText.isEmpty() && !DmarFaultReasons.textMatches(code, printedText)) fields.put("printed-text", printedText);
        if (status != null) fields.put("fault-status", status);

        String request = FaultWording.request(access, addr, bdf.toString(), pasid);
        String expl;
        if (kind == DmarFaultReasons.Kind.DMA_REMAP) {
            String note = DmarFaultReasons.note(code, withPasid);
            expl = request + " " + FaultWording.outcome(cls) + String.format(" (VT-d fault reason 0x%02x: %s%s)",
                    code, DmarFaultReasons.text(code), note.isEmpty() ? "" : "; " + note);
        } else if (kind == DmarFaultReasons.Kind.INTR_REMAP) {
            expl = request + String.format(" reported interrupt-remapping reason 0x%02x (%s) on a DMA request",
                    code, DmarFaultReasons.text(code));
        } else {
            expl = request + String.format(": unknown reason code 0x%02x (not in dmar.c's table)", code);
        }
        return new Outcome(new DecodedFault(fileName, line, FaultFamily.VTD, printedDevice, Optional.of(bdf), addr, access,
                pasid, code, String.format("0x%02x", code), cls, expl, fields), false, null);
    }

    /**
     * The reason code: hex when printed with 0x (since v5.14) or a trailing h; decimal ({@code %02d}) otherwise,
     * unless only the hex reading names the printed text; -1 when it is no number.
     */
    private static int reasonCode(boolean hexMarked, String digits, String printedText) {
        try {
            int hex = Integer.parseInt(digits, 16);
            if (hexMarked || !digits.matches("\\d+")) return hex;
            int dec = Integer.parseInt(digits);
            if (!printedText.isEmpty() && !DmarFaultReasons.textMatches(dec, printedText) && DmarFaultReasons.textMatches(hex, printedText)) return hex;
            return dec;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether the hex digits fit 64 bits (leading zeros aside). */
    static boolean fitsHex(String digits) { return digits.replaceFirst("^0+(?=.)", "").length() <= 16; }

    /** The hex digits as an unsigned 64-bit value (check {@link #fitsHex} first). */
    static long parseHex(String digits) { return Long.parseUnsignedLong(digits.replaceFirst("^0+(?=.)", ""), 16); }
}

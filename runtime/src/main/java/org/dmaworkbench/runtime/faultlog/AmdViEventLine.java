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
 * One "Event logged [TYPE key=value ...]" line of drivers/iommu/amd/iommu.c {@code iommu_print_event()} and
 * {@code amd_iommu_report_page_fault()}: since v4.20-era kernels {@code pci_err(pdev, "Event logged [IO_PAGE_FAULT
 * domain=0x%04x address=0x%llx flags=0x%04x]")} with the device in the dev_printk prefix (pr_fmt "AMD-Vi: "), else
 * {@code device=%04x:%02x:%02x.%x} (since v6.0; {@code %02x:%02x.%x} before) in the line; other types on the IOMMU's
 * device; older kernels {@code address=0x%016llx}; read by key so added fields (pasid=, vflags=, tag=) are kept.
 */
final class AmdViEventLine {
    /** The decoded fault, or why the text cannot be read. */
    record Outcome(DecodedFault fault, String problem) { }

    static final String ANCHOR = "Event logged [";
    private static final Pattern EVENT = Pattern.compile("Event logged \\[\\s*([A-Za-z_]+)([^\\]]*)(\\])?");
    private static final Pattern KV = Pattern.compile("([A-Za-z_]+(?:\\[\\d\\])?)=([^\\s,\\]]+)");
    private static final Pattern HEX = Pattern.compile("(?:0x)?([0-9a-fA-F]{1,16})");

    private AmdViEventLine() { }

    /** Whether the text has its closing bracket (a wrapped line does not). */
    static boolean closed(String text) {
        Matcher m = EVENT.matcher(text);
        return m.find() && (m.group(3) != null || m.group(1).equals("UNKNOWN"));
    }

    static Outcome read(String file, long line, String time, String text) {
        Matcher m = EVENT.matcher(text);
        if (!m.find()) return new Outcome(null, "expected 'Event logged [TYPE key=value ...]'");
        String type = m.group(1);
        Map<String, String> kv = new LinkedHashMap<>();
        // UNKNOWN's keys have brackets (event[0]=...): read it to the end of the line
        Matcher k = KV.matcher(type.equals("UNKNOWN") ? text.substring(m.end(1)) : m.group(2));
        while (k.find()) kv.putIfAbsent(k.group(1), k.group(2));
        String prefixDevice = prefixDevice(text.substring(0, m.start()));
        Map<String, String> f = new LinkedHashMap<>();
        if (!time.isEmpty()) f.put("time", time);
        f.put("type", type);
        if (type.equals("UNKNOWN")) return unknown(file, line, prefixDevice, kv, f);
        int code = AmdViEventTypes.code(type);
        String deviceText = kv.containsKey("device") ? kv.get("device") : code == 0x2 ? prefixDevice : null;
        Bdf bdf = deviceText == null ? null : Bdf.parse(deviceText);
        if (deviceText != null && bdf == null) return new Outcome(null, "device '" + deviceText + "' is no PCI address");
        if (code != 0x2 && prefixDevice != null) f.put("iommu", prefixDevice);
        Long address = hex(kv.getOrDefault("address", kv.getOrDefault("gpa", kv.get("spa"))));
        if (code != 0x9 && code != -1 && address == null && kv.containsKey("address")) return new Outcome(null, "address '" + kv.get("address") + "' is no hex number");
        for (Map.Entry<String, String> e : kv.entrySet()) f.put(e.getKey(), e.getValue());
        String who = bdf != null ? bdf.toString() : "the IOMMU";
        String device = deviceText != null ? deviceText : prefixDevice != null ? prefixDevice : "AMD-Vi";
        long addr = address == null ? 0 : address;
        if (code == 0x2) {
            Long flags = hex(kv.get("flags"));
            if (flags == null || address == null) return new Outcome(null, "IO_PAGE_FAULT without " + (address == null ? "address=" : "flags="));
            if (bdf == null) return new Outcome(null, "IO_PAGE_FAULT names no device");
            return new Outcome(pageFault(file, line, device, bdf, addr, flags.intValue(), hex(kv.get("domain")), f), null);
        }
        int pasid = DecodedFault.NO_PASID;
        Long p = hex(kv.get("pasid"));
        if (p != null && p != 0 && p <= 0xfffff) pasid = p.intValue();
        f.put("address-kind", AmdViEventTypes.addressKind(code));
        String expl = code < 0
                ? who + ": AMD-Vi event '" + type + "' is not a type iommu.c prints (not in the AMD-Vi event table)"
                : who + ": AMD-Vi " + type + " at " + FaultWording.hex(addr) + " (" + AmdViEventTypes.addressKind(code) + "): "
                        + AmdViEventTypes.meaning(code);
        return new Outcome(new DecodedFault(file, line, FaultFamily.AMD_VI, device, Optional.ofNullable(bdf), addr, null, pasid,
                code, type, null, expl, f), null);
    }

    private static DecodedFault pageFault(String file, long line, String device, Bdf bdf, long addr, int flagBits, Long domain,
            Map<String, String> f) {
        AmdViPageFaultFlags flags = new AmdViPageFaultFlags(flagBits);
        f.put("flags", flags.describe());
        f.putAll(flags.fields());
        int pasid = flags.guest() && domain != null && domain <= 0xfffff ? domain.intValue() : DecodedFault.NO_PASID;
        if (flags.guest()) f.put("pasid", domain == null ? "?" : FaultWording.hex(domain));
        f.put("request", flags.interrupt() ? "interrupt" : "dma");
        f.put("address-kind", flags.interrupt() ? "interrupt" : "iova");
        AccessType access = flags.access();
        FaultClass cls = flags.faultClass();
        String dom = domain == null ? "" : (flags.guest() ? ", PASID " : ", domain ") + String.format("0x%04x", domain);
        String tail = " (AMD-Vi IO_PAGE_FAULT" + dom + ", flags " + flags.describe() + ")";
        String expl;
        if (flags.interrupt()) {
            expl = "interrupt request to " + FaultWording.hex(addr) + " by " + bdf + " was refused by interrupt remapping" + tail;
        } else {
            String outcome = cls != null ? FaultWording.outcome(cls) : flags.bit("RZ") ? "hit a table entry with reserved bits set"
                    : flags.bit("NX") ? "was an execute request to a no-execute page" : "was refused";
            expl = FaultWording.request(access, addr, bdf.toString(), pasid) + " " + outcome + tail;
        }
        return new DecodedFault(file, line, FaultFamily.AMD_VI, device, Optional.of(bdf), addr, access, pasid, 0x2,
                "IO_PAGE_FAULT", cls, expl, f);
    }

    /** The first line amd_iommu_report_page_fault() prints for a device with no domain (6.x kernels, read at ef75a887). */
    static final String NOT_ATTACHED = "Event logged [Device not attached to domain properly]";
    private static final Pattern NOT_ATTACHED_DEVICE = Pattern.compile("^\\s*(?:AMD-Vi:\\s*)?device=([0-9a-fA-F:.]+) domain=(?:0x)?([0-9a-fA-F]{1,8})\\s*$");

    /**
     * The second line of that report, "  device=%04x:%02x:%02x.%x domain=0x%04x": the I/O page fault itself is not
     * printed (no address, no flags), only that the device is attached to no domain. Null when the text is not it.
     */
    static DecodedFault notAttached(String file, long line, String time, String secondLine) {
        Matcher m = NOT_ATTACHED_DEVICE.matcher(secondLine);
        if (!m.find()) return null;
        Bdf bdf = Bdf.parse(m.group(1));
        if (bdf == null) return null;
        Map<String, String> f = new LinkedHashMap<>();
        if (!time.isEmpty()) f.put("time", time);
        f.put("type", "IO_PAGE_FAULT");
        f.put("device", m.group(1));
        f.put("domain", "0x" + m.group(2));
        f.put("address-kind", "not printed");
        String expl = "I/O page fault by " + bdf + ", which is attached to no domain (amd_iommu_report_page_fault():"
                + " 'Device not attached to domain properly', domain 0x" + m.group(2) + "; address and flags not printed)";
        return new DecodedFault(file, line, FaultFamily.AMD_VI, m.group(1), Optional.of(bdf), 0, null, DecodedFault.NO_PASID, 0x2,
                "IO_PAGE_FAULT", FaultClass.BLOCKED, expl, f);
    }

    /** "Event logged [UNKNOWN event[0]=0x%08x event[1]=..." (no closing bracket in iommu.c's format). */
    private static Outcome unknown(String file, long line, String prefixDevice, Map<String, String> kv, Map<String, String> f) {
        Long e1 = hex(kv.get("event[1]"));
        if (e1 == null) return new Outcome(null, "UNKNOWN event without event[1]=");
        int type = (int) (e1 >>> 28 & 0xf);
        for (Map.Entry<String, String> e : kv.entrySet()) f.put(e.getKey(), e.getValue());
        f.put("event-type", String.format("0x%x", type));
        String who = prefixDevice != null ? prefixDevice : "AMD-Vi";
        String known = AmdViEventTypes.name(type);
        String expl = who + ": unknown AMD-Vi event type " + String.format("0x%x", type)
                + (known != null ? " (iommu.c printed it raw; the table names 0x" + Integer.toHexString(type) + " " + known + ")"
                        : " (not in the AMD-Vi event table)");
        return new Outcome(new DecodedFault(file, line, FaultFamily.AMD_VI, who, Optional.empty(), 0, null, DecodedFault.NO_PASID,
                type, String.format("0x%x", type), null, expl, f), null);
    }

    /** The device of the dev_printk prefix: the last word before "AMD-Vi:" / the message, or null. */
    private static String prefixDevice(String prefix) {
        String p = prefix.strip();
        if (p.endsWith("AMD-Vi:")) p = p.substring(0, p.length() - "AMD-Vi:".length()).strip();
        if (!p.endsWith(":")) return null;
        p = p.substring(0, p.length() - 1).strip();
        int sp = p.lastIndexOf(' ');
        String dev = sp < 0 ? p : p.substring(sp + 1);
        return dev.isEmpty() ? null : dev;
    }

    private static Long hex(String s) {
        if (s == null) return null;
        Matcher m = HEX.matcher(s);
        return m.matches() ? Long.parseUnsignedLong(m.group(1), 16) : null;
    }
}

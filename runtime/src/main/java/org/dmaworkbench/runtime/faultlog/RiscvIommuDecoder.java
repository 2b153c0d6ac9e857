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
 * The line of drivers/iommu/riscv/iommu.c {@code riscv_iommu_fault()} (since v6.13): {@code dev_warn_ratelimited(iommu->dev,
 * "Fault %d devid: 0x%x iotval: %llx iotval2: %llx\n", cause, devid, iotval, iotval2)}. The driver prints only the
 * cause, the device ID and the two values, not TTYP, PV/PID or PRIV: the access comes from the cause, the PASID is unknown.
 */
final class RiscvIommuDecoder implements LogLineDecoder {
    private static final Pattern ANCHOR = Pattern.compile("\\bFault \\S+ devid:");
    private static final Pattern LINE = Pattern.compile(
            "(?:(\\S+):\\s+)?Fault (\\d{1,10}) devid: 0x([0-9a-fA-F]{1,8}) iotval: (?:0x)?([0-9a-fA-F]{1,16}) iotval2: (?:0x)?([0-9a-fA-F]{1,16})\\b");
    private final FaultSink sink;

    RiscvIommuDecoder(FaultSink sink) { this.sink = sink; }

    static boolean matches(String body) { return body.contains(" devid: ") && ANCHOR.matcher(body).find(); }

    @Override
    public boolean offer(long lineNo, LogLinePrefix.Split line) {
        String body = line.body();
        if (!matches(body)) return false;
        Matcher m = LINE.matcher(body);
        if (!m.find()) {
            sink.warning(lineNo, "RISC-V IOMMU fault line cannot be read: expected 'Fault CAUSE devid: 0xID iotval: HEX iotval2: HEX'");
            return true;
        }
        long causeL = Long.parseLong(m.group(2));
        long devid = Long.parseLong(m.group(3), 16);
        if (causeL > 4095 || devid > 0xffffff) {
            sink.warning(lineNo, "RISC-V IOMMU fault line cannot be read: " + (causeL > 4095 ? "cause " + causeL + " is wider than 12 bits"
                    : "device ID 0x" + m.group(3) + " is wider than 24 bits"));
            return true;
        }
        int cause = (int) causeL;
        long iotval = Long.parseUnsignedLong(m.group(4), 16);
        long iotval2 = Long.parseUnsignedLong(m.group(5), 16);
        Map<String, String> f = new LinkedHashMap<>();
        if (!line.time().isEmpty()) f.put("time", line.time());
        if (m.group(1) != null) f.put("iommu", m.group(1));
        f.put("cause", String.valueOf(cause));
        f.put("devid", FaultWording.hex(devid));
        f.put("iotval", FaultWording.hex(iotval));
        f.put("iotval2", FaultWording.hex(iotval2));
        Bdf asRid = new Bdf((int) (devid >> 16), (int) (devid >> 8 & 0xff), (int) (devid >> 3 & 0x1f), (int) (devid & 7));
        f.put("devid-as-pci", asRid + " (if the device ID is the PCI requester ID)");
        if (cause > 23) f.put("address-kind", "unknown");
        String name = RiscvIommuCauses.name(cause);
        AccessType access = RiscvIommuCauses.access(cause);
        FaultClass cls = RiscvIommuCauses.classOf(cause);
        String device = "devid " + FaultWording.hex(devid);
        String expl;
        if (name == null) {
            expl = device + ": " + (cause >= 2048 ? "custom (implementation-defined) cause " + cause
                    : "unknown cause " + cause + " (not in the RISC-V IOMMU spec's cause table)")
                    + ", iotval " + FaultWording.hex(iotval);
        } else {
            String note = RiscvIommuCauses.note(cause);
            String req = access != null || cause == 1 || cause == 12 || cause == 20
                    ? FaultWording.request(access, iotval, device, DecodedFault.NO_PASID) : "request by " + device;
            String outcome = cls != null ? FaultWording.outcome(cls) : "was refused";
            expl = req + " " + outcome + " (RISC-V IOMMU cause " + cause + ": " + name + (note.isEmpty() ? "" : "; " + note) + ")";
        }
        sink.fault(new DecodedFault(sink.fileName(), lineNo, FaultFamily.RISCV, device, Optional.empty(), iotval, access,
                DecodedFault.NO_PASID, cause, name != null ? name : String.valueOf(cause), cls, expl, f));
        return true;
    }

    @Override
    public boolean pending() { return false; }

    @Override
    public void end() { }
}

package org.dmaworkbench.runtime.faultlog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.dmaworkbench.runtime.iommu.FaultClass;

/**
 * Builds the {@link DecodedFault} of an SMMUv3 event: from the raw record arm_smmu_evtq_thread() dumps (all
 * versions) and, since v6.15, the client device arm_smmu_dump_event() names; or from that decoded line alone.
 */
final class SmmuFault {
    /** What the v6.15+ decoded lines say (null fields when a line was absent). */
    record Decoded(String event, String client, long sid, int ssid, Long iova, Long ipa, Long fetchAddr,
            Boolean privileged, Boolean instruction, Boolean read, Boolean stage2, String className, String ttd,
            boolean stall, Integer stag) { }

    private SmmuFault() { }

    static DecodedFault fromRecord(String file, long line, String time, String smmu, SmmuEventRecord r, String client) {
        int id = r.id();
        boolean attrs = SmmuEvents.hasAttributes(id);
        AccessType access = attrs ? (r.read() ? AccessType.READ : AccessType.WRITE) : null;
        int pasid = r.ssv() ? r.ssid() : DecodedFault.NO_PASID;
        boolean classTt = id == 0x13 && r.eventClass() == 1;
        Map<String, String> f = new LinkedHashMap<>();
        if (!time.isEmpty()) f.put("time", time);
        f.put("smmu", smmu);
        f.put("ID", String.format("0x%02x", id));
        f.put("SID", FaultWording.hex(r.sid()));
        f.put("SSV", r.ssv() ? "1" : "0");
        f.put("SSID", FaultWording.hex(r.ssid()));
        if (attrs) {
            f.put("STALL", r.stall() ? "1" : "0");
            f.put("STAG", FaultWording.hex(r.stag()));
            f.put("PnU", r.privileged() ? "1 (privileged)" : "0 (unprivileged)");
            f.put("InD", r.instruction() ? "1 (instruction)" : "0 (data)");
            f.put("RnW", r.read() ? "1 (read)" : "0 (write)");
            f.put("S2", r.stage2() ? "1 (stage 2)" : "0 (stage 1)");
            f.put("CLASS", r.eventClass() + " (" + SmmuEventRecord.className(r.eventClass()) + ")");
            if (classTt) f.put("TT_READ", r.ttRead() ? "1 (read)" : "0 (write)");
            f.put("ADDR", FaultWording.hex(r.inputAddress()));
            f.put("IPA", FaultWording.hex(r.ipa()));
        } else {
            if (id == 0x03 || id == 0x09 || id == 0x25) f.put("FETCH_ADDR", FaultWording.hex(r.fetchAddress()));
            f.put("address-kind", "none");
        }
        f.put("words", String.format("0x%016x 0x%016x 0x%016x 0x%016x", r.w0(), r.w1(), r.w2(), r.w3()));
        if (client != null) f.put("client", client);
        String detail = attrs ? (r.stage2() ? "stage 2" : "stage 1") + ", " + SmmuEventRecord.className(r.eventClass()) : "";
        return build(file, line, id, client, r.sid(), smmu, pasid, attrs ? r.inputAddress() : 0, access, classTt, detail, f);
    }

    static DecodedFault fromDecoded(String file, long line, String time, String smmu, Decoded d) {
        int id = SmmuEvents.idOf(d.event());
        AccessType access = d.read() == null ? null : d.read() ? AccessType.READ : AccessType.WRITE;
        boolean classTt = d.ttd() != null;
        int pasid = d.ssid() == 0 ? DecodedFault.NO_PASID : d.ssid(); // the line prints IOMMU_NO_PASID (0) without SSV
        Map<String, String> f = new LinkedHashMap<>();
        if (!time.isEmpty()) f.put("time", time);
        f.put("smmu", smmu);
        f.put("event", d.event());
        f.put("SID", FaultWording.hex(d.sid()));
        f.put("SSID", FaultWording.hex(d.ssid()));
        if (d.iova() != null) f.put("ADDR", FaultWording.hex(d.iova()));
        if (d.ipa() != null) f.put("IPA", FaultWording.hex(d.ipa()));
        if (d.fetchAddr() != null) f.put("FETCH_ADDR", FaultWording.hex(d.fetchAddr()));
        if (d.iova() == null) f.put("address-kind", "none");
        if (d.privileged() != null) {
            f.put("PnU", d.privileged() ? "1 (privileged)" : "0 (unprivileged)");
            f.put("InD", d.instruction() ? "1 (instruction)" : "0 (data)");
            f.put("RnW", d.read() ? "1 (read)" : "0 (write)");
            f.put("S2", d.stage2() ? "1 (stage 2)" : "0 (stage 1)");
            f.put("CLASS", d.className());
            if (classTt) f.put("TT_READ", d.ttd().contains("read") ? "1 (read)" : "0 (write)");
            f.put("STALL", d.stall() ? "1" : "0");
            f.put("STAG", FaultWording.hex(d.stag()));
        }
        if (d.client() != null) f.put("client", d.client());
        String detail = d.stage2() == null ? "" : (d.stage2() ? "stage 2" : "stage 1") + ", " + d.className();
        return build(file, line, id, d.client(), d.sid(), smmu, pasid, d.iova() == null ? 0 : d.iova(), access, classTt, detail, f);
    }

    private static DecodedFault build(String file, long line, int id, String client, long sid, String smmu, int pasid,
            long address, AccessType access, boolean classTt, String detail, Map<String, String> fields) {
        String name = id < 0 ? null : SmmuEvents.name(id);
        FaultClass cls = name == null ? null : SmmuEvents.classOf(id, access, pasid != DecodedFault.NO_PASID, classTt);
        Optional<Bdf> bdf = client != null && client.matches("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]")
                ? Optional.ofNullable(Bdf.parse(client)) : Optional.empty();
        String device = client != null ? client : "sid " + FaultWording.hex(sid);
        String who = client != null ? client + " (StreamID " + FaultWording.hex(sid) + ")" : "StreamID " + FaultWording.hex(sid) + " on " + smmu;
        String expl;
        String code = String.format("0x%02x", Math.max(id, 0));
        if (name == null) {
            expl = "request by " + who + ": unknown event " + (id < 0 ? "'" + fields.get("event") + "'" : "ID " + code)
                    + " (not in the SMMUv3 event table)";
        } else {
            String req = SmmuEvents.hasAttributes(id) ? FaultWording.request(access, address, who, pasid)
                    : "request by " + who + (pasid == DecodedFault.NO_PASID ? "" : " with PASID " + FaultWording.hex(pasid));
            String outcome = classTt ? "faulted on the table walk, not on its own permission" : FaultWording.outcome(cls);
            expl = req + " " + outcome + " (SMMUv3 event " + code + " " + name + ": " + SmmuEvents.meaning(id)
                    + (detail.isEmpty() ? "" : "; " + detail) + ")";
        }
        return new DecodedFault(file, line, FaultFamily.SMMUV3, device, bdf, address, access, pasid, id,
                name != null ? name : id < 0 ? String.valueOf(fields.get("event")) : code, cls, expl, fields);
    }
}

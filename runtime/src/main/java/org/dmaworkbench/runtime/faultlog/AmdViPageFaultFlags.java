package org.dmaworkbench.runtime.faultlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.FaultClass;

/**
 * The flags of an AMD-Vi IO_PAGE_FAULT event (AMD IOMMU spec 2.5.3 "IO_PAGE_FAULT Event": GN, NX, US, I, PR, RW, PE,
 * RZ, TR in bits 0-8; the kernel's {@code EVENT_FLAG_I} 0x008, {@code EVENT_FLAG_PR} 0x010, {@code EVENT_FLAG_RW} 0x020,
 * {@code EVENT_FLAG_TR} 0x100). RW is meaningful only for a memory request (I=0, TR=0) to a present page (PR=1).
 */
record AmdViPageFaultFlags(int value) {
    private static final String[][] BITS = {
        {"GN", "guest (PASID) address"}, {"NX", "no-execute violation"}, {"US", "user request"}, {"I", "interrupt request"},
        {"PR", "page present"}, {"RW", "write"}, {"PE", "permission violation"}, {"RZ", "reserved bit set in a table entry"},
        {"TR", "ATS translation request"},
    };

    boolean bit(String name) {
        for (int i = 0; i < BITS.length; i++) if (BITS[i][0].equals(name)) return (value >> i & 1) != 0;
        return false;
    }

    /** GN=1: the event's domain field holds the PASID. */
    boolean guest() { return bit("GN"); }

    boolean interrupt() { return bit("I"); }

    /** The access when the spec defines RW for this event, else null. */
    AccessType access() {
        if (interrupt() || bit("TR") || !bit("PR")) return null;
        return bit("RW") ? AccessType.WRITE : AccessType.READ;
    }

    /** Not present (PR=0) or a permission violation of a known access; none for interrupts, reserved bits, execute. */
    FaultClass faultClass() {
        if (interrupt() || bit("RZ") || bit("NX")) return null;
        if (!bit("PR")) return FaultClass.NOT_PRESENT;
        AccessType a = access();
        if (!bit("PE") || a == null) return null;
        return a == AccessType.WRITE ? FaultClass.WRITE_NOT_PERMITTED : FaultClass.READ_NOT_PERMITTED;
    }

    /** One field per bit, 0 or 1, in the spec's order. */
    Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < BITS.length; i++) m.put(BITS[i][0], String.valueOf(value >> i & 1));
        return m;
    }

    /** "0x0030 (PR page present, RW write)"; "PR=0 page not present" when nothing else is set. */
    String describe() {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) if ((value >> i & 1) != 0) set.add(BITS[i][0] + " " + BITS[i][1]);
        if (!bit("PR") && !interrupt()) set.add("PR=0 page not present");
        if ((value & ~0x1ff) != 0) set.add(String.format("undefined bits 0x%x", value & ~0x1ff));
        return String.format("0x%04x (%s)", value, String.join(", ", set));
    }
}

package org.dmaworkbench.runtime.faultlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The fault status register ({@code DMAR_FSTS_REG}, VT-d spec 11.4.9.2) that {@code dmar_fault()} prints as
 * "DRHD: handling fault status reg %x": PFO, PPF, IQE, ICE, ITE, PRO and the fault record index.
 */
record DmarFaultStatus(long value) {
    /** Primary Fault Overflow: a fault arrived while every fault recording register was full and was not recorded. */
    boolean overflow() { return (value & 0x1) != 0; }

    /** "0x3 (PFO primary fault overflow, PPF primary pending fault, FRI 0)". */
    String describe() {
        List<String> bits = new ArrayList<>();
        if ((value & 0x01) != 0) bits.add("PFO primary fault overflow");
        if ((value & 0x02) != 0) bits.add("PPF primary pending fault");
        if ((value & 0x10) != 0) bits.add("IQE invalidation queue error");
        if ((value & 0x20) != 0) bits.add("ICE invalidation completion error");
        if ((value & 0x40) != 0) bits.add("ITE invalidation time-out error");
        if ((value & 0x80) != 0) bits.add("PRO page request overflow");
        bits.add("FRI " + ((value >> 8) & 0xff));
        return "0x" + Long.toHexString(value) + " (" + String.join(", ", bits) + ")";
    }
}

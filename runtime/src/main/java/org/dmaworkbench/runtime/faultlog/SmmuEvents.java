package org.dmaworkbench.runtime.faultlog;

import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.FaultClass;

/**
 * The SMMUv3 event IDs of the architecture's event table (Arm IHI 0070, "Event records"; names as arm-smmu-v3.c's
 * event_str[] prints them), what each means and the project's class.
 */
final class SmmuEvents {
    private SmmuEvents() { }

    /** The event's name, or null when the architecture defines none for the ID. */
    static String name(int id) {
        return switch (id) {
            case 0x01 -> "F_UUT";
            case 0x02 -> "C_BAD_STREAMID";
            case 0x03 -> "F_STE_FETCH";
            case 0x04 -> "C_BAD_STE";
            case 0x05 -> "F_BAD_ATS_TREQ";
            case 0x06 -> "F_STREAM_DISABLED";
            case 0x07 -> "F_TRANSL_FORBIDDEN";
            case 0x08 -> "C_BAD_SUBSTREAMID";
            case 0x09 -> "F_CD_FETCH";
            case 0x0a -> "C_BAD_CD";
            case 0x0b -> "F_WALK_EABT";
            case 0x10 -> "F_TRANSLATION";
            case 0x11 -> "F_ADDR_SIZE";
            case 0x12 -> "F_ACCESS";
            case 0x13 -> "F_PERMISSION";
            case 0x20 -> "F_TLB_CONFLICT";
            case 0x21 -> "F_CFG_CONFLICT";
            case 0x24 -> "E_PAGE_REQUEST";
            case 0x25 -> "F_VMS_FETCH";
            default -> null;
        };
    }

    /** The ID of a name as the v6.15+ decoded line prints it, or -1. */
    static int idOf(String name) {
        for (int id = 0; id < 0x30; id++) if (name.equals(name(id))) return id;
        return -1;
    }

    /** What the event means, in the spec's terms. */
    static String meaning(int id) {
        return switch (id) {
            case 0x01 -> "unsupported upstream transaction";
            case 0x02 -> "the StreamID is beyond the stream table";
            case 0x03 -> "fetching the STE was aborted";
            case 0x04 -> "the STE is invalid or misconfigured";
            case 0x05 -> "an ATS translation request the STE does not allow";
            case 0x06 -> "the STE disables this stream's traffic";
            case 0x07 -> "a translated (ATS) transaction the STE does not allow";
            case 0x08 -> "the SubstreamID is beyond the CD table or substreams are off";
            case 0x09 -> "fetching the CD was aborted";
            case 0x0a -> "the CD is invalid or misconfigured";
            case 0x0b -> "a translation table walk was aborted";
            case 0x10 -> "no valid translation for the address";
            case 0x11 -> "the address is beyond the configured address size";
            case 0x12 -> "the descriptor's access flag is clear";
            case 0x13 -> "the descriptor does not permit the access";
            case 0x20 -> "conflicting TLB entries";
            case 0x21 -> "conflicting configuration cache entries";
            case 0x24 -> "a speculative page request";
            case 0x25 -> "fetching the VMS was aborted";
            default -> "";
        };
    }

    /** Whether word 1 carries the transaction's attributes (RnW, PnU, InD, S2, CLASS): the translation faults 0x10-0x13. */
    static boolean hasAttributes(int id) { return id >= 0x10 && id <= 0x13; }

    /** The project's class, or null; {@code classTt}: a permission fault on the table walk, not the access. */
    static FaultClass classOf(int id, AccessType access, boolean ssv, boolean classTt) {
        return switch (id) {
            case 0x10 -> FaultClass.NOT_PRESENT;
            case 0x11 -> FaultClass.ADDRESS_SIZE;
            case 0x13 -> classTt || access == null ? null
                    : access == AccessType.WRITE ? FaultClass.WRITE_NOT_PERMITTED : FaultClass.READ_NOT_PERMITTED;
            case 0x08 -> FaultClass.PASID_OUT_OF_RANGE;
            case 0x0a -> ssv ? FaultClass.PASID_NOT_ATTACHED : null;
            case 0x06 -> FaultClass.BLOCKED;
            default -> null;
        };
    }
}

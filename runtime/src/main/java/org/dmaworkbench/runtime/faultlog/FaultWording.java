package org.dmaworkbench.runtime.faultlog;

import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.FaultClass;

/** The words of a fault explanation shared by the families: the request and what its walk hit. */
final class FaultWording {
    private FaultWording() { }

    /** "DMA write to 0x1000 by 0000:02:00.0 with PASID 0x1" (the request as the record states it). */
    static String request(AccessType access, long address, String device, int pasid) {
        String verb = access == null ? "DMA access to" : access == AccessType.WRITE ? "DMA write to" : "DMA read of";
        String s = verb + " " + hex(address) + " by " + device;
        return pasid == DecodedFault.NO_PASID ? s : s + " with PASID " + hex(pasid);
    }

    /** What a request of this class ran into, e.g. "hit a not-present entry". */
    static String outcome(FaultClass c) {
        if (c == null) return "was refused";
        return switch (c) {
            case NOT_PRESENT -> "hit a not-present entry";
            case WRITE_NOT_PERMITTED -> "hit an entry without write permission";
            case READ_NOT_PERMITTED -> "hit an entry without read permission";
            case PASID_NOT_ATTACHED -> "used a PASID with no domain attached";
            case PASID_OUT_OF_RANGE -> "used a PASID the device's PASID table cannot hold";
            case BLOCKED -> "was blocked: no domain translates this requester";
            case ADDRESS_SIZE -> "is beyond the domain's address width";
        };
    }

    static String hex(long v) { return "0x" + Long.toHexString(v); }
}

package org.dmaworkbench.runtime.faultlog;

import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.FaultClass;

/**
 * The fault-queue record causes of the RISC-V IOMMU spec (table 11; {@code enum riscv_iommu_fq_causes} of
 * drivers/iommu/riscv/iommu-bits.h): 1-23 as the privileged spec's exception codes, 256-274 the IOMMU's own,
 * 275-2047 reserved, 2048-4095 for custom use.
 */
final class RiscvIommuCauses {
    private RiscvIommuCauses() { }

    /** The spec's name of the cause, or null when it defines none. */
    static String name(int cause) {
        return switch (cause) {
            case 1 -> "instruction access fault";
            case 4 -> "read address misaligned";
            case 5 -> "read access fault";
            case 6 -> "write/AMO address misaligned";
            case 7 -> "write/AMO access fault";
            case 12 -> "instruction page fault";
            case 13 -> "read page fault";
            case 15 -> "write/AMO page fault";
            case 20 -> "instruction guest page fault";
            case 21 -> "read guest-page fault";
            case 23 -> "write/AMO guest-page fault";
            case 256 -> "all inbound transactions disallowed";
            case 257 -> "DDT entry load access fault";
            case 258 -> "DDT entry not valid";
            case 259 -> "DDT entry misconfigured";
            case 260 -> "transaction type disallowed";
            case 261 -> "MSI PTE load access fault";
            case 262 -> "MSI PTE not valid";
            case 263 -> "MSI PTE misconfigured";
            case 264 -> "MRIF access fault";
            case 265 -> "PDT entry load access fault";
            case 266 -> "PDT entry not valid";
            case 267 -> "PDT entry misconfigured";
            case 268 -> "DDT data corruption";
            case 269 -> "PDT data corruption";
            case 270 -> "MSI PT data corruption";
            case 271 -> "MSI MRIF data corruption";
            case 272 -> "internal datapath error";
            case 273 -> "IOMMU MSI write access fault";
            case 274 -> "first/second-stage PT data corruption";
            default -> null;
        };
    }

    /** The access the cause implies (read or write/AMO; instruction fetches and IOMMU-internal causes: null). */
    static AccessType access(int cause) {
        return switch (cause) {
            case 4, 5, 13, 21 -> AccessType.READ;
            case 6, 7, 15, 23 -> AccessType.WRITE;
            default -> null;
        };
    }

    /**
     * The project's class where the cause determines one: the device has no valid device context (256, 258: blocked)
     * or its PASID no valid process context (266). A page fault (13, 15, 21, 23) is raised for an invalid leaf and a
     * permission violation alike, and the driver does not print the record's TTYP/PV: no class.
     */
    static FaultClass classOf(int cause) {
        return switch (cause) {
            case 256, 258 -> FaultClass.BLOCKED;
            case 266 -> FaultClass.PASID_NOT_ATTACHED;
            default -> null;
        };
    }

    /** What the class alone does not say, or "". */
    static String note(int cause) {
        return switch (cause) {
            case 13, 15, 12 -> "no valid leaf PTE, or one without the permission: the cause does not say which";
            case 21, 23, 20 -> "second stage: no valid leaf PTE for the guest physical address, or one without the permission";
            case 256 -> "the IOMMU's DDT mode is Off";
            case 260 -> "e.g. a PASID-tagged request to a device context without process directory, or ATS while disabled";
            default -> "";
        };
    }
}

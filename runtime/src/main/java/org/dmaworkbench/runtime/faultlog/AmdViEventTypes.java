package org.dmaworkbench.runtime.faultlog;

/**
 * The AMD-Vi event-log types ({@code EVENT_TYPE_*} of drivers/iommu/amd/amd_iommu_types.h, names as
 * {@code iommu_print_event()} prints them) and what each means per the AMD I/O Virtualization Technology spec's
 * event log chapter (rev 3.x, "Event Log Entries").
 */
final class AmdViEventTypes {
    private AmdViEventTypes() { }

    /** The type code of a printed name, or -1. */
    static int code(String name) {
        return switch (name) {
            case "ILLEGAL_DEV_TABLE_ENTRY" -> 0x1;
            case "IO_PAGE_FAULT" -> 0x2;
            case "DEV_TAB_HARDWARE_ERROR" -> 0x3;
            case "PAGE_TAB_HARDWARE_ERROR" -> 0x4;
            case "ILLEGAL_COMMAND_ERROR" -> 0x5;
            case "COMMAND_HARDWARE_ERROR" -> 0x6;
            case "IOTLB_INV_TIMEOUT" -> 0x7;
            case "INVALID_DEVICE_REQUEST" -> 0x8;
            case "INVALID_PPR_REQUEST" -> 0x9;
            case "RMP_PAGE_FAULT" -> 0xd;
            case "RMP_HW_ERROR" -> 0xe;
            default -> -1;
        };
    }

    /** The printed name of a type code, or null. */
    static String name(int code) {
        for (String n : new String[] {"ILLEGAL_DEV_TABLE_ENTRY", "IO_PAGE_FAULT", "DEV_TAB_HARDWARE_ERROR", "PAGE_TAB_HARDWARE_ERROR",
            "ILLEGAL_COMMAND_ERROR", "COMMAND_HARDWARE_ERROR", "IOTLB_INV_TIMEOUT", "INVALID_DEVICE_REQUEST", "INVALID_PPR_REQUEST",
            "RMP_PAGE_FAULT", "RMP_HW_ERROR"}) {
            if (code(n) == code) return n;
        }
        return null;
    }

    static String meaning(int code) {
        return switch (code) {
            case 0x1 -> "the requester's device table entry is invalid or illegal";
            case 0x2 -> "the I/O page table refused the access";
            case 0x3 -> "fetching the device table entry failed in hardware";
            case 0x4 -> "walking the I/O page table failed in hardware";
            case 0x5 -> "the command buffer holds an illegal command";
            case 0x6 -> "fetching a command failed in hardware";
            case 0x7 -> "the device did not complete an IOTLB (ATS) invalidation in time";
            case 0x8 -> "the device made a request its device table entry does not allow";
            case 0x9 -> "the device made an invalid page request (PPR)";
            case 0xd -> "the SEV-SNP reverse map table refused the access";
            case 0xe -> "reading the SEV-SNP reverse map table failed in hardware";
            default -> "";
        };
    }

    /** What the printed address is: the request's address, or a table's or command's physical address. */
    static String addressKind(int code) {
        return switch (code) {
            case 0x1, 0x2, 0x7, 0x8, 0x9 -> "iova";
            case 0x3 -> "physical (device table entry)";
            case 0x4 -> "physical (page table entry)";
            case 0x5, 0x6 -> "physical (command)";
            case 0xd -> "guest physical";
            case 0xe -> "system physical";
            default -> "unknown";
        };
    }
}

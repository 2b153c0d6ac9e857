package org.dmaworkbench.runtime.faultlog;

import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.FaultClass;

/**
 * The VT-d fault reasons as drivers/iommu/intel/dmar.c {@code dmar_get_fault_reason()} names them
 * ({@code dma_remap_fault_reasons}, {@code dma_remap_sm_fault_reasons} since v5.5, {@code irq_remap_fault_reasons};
 * read at torvalds/linux c34e9ab9, 2024) and the VT-d spec's fault-reason appendix, with the project's class.
 */
final class DmarFaultReasons {
    /** Where a code belongs in dmar.c's lookup. */
    enum Kind { DMA_REMAP, INTR_REMAP, UNKNOWN }

    private static final String[] LEGACY = {
        "Software",
        "Present bit in root entry is clear",
        "Present bit in context entry is clear",
        "Invalid context entry",
        "Access beyond MGAW",
        "PTE Write access is not set",
        "PTE Read access is not set",
        "Next page table ptr is invalid",
        "Root table address invalid",
        "Context table ptr is invalid",
        "non-zero reserved fields in RTP",
        "non-zero reserved fields in CTP",
        "non-zero reserved fields in PTE",
        "PCE for translation request specifies blocking",
    };
    private static final String U = "Unknown";
    private static final String[] SCALABLE = {
        "SM: Invalid Root Table Address",
        "SM: TTM 0 for request with PASID",
        "SM: TTM 0 for page group request",
        U, U, U, U, U, /* 0x33-0x37 */
        "SM: Error attempting to access Root Entry",
        "SM: Present bit in Root Entry is clear",
        "SM: Non-zero reserved field set in Root Entry",
        U, U, U, U, U, /* 0x3B-0x3F */
        "SM: Error attempting to access Context Entry",
        "SM: Present bit in Context Entry is clear",
        "SM: Non-zero reserved field set in the Context Entry",
        "SM: Invalid Context Entry",
        "SM: DTE field in Context Entry is clear",
        "SM: PASID Enable field in Context Entry is clear",
        "SM: PASID is larger than the max in Context Entry",
        "SM: PRE field in Context-Entry is clear",
        "SM: RID_PASID field error in Context-Entry",
        U, U, U, U, U, U, U, /* 0x49-0x4F */
        "SM: Error attempting to access the PASID Directory Entry",
        "SM: Present bit in Directory Entry is clear",
        "SM: Non-zero reserved field set in PASID Directory Entry",
        U, U, U, U, U, /* 0x53-0x57 */
        "SM: Error attempting to access PASID Table Entry",
        "SM: Present bit in PASID Table Entry is clear",
        "SM: Non-zero reserved field set in PASID Table Entry",
        "SM: Invalid Scalable-Mode PASID Table Entry",
        "SM: ERE field is clear in PASID Table Entry",
        "SM: SRE field is clear in PASID Table Entry",
        U, U, /* 0x5E-0x5F */
        U, U, U, U, U, U, U, U, /* 0x60-0x67 */
        U, U, U, U, U, U, U, U, /* 0x68-0x6F */
        "SM: Error attempting to access first-level paging entry",
        "SM: Present bit in first-level paging entry is clear",
        "SM: Non-zero reserved field set in first-level paging entry",
        "SM: Error attempting to access FL-PML4 entry",
        "SM: First-level entry address beyond MGAW in Nested translation",
        "SM: Read permission error in FL-PML4 entry in Nested translation",
        "SM: Read permission error in first-level paging entry in Nested translation",
        "SM: Write permission error in first-level paging entry in Nested translation",
        "SM: Error attempting to access second-level paging entry",
        "SM: Read/Write permission error in second-level paging entry",
        "SM: Non-zero reserved field set in second-level paging entry",
        "SM: Invalid second-level page table pointer",
        "SM: A/D bit update needed in second-level entry when set up in no snoop",
        U, U, U, /* 0x7D-0x7F */
        "SM: Address in first-level translation is not canonical",
        "SM: U/S set 0 for first-level translation with user privilege",
        "SM: No execute permission for request with PASID and ER=1",
        "SM: Address beyond the DMA hardware max",
        "SM: Second-level entry address beyond the max",
        "SM: No write permission for Write/AtomicOp request",
        "SM: No read permission for Read/AtomicOp request",
        "SM: Invalid address-interrupt address",
        U, U, U, U, U, U, U, U, /* 0x88-0x8F */
        "SM: A/D bit update needed in first-level entry when set up in no snoop",
    };
    private static final String[] INTERRUPT = {
        "Detected reserved fields in the decoded interrupt-remapped request",
        "Interrupt index exceeded the interrupt-remapping table size",
        "Present field in the IRTE entry is clear",
        "Error accessing interrupt-remapping table pointed by IRTA_REG",
        "Detected reserved fields in the IRTE entry",
        "Blocked a compatibility format interrupt request",
        "Blocked an interrupt request due to source-id verification failure",
    };

    private DmarFaultReasons() { }

    /** The lookup dmar_get_fault_reason() does: interrupt remapping 0x20-0x26, scalable mode 0x30-0x90, legacy 0x0-0xd. */
    static Kind kind(int code) {
        if (code >= 0x20 && code - 0x20 < INTERRUPT.length) return Kind.INTR_REMAP;
        if (code >= 0x30 && code - 0x30 < SCALABLE.length) return SCALABLE[code - 0x30] == U ? Kind.UNKNOWN : Kind.DMA_REMAP;
        if (code >= 0 && code < LEGACY.length) return Kind.DMA_REMAP;
        return Kind.UNKNOWN;
    }

    /** dmar.c's text for the code ("Unknown" when its tables have none). */
    static String text(int code) {
        if (code >= 0x20 && code - 0x20 < INTERRUPT.length) return INTERRUPT[code - 0x20];
        if (code >= 0x30 && code - 0x30 < SCALABLE.length) return SCALABLE[code - 0x30];
        if (code >= 0 && code < LEGACY.length) return LEGACY[code];
        return U;
    }

    /** Whether {@code text} is what dmar.c prints for {@code code} (spacing and case aside). */
    static boolean textMatches(int code, String text) {
        return normalise(text(code)).equals(normalise(text));
    }

    private static String normalise(String s) { return s.trim().replaceAll("\\s+", " ").toLowerCase(); }

    /** The project's class of a DMA-remapping fault, or null where the reason has none. */
    static FaultClass classOf(int code, AccessType access, boolean withPasid) {
        return switch (code) {
            case 0x01, 0x02, 0x39, 0x41 -> FaultClass.BLOCKED;
            case 0x04, 0x80, 0x83 -> FaultClass.ADDRESS_SIZE;
            case 0x05, 0x06, 0x71 -> FaultClass.NOT_PRESENT;
            case 0x45, 0x46 -> FaultClass.PASID_OUT_OF_RANGE;
            case 0x51, 0x59 -> withPasid ? FaultClass.PASID_NOT_ATTACHED : FaultClass.BLOCKED;
            case 0x75, 0x76, 0x86 -> FaultClass.READ_NOT_PERMITTED;
            case 0x77, 0x85 -> FaultClass.WRITE_NOT_PERMITTED;
            case 0x79 -> access == AccessType.WRITE ? FaultClass.WRITE_NOT_PERMITTED
                    : access == AccessType.READ ? FaultClass.READ_NOT_PERMITTED : null;
            default -> null;
        };
    }

    /** What a kernel engineer should know beyond the class, or "" (the codes whose meaning is wider than it). */
    static String note(int code, boolean withPasid) {
        return switch (code) {
            case 0x05 -> "legacy second-level PTEs have no present bit: the IOVA is not mapped, or mapped read-only";
            case 0x06 -> "legacy second-level PTEs have no present bit: the IOVA is not mapped, or mapped without read";
            case 0x01, 0x02, 0x39, 0x41 -> "no context for this requester: never attached, or attached to the blocking domain";
            case 0x51 -> withPasid ? "no PASID table page for this PASID: never attached, or beyond the PASID directory"
                    : "the RID's PASID (RID2PASID) has no PASID directory entry";
            case 0x59 -> withPasid ? "" : "the RID's PASID entry (RID2PASID) is not present";
            case 0x79 -> "also reported for a second-level entry that is not present";
            default -> "";
        };
    }
}

package org.dmaworkbench.runtime.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * The violations kernel/dma/debug.c reports, each with the kernel's message format (the format strings of
 * its {@code err_printk()}, {@code WARN_ONCE()} and {@code pr_err_once()} calls, without the trailing newline).
 *
 * <p>The order and numbering follow the reference table (iommu-semantics.md §2). {@link #fixedText()} is the
 * constant part of a message before its first "[" or format argument; {@link #template()} is the whole format.
 */
public enum DmaDebugCheck {
    /** 1: check_unmap(), no entry and {@code dma_mapping_error()} is true for the address. */
    FREE_INVALID_ADDRESS("device driver tries to free an invalid DMA memory address"),
    /** 2: check_unmap(), no entry for (device, address): double unmap, never mapped, wrong device. */
    FREE_NOT_ALLOCATED("device driver tries to free DMA memory it has not allocated "
            + "[device address=0x%016llx] [size=%llu bytes]"),
    /** 3: check_unmap(), unmap size differs from map size. */
    FREE_DIFFERENT_SIZE("device driver frees DMA memory with different size "
            + "[device address=0x%016llx] [map size=%llu bytes] [unmap size=%llu bytes]"),
    /** 4: check_unmap(), unmapped with a function of another type (single/sg/coherent/resource). */
    FREE_WRONG_FUNCTION("device driver frees DMA memory with wrong function "
            + "[device address=0x%016llx] [size=%llu bytes] [mapped as %s] [unmapped as %s]"),
    /** 5: check_unmap(), dma_free_coherent() with another CPU address (the kernel prints physical addresses). */
    FREE_DIFFERENT_CPU_ADDRESS("device driver frees DMA memory with different CPU address "
            + "[device address=0x%016llx] [size=%llu bytes] [cpu alloc address=0x%016llx] [cpu free address=0x%016llx]"),
    /** 6: check_unmap(), dma_unmap_sg() nents differs from the nents given to dma_map_sg(). */
    FREE_SG_DIFFERENT_ENTRY_COUNT("device driver frees DMA sg list with different entry count "
            + "[map count=%d] [unmap count=%d]"),
    /** 7: check_unmap(), unmap direction differs from map direction. */
    FREE_DIFFERENT_DIRECTION("device driver frees DMA memory with different direction "
            + "[device address=0x%016llx] [size=%llu bytes] [mapped with %s] [unmapped with %s]"),
    /** 8: check_unmap(), dma_mapping_error() never called on a single/page/resource mapping (no space before "[", as in the kernel). */
    MAP_ERROR_NOT_CHECKED("device driver failed to check map error"
            + "[device address=0x%016llx] [size=%llu bytes] [mapped as %s]"),
    /** 9: check_for_stack(), direct-mapped stack. */
    MAP_FROM_STACK("device driver maps memory from stack [addr=%p]"),
    /** 10: check_for_stack(), page of a vmapped stack. */
    MAP_FROM_VMAPPED_STACK("device driver maps memory from stack [probable addr=%p]"),
    /** 11: check_for_illegal_area(), overlap with _stext.._etext or __start_rodata..__end_rodata. */
    MAP_KERNEL_TEXT_OR_RODATA("device driver maps memory from kernel text or rodata [addr=%p] [len=%lu]"),
    /** 12: debug_dma_map_single(), {@code !virt_addr_valid(addr)}. */
    MAP_INVALID_AREA("device driver maps memory from invalid area [addr=%p] [len=%lu]"),
    /** 13: debug_dma_map_single(), {@code is_vmalloc_addr(addr)} (always together with 12). */
    MAP_VMALLOC_AREA("device driver maps memory from vmalloc area [addr=%p] [len=%lu]"),
    /** 14: add_dma_entry(), active_cacheline_insert() returned -EEXIST without DMA_ATTR_SKIP_CPU_SYNC. */
    CACHELINE_OVERLAP("cacheline tracking EEXIST, overlapping mappings aren't supported"),
    /** 15: active_cacheline_inc_overlap(), WARN_ONCE; no device prefix and not counted in error_count. */
    CACHELINE_OVERLAP_LIMIT("exceeded %d overlapping mappings of cacheline %pa",
            "exceeded 7 overlapping mappings of cacheline", false, false),
    /**
     * 16: add_dma_entry(), radix-tree insert -ENOMEM, pr_err_once and global disable. Never raised by the
     * simulator: its memory for tracking is unbounded. Kept so that expectations naming it are recognised.
     */
    CACHELINE_ENOMEM("cacheline tracking ENOMEM, dma-debug disabled",
            "cacheline tracking ENOMEM, dma-debug disabled", false, false),
    /** 17: check_sync(), no entry contains the synced range. */
    SYNC_NOT_ALLOCATED("device driver tries to sync DMA memory it has not allocated "
            + "[device address=0x%016llx] [size=%llu bytes]"),
    /** 18: check_sync(), sync size larger than the mapping (only reachable through u64 wrap-around, as in the kernel). */
    SYNC_OUTSIDE_RANGE("device driver syncs DMA memory outside allocated range "
            + "[device address=0x%016llx] [allocation size=%llu bytes] [sync offset+size=%llu]"),
    /** 19: check_sync(), sync direction differs from a non-bidirectional mapping's direction. */
    SYNC_DIFFERENT_DIRECTION("device driver syncs DMA memory with different direction "
            + "[device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]"),
    /** 20: check_sync(), sync_for_cpu of a mapping that is not FROM_DEVICE with a direction other than TO_DEVICE. */
    SYNC_DEVICE_READ_ONLY_FOR_CPU("device driver syncs device read-only DMA memory for cpu "
            + "[device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]"),
    /** 21: check_sync(), sync_for_device of a mapping that is not TO_DEVICE with a direction other than FROM_DEVICE. */
    SYNC_DEVICE_WRITE_ONLY_TO_DEVICE("device driver syncs device write-only DMA memory to device "
            + "[device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]"),
    /** 22: check_sync(), sync_sg nents differs from the nents given to dma_map_sg(). */
    SYNC_SG_DIFFERENT_ENTRY_COUNT("device driver syncs DMA sg list with different entry count "
            + "[map count=%d] [sync count=%d]"),
    /** 23: check_sg_segment() (CONFIG_DMA_API_DEBUG_SG), {@code s->length > dma_get_max_seg_size()}. */
    SG_SEGMENT_TOO_LONG("mapping sg segment longer than device claims to support [len=%u] [max=%u]"),
    /** 24: check_sg_segment() (CONFIG_DMA_API_DEBUG_SG), DMA segment crosses {@code dma_get_seg_boundary()}. */
    SG_SEGMENT_ACROSS_BOUNDARY("mapping sg segment across boundary "
            + "[start=0x%016llx] [end=0x%016llx] [boundary=0x%016llx]"),
    /** 25: dma_debug_device_change(BUS_NOTIFY_UNBOUND_DRIVER) with live entries; printed on two lines. */
    PENDING_ALLOCATIONS_ON_UNBIND("device driver has pending DMA allocations while released from device "
            + "[count=%d]\nOne of leaked entries details: "
            + "[device address=0x%016llx] [size=%llu bytes] [mapped with %s] [mapped as %s]");

    private final String template;
    private final String fixedText;
    private final boolean perDevice;
    private final boolean countsAsError;

    DmaDebugCheck(String template) {
        this(template, fixedPart(template), true, true);
    }

    DmaDebugCheck(String template, String fixedText, boolean perDevice, boolean countsAsError) {
        this.template = template;
        this.fixedText = fixedText;
        this.perDevice = perDevice;
        this.countsAsError = countsAsError;
    }

    /** The number in the reference table (1..25). */
    public int number() { return ordinal() + 1; }

    /** The kernel's format string, without prefix and trailing newline. */
    public String template() { return template; }

    /** The constant text before the first "[" or format argument, e.g. "device driver frees DMA memory with different size". */
    public String fixedText() { return fixedText; }

    /** True when the kernel prints it through {@code err_printk()} with the "&lt;driver&gt; &lt;device&gt;: " prefix. */
    public boolean perDevice() { return perDevice; }

    /** True when the kernel increments {@code error_count} for it ({@code err_printk()}). */
    public boolean countsAsError() { return countsAsError; }

    /** Fills the template with the arguments, using the kernel's printk conversions. */
    String format(Object... args) {
        return KernelFormat.format(template, args);
    }

    /**
     * True when the report is of this check and the user-written expectation is a (case-sensitive) substring
     * of its prefixed message. Line breaks count as spaces, and the older kernels' "scather-gather" spelling
     * is accepted for "scatter-gather".
     */
    public boolean matches(String expected, DmaDebugReport report) {
        return report != null && report.check() == this && textMatches(expected, report.prefixedMessage());
    }

    static boolean textMatches(String expected, String prefixedMessage) {
        if (expected == null) return false;
        String e = normalize(expected);
        return !e.isBlank() && normalize(prefixedMessage).contains(e);
    }

    /** The check with the number from the reference table (1..25), or null. */
    public static DmaDebugCheck byNumber(int number) {
        DmaDebugCheck[] all = values();
        return number >= 1 && number <= all.length ? all[number - 1] : null;
    }

    /**
     * The check a user-written message names: one whose fixed text the string contains, or which contains
     * the string, or whose format contains it. When several fit (e.g. checks 9 and 10 share their fixed
     * text), the one with the most of its format's literal text in the string wins, then the lower number.
     * Returns null for a blank string or one that names no known message.
     */
    public static DmaDebugCheck byMessage(String userText) {
        List<DmaDebugCheck> all = matchingChecks(userText);
        if (all.isEmpty()) return null;
        String s = normalize(userText);
        DmaDebugCheck best = null;
        int bestScore = -1;
        for (DmaDebugCheck c : all) {
            int score = (s.contains(c.fixedText) ? 1_000_000 : 0) + c.literalOverlap(s);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** All checks {@link #byMessage(String)} would consider for the string, in table order. */
    public static List<DmaDebugCheck> matchingChecks(String userText) {
        List<DmaDebugCheck> out = new ArrayList<>(2);
        if (userText == null) return out;
        String s = normalize(userText).strip();
        if (s.isEmpty()) return out;
        for (DmaDebugCheck c : values()) {
            if (s.contains(c.fixedText) || c.fixedText.contains(s) || normalize(c.template).contains(s)) out.add(c);
        }
        return out;
    }

    /** Sum of the lengths of this format's literal pieces (split at format arguments and "[") found in s. */
    private int literalOverlap(String s) {
        int score = 0;
        for (String piece : normalize(template).split("%[0-9]*l*[a-z]+|(?=\\[)")) {
            String p = piece.strip();
            if (p.length() > 1 && s.contains(p)) score += p.length();
        }
        return score;
    }

    private static String normalize(String s) {
        return s.replace('\n', ' ').replace("scather-gather", "scatter-gather");
    }

    private static String fixedPart(String template) {
        int end = template.length();
        int bracket = template.indexOf('[');
        int percent = template.indexOf('%');
        if (bracket >= 0) end = Math.min(end, bracket);
        if (percent >= 0) end = Math.min(end, percent);
        return template.substring(0, end).strip();
    }
}

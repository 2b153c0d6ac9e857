package org.dmaworkbench.runtime.faultlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line {@code ___ratelimit()} (lib/ratelimit.c) prints when a rate-limited printk passes again:
 * "%s: %d callbacks suppressed" with the function that owns the limit ({@code dmar_fault}, {@code arm_smmu_evtq_thread}
 * or since v6.15 {@code arm_smmu_dump_event}, {@code amd_iommu_report_page_fault}, {@code riscv_iommu_fault}, ...).
 */
final class RateLimitLine implements LogLineDecoder {
    private static final Pattern LINE = Pattern.compile("\\b(\\w+): (\\d{1,18}) callbacks suppressed");
    private final FaultSink sink;

    RateLimitLine(FaultSink sink) { this.sink = sink; }

    /** The family whose fault path the function belongs to, or null (another subsystem's limit). */
    static FaultFamily familyOf(String function) {
        if (function.startsWith("dmar_") || function.startsWith("intel_iommu") || function.equals("iommu_page_fault")) return FaultFamily.VTD;
        if (function.startsWith("arm_smmu")) return FaultFamily.SMMUV3;
        if (function.startsWith("amd_iommu") || function.equals("iommu_print_event") || function.equals("iommu_poll_events")) return FaultFamily.AMD_VI;
        if (function.startsWith("riscv_iommu")) return FaultFamily.RISCV;
        return null;
    }

    static boolean matches(String body) {
        Matcher m = LINE.matcher(body);
        return m.find() && familyOf(m.group(1)) != null;
    }

    @Override
    public boolean offer(long lineNo, LogLinePrefix.Split line) {
        Matcher m = LINE.matcher(line.body());
        if (!m.find()) return false;
        FaultFamily f = familyOf(m.group(1));
        if (f == null) return false;
        sink.suppressed(lineNo, f, Long.parseLong(m.group(2)));
        return true;
    }

    @Override
    public boolean pending() { return false; }

    @Override
    public void end() { }
}

package org.dmaworkbench.dsl.ui.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmaworkbench.dsl.ui.preferences.SyntaxColors;
import org.dmaworkbench.runtime.capture.TraceLineLayout;
import org.dmaworkbench.runtime.faultlog.KernelLogReader;

/**
 * The colours of one line of a capture or kernel log: ftrace event lines by the runtime's {@link TraceLineLayout}
 * (the reader's own line layout), IOMMU fault lines (those {@link KernelLogReader#isKernelLogLine} reads, and the
 * lines of the drivers' fault paths) with their codes, requesters (BDFs) and addresses; printk time stamps dimmed.
 */
final class CaptureLineStyles {
    /** A run of the line in one colour. */
    record Run(int start, int end, SyntaxColors color) { }

    /** Longer lines are left plain (no printk line is; the reader cuts trace lines at 64 KB). */
    static final int MAX_STYLED = 4096;
    static final String[] FAULT_ANCHORS = { "DMAR:", "DMAR-IR:", "arm-smmu-v3", "AMD-Vi", "riscv-iommu", "dmar_fault" };

    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:\\[\\s*\\d+\\.\\d+\\]|<\\d>\\[\\s*\\d+\\.\\d+\\]|[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ kernel:)");
    private static final Pattern BDF = Pattern.compile("(?<![0-9a-fA-F:])(?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7](?![0-9a-fA-F])");
    private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b|(?<=[\\s=])[0-9a-fA-F]{16}\\b");
    private static final Pattern CODE = Pattern.compile(
            "(?<=fault reason )0x[0-9a-fA-F]+|(?<=event )0x[0-9a-fA-F]+|\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\bDMA (?:Read|Write)\\b|\\bINTR-REMAP\\b");

    private CaptureLineStyles() { }

    /** The coloured runs of {@code line}, left to right, gaps plain. */
    static List<Run> of(String line) {
        if (line.length() > MAX_STYLED || line.isBlank()) return List.of();
        List<TraceLineLayout.Span> spans = TraceLineLayout.of(line);
        if (!spans.isEmpty()) {
            List<Run> out = new ArrayList<>();
            for (TraceLineLayout.Span s : spans) {
                SyntaxColors c = color(s.part());
                if (c != null) out.add(new Run(s.start(), s.end(), c));
            }
            return out;
        }
        return logLine(line);
    }

    private static SyntaxColors color(TraceLineLayout.Part p) {
        return switch (p) {
            case HEADER -> SyntaxColors.COMMENT;
            case LOST -> SyntaxColors.LOST_EVENTS;
            case CONTEXT -> SyntaxColors.TRACE_CONTEXT;
            case EVENT -> SyntaxColors.TRACE_EVENT;
            case OTHER_EVENT -> null;
            case DEVICE -> SyntaxColors.DEVICE;
            case FIELD -> SyntaxColors.TRACE_FIELD;
            case VALUE -> SyntaxColors.NUMBER;
        };
    }

    /** Whether the line belongs to an IOMMU driver's fault path (also an SMMUv3 record's data words, which name the driver). */
    static boolean isFaultLine(String line) {
        if (KernelLogReader.isKernelLogLine(line)) return true;
        for (String a : FAULT_ANCHORS) if (line.contains(a)) return true;
        return false;
    }

    private static List<Run> logLine(String line) {
        SyntaxColors[] at = new SyntaxColors[line.length()];
        Matcher prefix = PREFIX.matcher(line);
        int body = 0;
        if (prefix.find()) {
            Arrays.fill(at, prefix.start(), prefix.end(), SyntaxColors.TRACE_CONTEXT);
            body = prefix.end();
        }
        if (isFaultLine(line)) {
            Arrays.fill(at, body, line.length(), SyntaxColors.FAULT);
            paint(at, HEX.matcher(line), body, SyntaxColors.NUMBER);
            paint(at, BDF.matcher(line), body, SyntaxColors.DEVICE);
            paint(at, CODE.matcher(line), body, SyntaxColors.FAULT_CODE);
        }
        List<Run> out = new ArrayList<>();
        int i = 0;
        while (i < at.length) {
            int j = i;
            while (j < at.length && at[j] == at[i]) j++;
            if (at[i] != null) out.add(new Run(i, j, at[i]));
            i = j;
        }
        return out;
    }

    private static void paint(SyntaxColors[] at, Matcher m, int from, SyntaxColors c) {
        while (m.find()) if (m.start() >= from) Arrays.fill(at, m.start(), m.end(), c);
    }
}

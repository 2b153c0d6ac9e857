package org.dmaworkbench.runtime.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of one line of ftrace text as kernel/trace/trace_output.c lays it out ({@code print_trace_fmt}:
 * {@code TASK-PID [CPU] FLAGS TIMESTAMP: EVENT: FIELDS}), for editors that colour a capture: read with the same
 * {@link FtraceLine} the {@link CaptureReader} uses, so what an editor shows as an event is what the replay reads.
 * Fields are {@code key=value} words of the TP_printk output (include/trace/events/dma.h, iommu.h).
 */
public final class TraceLineLayout {

    /** What a span of the line is. */
    public enum Part {
        /** A {@code #} header line of tracefs or trace-cmd. */
        HEADER,
        /** A lost-events marker ({@code CPU:N [LOST M EVENTS]}): what follows is incomplete. */
        LOST,
        /** {@code TASK-PID [CPU] FLAGS TIMESTAMP:} before the event name. */
        CONTEXT,
        /** The name of a dma: or iommu: event the replay understands. */
        EVENT,
        /** The name of any other event (skipped and counted by the replay). */
        OTHER_EVENT,
        /** The device ({@code dev_name()}) an event is about. */
        DEVICE,
        /** A field's name ({@code dma_addr} of {@code dma_addr=ffd1c000}). */
        FIELD,
        /** A field's value. */
        VALUE
    }

    /** {@code [start, end)} of the line is {@code part}. */
    public record Span(int start, int end, Part part) { }

    private TraceLineLayout() { }

    /** The parts of {@code line}, left to right; empty when it is no ftrace line (a kernel-log line, say). */
    public static List<Span> of(String line) {
        FtraceLine l = new FtraceLine();
        List<Span> out = new ArrayList<>();
        switch (l.parse(line)) {
            case HEADER -> out.add(new Span(0, line.length(), Part.HEADER));
            case LOST -> out.add(new Span(firstNonBlank(line), line.length(), Part.LOST));
            case EVENT -> event(line, l, out);
            case OTHER -> { }
        }
        return out;
    }

    /** Whether {@code line} is a dma: or iommu: event line the replay understands (by its layout and name). */
    public static boolean isKnownEvent(String line) {
        FtraceLine l = new FtraceLine();
        return l.parse(line) == FtraceLine.Kind.EVENT && TraceEventType.byName(l.name()) != null;
    }

    private static void event(String s, FtraceLine l, List<Span> out) {
        int start = firstNonBlank(s);
        if (start < l.nameStart) out.add(new Span(start, l.nameStart, Part.CONTEXT));
        TraceEventType type = TraceEventType.byName(l.name());
        out.add(new Span(l.nameStart, l.nameEnd, type == null ? Part.OTHER_EVENT : Part.EVENT));
        if (type == null) return;
        int i = l.bodyStart;
        int n = s.length();
        if (type.isIommu()) {
            // "IOMMU:" then, for io_page_fault, the driver glued to it and the device: "IOMMU:e1000e 0000:02:00.0 iova=..."
            if (!s.startsWith("IOMMU:", i)) return;
            int e = wordEnd(s, i);
            out.add(new Span(i, e, Part.CONTEXT));
            i = skipBlanks(s, e);
            if (type == TraceEventType.IO_PAGE_FAULT && i < n && s.indexOf('=', i) != i && !isField(s, i)) {
                int d = wordEnd(s, i);
                out.add(new Span(i, d, Part.DEVICE));
                i = skipBlanks(s, d);
            }
        } else {
            int d = wordEnd(s, i);
            if (d > i) out.add(new Span(i, d, Part.DEVICE));
            i = skipBlanks(s, d);
        }
        fields(s, i, out);
    }

    /** {@code key=value} words; a {@code device=} value is the device; {@code {..}} arrays are one value. */
    private static void fields(String s, int i, List<Span> out) {
        int n = s.length();
        while (i < n) {
            int w = wordEnd(s, i);
            int eq = s.indexOf('=', i);
            if (eq > i && eq < w) {
                out.add(new Span(i, eq, Part.FIELD));
                int v = eq + 1;
                int ve = v < n && s.charAt(v) == '{' ? arrayEnd(s, v) : w;
                if (ve > v) out.add(new Span(v, ve, s.startsWith("device", i) && eq - i == 6 ? Part.DEVICE : Part.VALUE));
                w = Math.max(w, ve);
            } else if (w > i && s.charAt(i) != '-') {
                out.add(new Span(i, w, Part.VALUE)); // the end of "iova=0x.. - 0x..", a "[TRUNCATED]" note
            }
            i = skipBlanks(s, w);
        }
    }

    private static boolean isField(String s, int i) {
        int w = wordEnd(s, i);
        int eq = s.indexOf('=', i);
        return eq > i && eq < w;
    }

    private static int arrayEnd(String s, int open) {
        int close = s.indexOf('}', open);
        return close < 0 ? wordEnd(s, open) : close + 1;
    }

    private static int wordEnd(String s, int i) {
        int n = s.length();
        while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') i++;
        return i;
    }

    private static int skipBlanks(String s, int i) {
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i;
    }

    private static int firstNonBlank(String s) {
        return skipBlanks(s, 0);
    }
}

package org.dmaworkbench.runtime.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an ftrace text capture (tracefs {@code trace} / {@code trace_pipe}, {@code trace-cmd report}) as a stream:
 * every line is a header, a lost-events marker, an event (known: decoded and handed on; unknown: counted by name)
 * or a foreign line; a line that names a known event but does not parse is a warning and reading goes on. A last
 * line cut off without its line end (a truncated capture) is noted, not warned about.
 */
public final class CaptureReader {
    /** What a read saw. */
    public static final class Counts {
        long lines;
        long headers;
        long events;
        long foreign;
        long warnings;
        long lostMarkers;
        final Map<String, Long> unknown = new LinkedHashMap<>();
        boolean compressed;
        boolean cutOff;
        String compressedEndedEarly;

        public long lines() { return lines; }
        public long events() { return events; }
        public long headerLines() { return headers; }
        public long foreignLines() { return foreign; }
        public long warnings() { return warnings; }
        public long lostMarkers() { return lostMarkers; }
        /** Events skipped because the replay does not know them, per name, in order of first appearance. */
        public Map<String, Long> unknownEvents() { return unknown; }
        public boolean compressed() { return compressed; }
        /** The last line ended without a line end and did not parse (the capture was cut off). */
        public boolean lastLineCutOff() { return cutOff; }
        /** Why the compressed data ended early, or null. */
        public String compressedEndedEarly() { return compressedEndedEarly; }
        /** Anything the replay could use: an event, a lost marker, or a line for the kernel-log reader. */
        public boolean anythingReadable() { return events > 0 || lostMarkers > 0; }
    }

    private final FtraceLine parsed = new FtraceLine();
    private final EventDecoder decoder = new EventDecoder();
    private final TraceEvent event = new TraceEvent();

    /**
     * Reads {@code in} to its end, handing what it finds to {@code sink}; closes nothing. Stops with an
     * {@link java.io.InterruptedIOException} when the reading thread is interrupted (checked every 4,096 lines).
     */
    public Counts read(InputStream in, CaptureSink sink) throws IOException {
        Counts c = new Counts();
        LineSource src = new LineSource(in);
        c.compressed = src.compressed();
        String cur = src.next();
        long lineNo = 0;
        while (cur != null) {
            String ahead = src.next();
            lineNo++;
            if ((lineNo & 4095) == 0 && Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("cancelled at line " + lineNo); // an IDE's Cancel interrupts the thread
            }
            boolean lastCutOff = ahead == null && src.lastLineCutOff();
            line(cur, lineNo, lastCutOff, sink, c);
            cur = ahead;
        }
        c.lines = lineNo;
        c.compressedEndedEarly = src.compressedEndedEarly();
        return c;
    }

    private void line(String text, long lineNo, boolean lastCutOff, CaptureSink sink, Counts c) {
        switch (parsed.parse(text)) {
            case HEADER -> c.headers++;
            case LOST -> {
                c.lostMarkers++;
                sink.lost(lineNo, parsed.cpu, parsed.lost);
            }
            case EVENT -> event(text, lineNo, lastCutOff, sink, c);
            case OTHER -> {
                String known = KnownEventText.find(text);
                if (known != null && !lastCutOff) {
                    c.warnings++;
                    sink.warning(lineNo, known + ": not an ftrace event line (TASK-PID [CPU] TIMESTAMP: " + known + ": FIELDS)");
                } else if (known != null) {
                    c.cutOff = true;
                } else {
                    c.foreign++;
                    sink.foreign(lineNo, text);
                }
            }
        }
    }

    private void event(String text, long lineNo, boolean lastCutOff, CaptureSink sink, Counts c) {
        String name = parsed.name();
        TraceEventType type = TraceEventType.byName(name);
        if (type == null) {
            c.unknown.merge(name, 1L, Long::sum);
            return;
        }
        try {
            event.cpu = parsed.cpu;
            event.timeNs = parsed.timeNs();
            event.text = text;
            if (!decoder.decode(type, text, parsed.bodyStart, event)) {
                c.unknown.merge(name, 1L, Long::sum);
                return;
            }
        } catch (BadEvent e) {
            if (lastCutOff) {
                c.cutOff = true;
            } else {
                c.warnings++;
                sink.warning(lineNo, name + ": " + e.getMessage());
            }
            return;
        }
        c.events++;
        sink.event(event, lineNo);
    }
}

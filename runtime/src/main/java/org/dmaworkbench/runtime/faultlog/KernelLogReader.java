package org.dmaworkbench.runtime.faultlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads a kernel log (dmesg, {@code journalctl -k}, syslog, a console capture; lines with or without printk
 * times and prefixes, wrapped or retyped) line by line and hands every IOMMU fault record it decodes to a
 * {@link FaultLogListener}: VT-d (drivers/iommu/intel/dmar.c), SMMUv3 (arm-smmu-v3.c), AMD-Vi (amd/iommu.c),
 * RISC-V (riscv/iommu.c). Streaming: memory is one pending record. Never throws, never prints.
 */
public final class KernelLogReader {
    /** Longer lines are no printk line (LOG_LINE_MAX is 1024 minus the prefix); they are only checked for a fault anchor. */
    static final int MAX_LINE = 4096;

    private final FaultSink sink;
    private final List<LogLineDecoder> decoders;
    private long lastLine;

    public KernelLogReader(String fileName, FaultLogListener listener) {
        this.sink = new FaultSink(fileName, Objects.requireNonNull(listener, "listener"));
        this.decoders = List.of(new RateLimitLine(sink), new DmarDecoder(sink), new SmmuDecoder(sink),
                new AmdViDecoder(sink), new RiscvIommuDecoder(sink));
    }

    /**
     * Whether the line holds an IOMMU fault line of any family, or a line of one's fault path (rate limit,
     * VT-d fault status, lost records), after its time stamp and syslog/journalctl prefix. Cheap: no decoding.
     * An SMMUv3 record's data words alone (a hex number per line) are not recognised; their header is.
     */
    public static boolean isKernelLogLine(String text) {
        if (text == null) return false;
        return text.contains("Request device [")
                || text.contains("DRHD: handling fault status")
                || (text.contains("callbacks suppressed") && RateLimitLine.matches(text))
                || SmmuDecoder.matches(text)
                || AmdViDecoder.matches(text)
                || RiscvIommuDecoder.matches(text);
    }

    /** Reads the next line; {@code lineNo} is its 1-based number in the file. */
    public void line(long lineNo, String text) {
        lastLine = lineNo;
        if (text == null) return;
        try {
            if (text.length() > MAX_LINE) {
                finishPending();
                if (isKernelLogLine(text)) sink.warning(lineNo, "line of " + text.length() + " characters is too long for a kernel"
                        + " log line; not decoded");
                return;
            }
            LogLinePrefix.Split split = LogLinePrefix.split(text);
            for (LogLineDecoder d : decoders) {
                if (d.pending() && d.offer(lineNo, split)) return;
            }
            for (LogLineDecoder d : decoders) {
                if (!d.pending() && d.offer(lineNo, split)) return;
            }
        } catch (RuntimeException e) {
            // a decoder bug must not stop the reading of a user's log; the fuzz tests fail on this message
            sink.warning(lineNo, "internal error decoding this line (" + e + "); please report it with the line");
        }
    }

    /**
     * Reads a whole log: every line of {@code in} (numbered from 1), then {@link #end()}. Returns the number of lines.
     * Only the reader's own I/O errors are thrown; what the log holds never is.
     */
    public static long read(String fileName, BufferedReader in, FaultLogListener listener) throws IOException {
        KernelLogReader r = new KernelLogReader(fileName, listener);
        long n = 0;
        for (String line; (line = in.readLine()) != null; ) r.line(++n, line);
        r.end();
        return n;
    }

    /** The end of the file: records still open are reported (a cut-short record as a warning). */
    public void end() {
        try {
            finishPending();
        } catch (RuntimeException e) {
            sink.warning(lastLine, "internal error at the end of the log (" + e + "); please report it");
        }
    }

    private void finishPending() {
        for (LogLineDecoder d : decoders) {
            if (d.pending()) d.end();
        }
    }
}

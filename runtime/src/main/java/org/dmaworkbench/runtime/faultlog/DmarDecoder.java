package org.dmaworkbench.runtime.faultlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VT-d lines of drivers/iommu/intel/dmar.c {@code dmar_fault()}: "DRHD: handling fault status reg %x" and the
 * fault lines of {@code dmar_fault_do_one()} ({@link DmarFaultLine}), joined across a wrapped or two-line record.
 */
final class DmarDecoder implements LogLineDecoder {
    private static final Pattern STATUS = Pattern.compile("DRHD: handling fault status reg\\s+(?:0x)?([0-9a-fA-F]{1,8})\\b");
    private static final int MAX_JOINED_LINES = 3;

    private final FaultSink sink;
    private String status;
    private String pendingText;
    private String pendingTime;
    private String pendingProblem;
    private long pendingLine;
    private int pendingLines;

    DmarDecoder(FaultSink sink) { this.sink = sink; }

    @Override
    public boolean pending() { return pendingText != null; }

    @Override
    public boolean offer(long lineNo, LogLinePrefix.Split line) {
        String body = line.body();
        if (pendingText != null) {
            if (!startsRecord(body)) {
                String joined = pendingText + " " + body.strip();
                DmarFaultLine.Outcome o = DmarFaultLine.read(sink.fileName(), pendingLine, pendingTime, joined, status);
                if (o.fault() != null) {
                    clear();
                    sink.fault(o.fault());
                    return true;
                }
                if (o.incomplete() && ++pendingLines < MAX_JOINED_LINES) {
                    pendingText = joined;
                    return true;
                }
            }
            warnPending();
        }
        Matcher st = STATUS.matcher(body);
        if (st.find()) {
            DmarFaultStatus s = new DmarFaultStatus(Long.parseLong(st.group(1), 16));
            status = s.describe();
            if (s.overflow()) sink.lost(lineNo, FaultFamily.VTD, "VT-d primary fault overflow (FSTS.PFO): faults arrived while"
                    + " every fault recording register was full and were not recorded");
            return true;
        }
        if (!body.contains(DmarFaultLine.ANCHOR) || !looksIntel(body)) {
            status = null; // a fault status belongs to the fault lines right after it, not to later ones
            return false;
        }
        DmarFaultLine.Outcome o = DmarFaultLine.read(sink.fileName(), lineNo, line.time(), body, status);
        if (o.fault() != null) {
            sink.fault(o.fault());
        } else if (o.incomplete()) {
            pendingText = body;
            pendingTime = line.time();
            pendingLine = lineNo;
            pendingProblem = o.problem();
            pendingLines = 1;
        } else {
            sink.warning(lineNo, "VT-d DMAR fault line cannot be read: " + o.problem());
        }
        return true;
    }

    @Override
    public void end() {
        if (pendingText != null) warnPending();
    }

    /** A line that is a record of its own, never the rest of the pending one. */
    private static boolean startsRecord(String body) {
        return body.contains(DmarFaultLine.ANCHOR) || body.contains("DRHD:") || KernelLogReader.isKernelLogLine(body);
    }

    /** The anchor alone is generic: a VT-d line also names DMA Read/Write or INTR-REMAP. */
    private static boolean looksIntel(String body) {
        String b = body.toUpperCase();
        return b.contains("DMA READ") || b.contains("DMA WRITE") || b.contains("INTR-REMAP") || b.contains("DMAR");
    }

    private void warnPending() {
        sink.warning(pendingLine, "VT-d DMAR fault line cannot be read: " + pendingProblem);
        clear();
    }

    private void clear() {
        pendingText = null;
        pendingTime = null;
        pendingProblem = null;
        pendingLines = 0;
    }
}

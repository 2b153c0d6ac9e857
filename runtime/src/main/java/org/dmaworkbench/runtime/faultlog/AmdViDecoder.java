package org.dmaworkbench.runtime.faultlog;

/**
 * The AMD-Vi lines of drivers/iommu/amd/iommu.c: the event lines ({@link AmdViEventLine}), joined when a line
 * was wrapped before its closing bracket, and {@code amd_iommu_int_thread()}'s "IOMMU event log overflow".
 */
final class AmdViDecoder implements LogLineDecoder {
    private static final int MAX_JOINED_LINES = 3;
    private final FaultSink sink;
    private String pendingText;
    private String pendingTime;
    private long pendingLine;
    private int pendingLines;
    private boolean notAttached;

    AmdViDecoder(FaultSink sink) { this.sink = sink; }

    static boolean matches(String body) {
        return body.contains(AmdViEventLine.ANCHOR) || body.contains("IOMMU event log overflow");
    }

    @Override
    public boolean pending() { return pendingText != null; }

    @Override
    public boolean offer(long lineNo, LogLinePrefix.Split line) {
        String body = line.body();
        if (notAttached) {
            notAttached = false;
            DecodedFault f = AmdViEventLine.notAttached(sink.fileName(), pendingLine, pendingTime, body);
            pendingText = null;
            if (f != null) {
                sink.fault(f);
                return true;
            }
            sink.warning(pendingLine, "AMD-Vi event line cannot be read: 'Device not attached to domain properly' without its"
                    + " 'device=... domain=...' line");
        }
        if (pendingText != null) {
            if (!KernelLogReader.isKernelLogLine(body) && body.contains("=") && pendingLines < MAX_JOINED_LINES) {
                pendingText = pendingText + " " + body.strip();
                pendingLines++;
                if (AmdViEventLine.closed(pendingText)) emitPending();
                return true;
            }
            emitPending();
        }
        if (body.contains("IOMMU event log overflow")) {
            sink.lost(lineNo, FaultFamily.AMD_VI, "AMD-Vi event log overflow: events were lost");
            return true;
        }
        if (!body.contains(AmdViEventLine.ANCHOR)) return false;
        if (body.contains(AmdViEventLine.NOT_ATTACHED)) {
            notAttached = true;
            pendingText = body;
            pendingTime = line.time();
            pendingLine = lineNo;
            return true;
        }
        if (AmdViEventLine.closed(body)) {
            report(lineNo, line.time(), body);
        } else {
            pendingText = body;
            pendingTime = line.time();
            pendingLine = lineNo;
            pendingLines = 1;
        }
        return true;
    }

    @Override
    public void end() {
        if (notAttached) {
            notAttached = false;
            pendingText = null;
            sink.warning(pendingLine, "AMD-Vi event line cannot be read: 'Device not attached to domain properly' without its"
                    + " 'device=... domain=...' line");
        }
        if (pendingText != null) emitPending();
    }

    private void emitPending() {
        String text = pendingText;
        pendingText = null;
        report(pendingLine, pendingTime, text);
    }

    private void report(long lineNo, String time, String text) {
        AmdViEventLine.Outcome o = AmdViEventLine.read(sink.fileName(), lineNo, time, text);
        if (o.fault() != null) sink.fault(o.fault());
        else sink.warning(lineNo, "AMD-Vi event line cannot be read: " + o.problem());
    }
}

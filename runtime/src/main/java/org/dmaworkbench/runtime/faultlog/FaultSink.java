package org.dmaworkbench.runtime.faultlog;

/** The listener of one file, as the family decoders report to it. */
final class FaultSink {
    private final String fileName;
    private final FaultLogListener listener;

    FaultSink(String fileName, FaultLogListener listener) {
        this.fileName = fileName == null ? "" : fileName;
        this.listener = listener;
    }

    String fileName() { return fileName; }

    void fault(DecodedFault f) { listener.fault(f); }

    void warning(long line, String message) { listener.warning(fileName, line, message); }

    void suppressed(long line, FaultFamily family, long count) { listener.suppressed(fileName, line, family, count); }

    void lost(long line, FaultFamily family, String what) { listener.lost(fileName, line, family, what); }
}

package org.dmaworkbench.runtime.capture;

import org.dmaworkbench.runtime.faultlog.DecodedFault;
import org.dmaworkbench.runtime.faultlog.FaultFamily;
import org.dmaworkbench.runtime.faultlog.FaultLogListener;
import org.dmaworkbench.runtime.faultlog.KernelLogReader;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Bdf;

/**
 * The kernel-log lines of a file (dmesg, journalctl -k, or mixed into a capture): read by the faultlog package's
 * {@link KernelLogReader}; each decoded IOMMU fault becomes a finding, correlated by device and address with the
 * mappings of this file's capture as it stands at that line, else of the captures replayed before it.
 */
final class LogFaults implements FaultLogListener {
    private final CaptureReplay r;
    private final CaptureSession session;
    private final CaptureListener out;
    private KernelLogReader reader;
    long faults;
    long warnings;
    long suppressed;
    long lost;

    LogFaults(CaptureReplay replay, CaptureSession session, CaptureListener out) {
        this.r = replay;
        this.session = session;
        this.out = out;
    }

    /** A line that is no ftrace event: read from the first one that holds a fault line on. */
    void line(long lineNo, String text) {
        if (reader == null) {
            if (!KernelLogReader.isKernelLogLine(text)) return;
            reader = new KernelLogReader(r.file, this);
        }
        reader.line(lineNo, text);
    }

    void end() {
        if (reader != null) reader.end();
    }

    boolean anything() {
        return faults + warnings + suppressed + lost > 0;
    }

    @Override
    public void fault(DecodedFault f) {
        faults++;
        String dev = f.bdf().map(Bdf::toString).orElse(f.device());
        Boolean write = f.access() == null ? null : f.access() == AccessType.WRITE;
        StringBuilder msg = new StringBuilder(f.family().label()).append(' ').append(f.codeName());
        if (f.faultClass() != null) msg.append(" (").append(f.faultClass().dslName()).append(')');
        if (f.access() != null) msg.append(", ").append(f.access().dslName());
        msg.append(" at 0x").append(Long.toHexString(f.address()));
        if (f.hasPasid()) msg.append(" PASID 0x").append(Integer.toHexString(f.pasid()));
        msg.append(": ").append(f.explanation());
        FaultAttribution.Attribution a = null;
        DeviceState here = r.devices.get(dev);
        boolean iova = f.addressIsIova();
        long atNs = printkNs(f);
        String before = null;
        if (here != null) {
            here.stats.faults++;
            if (iova) a = r.faults.attribute(here, f.address(), write, "line ", atNs);
            before = beforeCapture(r, atNs);
        }
        for (CaptureReplay other : session.newestFirst()) {
            if (a != null || !iova) break;
            DeviceState d = other.devices.get(dev);
            if (d != null) {
                a = other.faults.attribute(d, f.address(), write, other.file + ":", atNs);
                if (a != null || before == null) before = beforeCapture(other, atNs);
            }
        }
        String related;
        long relatedLine = 0;
        if (a != null) {
            msg.append(" — ").append(a.cause());
            related = a.doubtful() == null ? a.related() : a.related() + "; " + a.doubtful();
            if (before != null) related += "; " + before;
            relatedLine = a.relatedLine();
        } else if (!iova) {
            related = "";
        } else if (here != null || session.hasCaptures() || !r.devices.isEmpty()) {
            related = "no mapping of " + dev + " in the captures given covers 0x" + Long.toHexString(f.address())
                    + (before == null ? "" : "; " + before);
        } else {
            related = "";
        }
        r.verdicts.logFault(f.family().label(), f.line(), dev, msg.toString(), f.address(), relatedLine, related);
    }

    /**
     * The record's printk time ({@code [%5lu.%06lu]}, kernel/printk/printk.c {@code print_time()}: local_clock(), the
     * timeline of ftrace's default {@code local} clock) in ns, or -1 when it has none or a relative or wall-clock one.
     */
    static long printkNs(DecodedFault f) {
        String t = f.fields().get("time");
        return t == null ? -1 : FtraceLine.secondsToNs(t, 0, t.length());
    }

    /** Why an attribution by time may miss a mapping: the fault is older than the capture's first event. */
    private static String beforeCapture(CaptureReplay c, long atNs) {
        if (atNs < 0 || c.firstNs < 0 || atNs >= c.firstNs) return null;
        return "the fault (" + FaultAttribution.seconds(atNs) + " s) precedes the capture (from " + FaultAttribution.seconds(c.firstNs)
                + " s): a mapping made before it began is not known";
    }

    @Override
    public void warning(String fileName, long line, String message) {
        warnings++;
        out.warning(fileName, line, message);
    }

    @Override
    public void suppressed(String fileName, long line, FaultFamily family, long count) {
        suppressed += Math.max(0, count);
    }

    @Override
    public void lost(String fileName, long line, FaultFamily family, String what) {
        lost++;
    }
}

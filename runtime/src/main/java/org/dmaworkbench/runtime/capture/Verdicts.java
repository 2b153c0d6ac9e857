package org.dmaworkbench.runtime.capture;

import java.util.List;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.dmaworkbench.runtime.debug.DmaDebugEntry;
import org.dmaworkbench.runtime.debug.DmaDebugReport;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * Turns dma-debug's reports of a replayed event into verdicts: a violation when every event it depends on is in
 * the capture, else uncertain (reported apart, never a violation). It depends on missing events when the entry it
 * was checked against was made before a lost-events marker (its unmap, and a new mapping at the address, may be
 * lost), or when no entry was found and the capture shows no earlier unmap of the address after the latest marker
 * (the mapping may predate the capture or be lost), or when two mappings of the address were live (an unmap and a
 * re-map racing on two CPUs, whose trace events can come in either order).
 */
final class Verdicts {
    /** Conflicting-mapping look-ups for cacheline overlaps (a scan of all entries) before they stop. */
    static final int OVERLAP_LOOKUPS = 1000;

    private final CaptureReplay r;
    private final CaptureListener out;
    long violations;
    long uncertain;
    long faults;
    private int overlapLookups;

    Verdicts(CaptureReplay replay, CaptureListener out) {
        this.r = replay;
        this.out = out;
    }

    void warning(long line, String message) {
        out.warning(r.file, line, message);
    }

    void drain(TraceEvent e, long line) {
        List<DmaDebugReport> reports = r.debug.drainReports();
        for (int i = 0, n = reports.size(); i < n; i++) verdict(reports.get(i), e, line);
    }

    /** A dma_unmap_sg of a scatterlist whose dma_map_sg the capture does not show. */
    void unknownScatterlist(DeviceState d, TraceEvent e, long line) {
        emit(CaptureFinding.Kind.UNCERTAIN, e, line, e.device, null,
                "dma_unmap_sg of a scatterlist this capture did not map [phys address=0x" + hex16(e.physAddrs[0]) + "]",
                0, 0, missing(line, "its dma_map_sg"));
    }

    /** A fault of the capture (every fault the machine reported is a finding; its attribution may be doubtful). */
    void fault(TraceEvent e, long line, String message, long addr, long related, String why) {
        emit(CaptureFinding.Kind.FAULT, e.type.traceName(), line, e.device, null, message, addr, related, why);
    }

    /** A fault line of the kernel log, decoded by the faultlog package. */
    void logFault(String family, long line, String device, String message, long addr, long related, String why) {
        emit(CaptureFinding.Kind.FAULT, family, line, device, null, message, addr, related, why);
    }

    private void verdict(DmaDebugReport rep, TraceEvent e, long line) {
        DmaDebugCheck c = rep.check();
        DmaDebugEntry entry = rep.entry();
        String dev = rep.device().device();
        long addr = rep.devAddr();
        if (entry != null) {
            onEntry(rep, e, line, entry, "mapped at line " + entry.origin() + describe(entry));
        } else if (c == DmaDebugCheck.FREE_NOT_ALLOCATED || c == DmaDebugCheck.SYNC_NOT_ALLOCATED) {
            notFound(rep, e, line);
        } else if (c == DmaDebugCheck.CACHELINE_OVERLAP || c == DmaDebugCheck.CACHELINE_OVERLAP_LIMIT) {
            DmaDebugEntry other = overlapping(line, addr);
            if (other == null) emit(CaptureFinding.Kind.VIOLATION, e, line, dev, c, rep.message(), addr, 0, "");
            else onEntry(rep, e, line, other, "overlaps the mapping at line " + other.origin() + " by "
                    + other.device().device() + describe(other) + " (same cacheline)");
        } else {
            emit(CaptureFinding.Kind.VIOLATION, e, line, dev, c, rep.message(), addr, 0, "");
        }
    }

    private void onEntry(DmaDebugReport rep, TraceEvent e, long line, DmaDebugEntry entry, String related) {
        long mappedAt = entry.origin();
        if (r.lostLine > mappedAt) {
            emit(CaptureFinding.Kind.UNCERTAIN, e, line, rep.device().device(), rep.check(), rep.message(), rep.devAddr(),
                    mappedAt, related + "; but events were lost at line " + r.lostLine + lostWhat()
                            + " after it: its unmap and a new mapping of the address may be among them");
        } else {
            emit(CaptureFinding.Kind.VIOLATION, e, line, rep.device().device(), rep.check(), rep.message(), rep.devAddr(),
                    mappedAt, related);
        }
    }

    private void notFound(DmaDebugReport rep, TraceEvent e, long line) {
        DeviceState d = r.device(rep.device().device());
        long addr = rep.devAddr();
        String what = rep.check() == DmaDebugCheck.SYNC_NOT_ALLOCATED ? "synced" : "unmapped";
        List<DmaDebugEntry> live = r.debug.entriesAt(d.debug, addr);
        if (live.size() > 1) {
            emit(CaptureFinding.Kind.UNCERTAIN, e, line, d.stats.device, rep.check(), rep.message(), addr, live.get(0).origin(),
                    live.size() + " mappings of the address are live (lines " + live.get(0).origin() + " and "
                            + live.get(live.size() - 1).origin() + "): an unmap and a re-map on two CPUs may be "
                            + "traced out of order, and dma-debug cannot pick the mapping");
            return;
        }
        long unmappedAt = d.unmappedAt.get(addr, 0);
        if (unmappedAt > 0 && r.lostLine < unmappedAt) {
            String rel = rep.check() == DmaDebugCheck.SYNC_NOT_ALLOCATED ? "synced after its unmap at line " : "already unmapped at line ";
            emit(CaptureFinding.Kind.VIOLATION, e, line, d.stats.device, rep.check(), rep.message(), addr, unmappedAt,
                    rel + unmappedAt);
        } else {
            emit(CaptureFinding.Kind.UNCERTAIN, e, line, d.stats.device, rep.check(), rep.message(), addr, unmappedAt,
                    missing(line, "the map of the address " + what + " here"));
        }
    }

    /** Why a verdict needing an earlier event the capture does not show is uncertain. */
    String missing(long line, String what) {
        if (r.lostLine > 0) {
            return "events were lost at line " + r.lostLine + lostWhat() + ": " + what + " may be among them";
        }
        return "the capture does not show " + what + ": it may predate the capture (which starts at line "
                + r.firstEventLine + ")";
    }

    private String lostWhat() {
        return " (CPU " + r.lostCpu + (r.lostCount > 0 ? ", " + r.lostCount + " events" : "") + ")";
    }

    /** The live entry other than the one just made at {@code line} whose cacheline the new one shares. */
    private DmaDebugEntry overlapping(long line, long addr) {
        if (++overlapLookups > OVERLAP_LOOKUPS) return null;
        DmaDebugEntry fresh = null;
        List<DmaDebugEntry> all = r.debug.dump(null);
        for (DmaDebugEntry x : all) if (x.origin() == line && x.devAddr() == addr && x.physKnown()) fresh = x;
        if (fresh == null) return null;
        DmaDebugEntry best = null;
        for (DmaDebugEntry x : all) {
            if (x == fresh || !x.physKnown() || x.direction() == DmaDirection.TO_DEVICE) continue;
            if (x.cacheline() != fresh.cacheline()) continue;
            if (best == null || x.origin() < best.origin()) best = x;
        }
        return best;
    }

    private static String describe(DmaDebugEntry e) {
        return " (" + e.type().kernelName() + ", " + e.direction().kernelName() + ", " + e.size() + " bytes at 0x"
                + Long.toHexString(e.devAddr()) + ")";
    }

    private void emit(CaptureFinding.Kind kind, TraceEvent e, long line, String dev, DmaDebugCheck c, String message,
                      long addr, long related, String why) {
        emit(kind, e.type.traceName(), line, dev, c, message, addr, related, why);
    }

    private void emit(CaptureFinding.Kind kind, String event, long line, String dev, DmaDebugCheck c, String message,
                      long addr, long related, String why) {
        switch (kind) {
            case VIOLATION -> violations++;
            case UNCERTAIN -> uncertain++;
            case FAULT -> faults++;
        }
        out.finding(new CaptureFinding(kind, r.file, line, event, dev, c, message, addr, related, why));
    }

    static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0000000000000000".substring(h.length()) + h;
    }
}

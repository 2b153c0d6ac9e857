package org.dmaworkbench.runtime.capture;

import org.dmaworkbench.runtime.debug.DmaDebugEntry;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * Attributes a device's IOMMU fault at an IOVA (an {@code io_page_fault} event of report_iommu_fault(),
 * drivers/iommu/iommu.c, or a fault line of the kernel log) to a capture's mappings of that device: a live mapping
 * covering the IOVA (then the access its direction does not allow, or a fault it should not have had), else the
 * newest unmap that removed one (a use after unmap), else an iommu {@code map} range (those events name no device).
 */
final class FaultAttribution {

    /**
     * What covered the address.
     *
     * @param cause       what the fault means given the mapping ("use after unmap", ...)
     * @param relatedLine the line of the map or unmap it names
     * @param related     the mapping, as the text report prints it
     * @param doubtful    why the attribution may be wrong (events lost after the unmap), or null
     */
    record Attribution(String cause, long relatedLine, String related, String doubtful) { }

    private final CaptureReplay r;

    FaultAttribution(CaptureReplay replay) {
        this.r = replay;
    }

    /** An io_page_fault event of the capture. */
    void fault(TraceEvent e, long line) {
        DeviceState d = r.device(e.device);
        d.stats.faults++;
        String access = e.faultIsWrite() ? "write" : "read";
        String head = "io_page_fault (" + (e.driver == null || e.driver.isEmpty() ? "no driver" : e.driver) + ") at iova 0x"
                + Verdicts.hex16(e.iova) + " flags=0x" + String.format("%04x", e.flags) + " (" + access + ")";
        Attribution a = attribute(d, e.iova, e.faultIsWrite(), "line ", -1);
        if (a == null) {
            r.verdicts.fault(e, line, head + ": never mapped in this capture", e.iova, 0,
                    r.verdicts.missing(line, "a mapping of the address"));
        } else {
            r.verdicts.fault(e, line, head + ": " + a.cause(), e.iova, a.relatedLine(),
                    a.doubtful() == null ? a.related() : a.related() + "; " + a.doubtful());
        }
    }

    /**
     * The mapping of {@code d} (null: look only at the iommu ranges) that covered {@code iova}, or null;
     * {@code write} null when the fault does not say; {@code at} prefixes line numbers ("line ", "capture.txt:");
     * {@code atNs} the fault's time on the capture's clock (a kernel log's printk time), or -1: then the capture as
     * it stands (at its end, or at the fault's line in the same file) is what covered it.
     */
    Attribution attribute(DeviceState d, long iova, Boolean write, String at, long atNs) {
        DmaDebugEntry live = d == null ? null : liveCovering(d, iova, atNs);
        if (live != null) {
            return new Attribution(liveCause(write, live.direction()), live.origin(), "mapped at " + at + live.origin() + " ("
                    + live.direction().kernelName() + ", " + live.size() + " bytes at 0x" + Long.toHexString(live.devAddr())
                    + "), still live", null);
        }
        int slot = d == null ? -1 : d.recentUnmaps.coveringAt(iova, atNs);
        if (slot >= 0) {
            UnmapRing u = d.recentUnmaps;
            long unmapped = u.unmapLine(slot);
            String mapped = "mapped at " + at + u.mapLine(slot) + " (" + CaptureReplay.dir(u.direction(slot)) + ", " + u.size(slot)
                    + " bytes at 0x" + Long.toHexString(u.addr(slot)) + "), unmapped at " + at + unmapped;
            if (atNs >= 0 && u.unmapNs(slot) > atNs) {
                return new Attribution(liveCause(write, u.direction(slot)), u.mapLine(slot), mapped + " (" + seconds(u.unmapNs(slot))
                        + " s), after the fault (" + seconds(atNs) + " s)", null);
            }
            String doubt = r.lostLine > unmapped ? "but events were lost at line " + r.lostLine
                    + " after the unmap: a new mapping of the address may be among them" : null;
            return new Attribution("use after unmap", unmapped, mapped, doubt);
        }
        IommuRanges.Range ir = r.iommu.liveCovering(iova);
        if (ir != null) {
            return new Attribution("within an iommu_map() range that is still mapped", ir.mapLine(), "iommu map at " + at
                    + ir.mapLine() + " (" + ir.size() + " bytes at 0x" + Long.toHexString(ir.iova()) + "; the event names no domain)", null);
        }
        IommuRanges.Range gone = r.iommu.unmappedCovering(iova);
        if (gone != null) {
            return new Attribution("use after iommu_unmap()", gone.unmapLine(), "iommu map at " + at + gone.mapLine()
                    + ", unmap at " + at + gone.unmapLine() + " (" + gone.size() + " bytes at 0x" + Long.toHexString(gone.iova())
                    + "; the events name no domain)", r.lostLine > gone.unmapLine() ? "but events were lost after the unmap" : null);
        }
        return null;
    }

    /** What a fault within a mapping that allowed or did not allow the access means. */
    private static String liveCause(Boolean write, DmaDirection dir) {
        String access = write == null ? "an access" : write ? "a write" : "a read";
        boolean allowed = write == null || dir == null || (write ? dir.deviceWrites() : dir.deviceReads());
        return allowed ? access + " within a live mapping that allows it: the IOMMU's page table or IOTLB "
                + "disagrees with the DMA API (a missing map or an early unmap at the IOMMU level)"
                : access + " of a " + dir.kernelName() + " mapping: the direction does not allow it";
    }

    /** A live mapping of {@code d} covering {@code iova} that existed at {@code atNs} (-1: at the end). */
    private DmaDebugEntry liveCovering(DeviceState d, long iova, long atNs) {
        for (DmaDebugEntry x : r.debug.dump(d.debug)) {
            if (Long.compareUnsigned(iova, x.devAddr()) >= 0 && Long.compareUnsigned(iova - x.devAddr(), x.size()) < 0) {
                long mappedNs = atNs < 0 ? -1 : r.mapNs.get(x.origin(), -1);
                if (mappedNs < 0 || mappedNs <= atNs) return x;
            }
        }
        return null;
    }

    /** A trace time in seconds as ftrace prints it (µs). */
    static String seconds(long ns) {
        return String.format(java.util.Locale.ROOT, "%d.%06d", ns / 1_000_000_000L, ns % 1_000_000_000L / 1000);
    }
}

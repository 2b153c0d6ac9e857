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
        Attribution a = attribute(d, e.iova, e.faultIsWrite(), "line ");
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
     * {@code write} null when the fault does not say; {@code at} prefixes line numbers ("line ", "capture.txt:").
     */
    Attribution attribute(DeviceState d, long iova, Boolean write, String at) {
        DmaDebugEntry live = d == null ? null : liveCovering(d, iova);
        if (live != null) {
            DmaDirection dir = live.direction();
            String access = write == null ? "an access" : write ? "a write" : "a read";
            boolean allowed = write == null || (write ? dir.deviceWrites() : dir.deviceReads());
            String cause = allowed ? access + " within a live mapping that allows it: the IOMMU's page table or IOTLB "
                    + "disagrees with the DMA API (a missing map or an early unmap at the IOMMU level)"
                    : access + " of a " + dir.kernelName() + " mapping: the direction does not allow it";
            return new Attribution(cause, live.origin(), "mapped at " + at + live.origin() + " (" + dir.kernelName() + ", "
                    + live.size() + " bytes at 0x" + Long.toHexString(live.devAddr()) + "), still live", null);
        }
        int slot = d == null ? -1 : d.recentUnmaps.covering(iova);
        if (slot >= 0) {
            long unmapped = d.recentUnmaps.unmapLine(slot);
            String rel = "mapped at " + at + d.recentUnmaps.mapLine(slot) + " (" + d.recentUnmaps.size(slot) + " bytes at 0x"
                    + Long.toHexString(d.recentUnmaps.addr(slot)) + "), unmapped at " + at + unmapped;
            String doubt = r.lostLine > unmapped ? "but events were lost at line " + r.lostLine
                    + " after the unmap: a new mapping of the address may be among them" : null;
            return new Attribution("use after unmap", unmapped, rel, doubt);
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

    private DmaDebugEntry liveCovering(DeviceState d, long iova) {
        for (DmaDebugEntry x : r.debug.dump(d.debug)) {
            if (Long.compareUnsigned(iova, x.devAddr()) >= 0 && Long.compareUnsigned(iova - x.devAddr(), x.size()) < 0) return x;
        }
        return null;
    }
}

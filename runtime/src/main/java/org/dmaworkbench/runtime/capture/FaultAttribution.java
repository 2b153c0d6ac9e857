package org.dmaworkbench.runtime.capture;

import org.dmaworkbench.runtime.debug.DmaDebugEntry;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * Attributes an {@code io_page_fault} (report_iommu_fault(), drivers/iommu/iommu.c) to the capture's mappings of
 * the faulting device: a live mapping covering the IOVA (then the access the mapping's direction does not allow,
 * or a fault the mapping should not have had), else the newest unmap that removed one (a use after unmap), else
 * an iommu {@code map} range (the events name no device), else "never mapped in this capture" — uncertain, since
 * the mapping may predate the capture or be among lost events.
 */
final class FaultAttribution {
    private final CaptureReplay r;

    FaultAttribution(CaptureReplay replay, CaptureListener out) {
        this.r = replay;
    }

    void fault(TraceEvent e, long line) {
        DeviceState d = r.device(e.device);
        d.stats.faults++;
        String access = e.faultIsWrite() ? "write" : "read";
        String head = "io_page_fault (" + (e.driver == null || e.driver.isEmpty() ? "no driver" : e.driver) + ") at iova 0x"
                + Verdicts.hex16(e.iova) + " flags=0x" + String.format("%04x", e.flags) + " (" + access + ")";
        DmaDebugEntry live = liveCovering(d, e.iova);
        Verdicts v = r.verdicts;
        if (live != null) {
            DmaDirection dir = live.direction();
            boolean allowed = e.faultIsWrite() ? dir.deviceWrites() : dir.deviceReads();
            String why = allowed ? "a " + access + " within a live mapping that allows it: the IOMMU's page table "
                    + "or IOTLB disagrees with the DMA API (a missing map or an early unmap at the IOMMU level)"
                    : "a " + access + " of a " + dir.kernelName() + " mapping: the direction does not allow it";
            v.fault(CaptureFinding.Kind.FAULT, e, line, head + ": " + why, e.iova, live.origin(),
                    "mapped at line " + live.origin() + " (" + dir.kernelName() + ", " + live.size() + " bytes at 0x"
                            + Long.toHexString(live.devAddr()) + "), still live");
            return;
        }
        int slot = d.recentUnmaps.covering(e.iova);
        if (slot >= 0) {
            long unmapped = d.recentUnmaps.unmapLine(slot);
            String rel = "mapped at line " + d.recentUnmaps.mapLine(slot) + " (" + d.recentUnmaps.size(slot) + " bytes at 0x"
                    + Long.toHexString(d.recentUnmaps.addr(slot)) + "), unmapped at line " + unmapped;
            if (r.lostLine > unmapped) {
                v.fault(CaptureFinding.Kind.UNCERTAIN, e, line, head + ": the device used an address unmapped earlier",
                        e.iova, unmapped, rel + "; but events were lost at line " + r.lostLine
                                + " after the unmap: a new mapping of the address may be among them");
            } else {
                v.fault(CaptureFinding.Kind.FAULT, e, line, head + ": use after unmap", e.iova, unmapped, rel);
            }
            return;
        }
        IommuRanges.Range ir = r.iommu.liveCovering(e.iova);
        if (ir != null) {
            v.fault(CaptureFinding.Kind.FAULT, e, line, head + ": within an iommu_map() range that is still mapped",
                    e.iova, ir.mapLine(), "iommu map at line " + ir.mapLine() + " (" + ir.size() + " bytes at 0x"
                            + Long.toHexString(ir.iova()) + "; the event names no domain)");
            return;
        }
        IommuRanges.Range gone = r.iommu.unmappedCovering(e.iova);
        if (gone != null && r.lostLine < gone.unmapLine()) {
            v.fault(CaptureFinding.Kind.FAULT, e, line, head + ": use after iommu_unmap()", e.iova, gone.unmapLine(),
                    "iommu map at line " + gone.mapLine() + ", unmap at line " + gone.unmapLine() + " ("
                            + gone.size() + " bytes at 0x" + Long.toHexString(gone.iova()) + "; the events name no domain)");
            return;
        }
        v.fault(CaptureFinding.Kind.UNCERTAIN, e, line, head + ": never mapped in this capture", e.iova, 0,
                v.missing(line, "a mapping of the address"));
    }

    private DmaDebugEntry liveCovering(DeviceState d, long iova) {
        for (DmaDebugEntry x : r.debug.dump(d.debug)) {
            if (Long.compareUnsigned(iova, x.devAddr()) >= 0 && Long.compareUnsigned(iova - x.devAddr(), x.size()) < 0) return x;
        }
        return null;
    }
}

package org.dmaworkbench.runtime.capture;

import java.util.List;

/**
 * What the replay of one capture found.
 *
 * @param file        the capture's name as given
 * @param problem     why nothing could be read (cannot open, nothing readable), or null
 * @param counts      what the reader saw (lines, events, unknown events by name, foreign lines, warnings)
 * @param devices     per-device statistics, in order of first appearance, with the mappings live at the end
 * @param findings    the first {@value CaptureCheck#KEPT_FINDINGS} findings in capture order (all were streamed)
 * @param violations  how many violations
 * @param uncertain   how many uncertain verdicts
 * @param faults      how many attributed faults
 * @param lostMarkers lost-events markers
 * @param lostEvents  events they say were lost (markers without a count add nothing)
 * @param iommuMaps   iommu map events
 * @param iommuUnmaps iommu unmap events
 */
public record CaptureResult(String file, String problem, CaptureReader.Counts counts, List<DeviceStats> devices,
                            List<CaptureFinding> findings, long violations, long uncertain, long faults,
                            long lostMarkers, long lostEvents, long iommuMaps, long iommuUnmaps) {

    /** A capture that could not be read at all. */
    static CaptureResult unreadable(String file, String problem, CaptureReader.Counts counts) {
        return new CaptureResult(file, problem, counts == null ? new CaptureReader.Counts() : counts, List.of(), List.of(),
                0, 0, 0, 0, 0, 0, 0);
    }

    /** Nothing could be read: the exit code is 2 whatever else was found. */
    public boolean unreadable() { return problem != null; }

    /** Violations or attributed faults: exit code 1. */
    public boolean anyFound() { return violations > 0 || faults > 0; }
}

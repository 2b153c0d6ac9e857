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
 * @param faults      how many faults (io_page_fault events and kernel-log fault records)
 * @param lostMarkers lost-events markers
 * @param lostEvents  events they say were lost (markers without a count add nothing)
 * @param iommuMaps   iommu map events
 * @param iommuUnmaps iommu unmap events
 * @param log         what the kernel-log lines held (fault records decoded, warnings, rate-limited messages)
 */
public record CaptureResult(String file, String problem, CaptureReader.Counts counts, List<DeviceStats> devices,
                            List<CaptureFinding> findings, long violations, long uncertain, long faults,
                            long lostMarkers, long lostEvents, long iommuMaps, long iommuUnmaps, Log log) {

    /**
     * The kernel-log side of a file.
     *
     * @param faults     fault records decoded
     * @param warnings   fault lines that could not be read
     * @param suppressed messages the kernel's rate limit suppressed ("N callbacks suppressed")
     * @param lost       lost-record notes of the hardware or driver (overflow)
     */
    public record Log(long faults, long warnings, long suppressed, long lost) {
        static final Log NONE = new Log(0, 0, 0, 0);
    }

    /** A capture that could not be read at all. */
    static CaptureResult unreadable(String file, String problem, CaptureReader.Counts counts) {
        return new CaptureResult(file, problem, counts == null ? new CaptureReader.Counts() : counts, List.of(), List.of(),
                0, 0, 0, 0, 0, 0, 0, Log.NONE);
    }

    /** Nothing could be read: the exit code is 2 whatever else was found. */
    public boolean unreadable() { return problem != null; }

    /** Violations or faults: exit code 1. */
    public boolean anyFound() { return violations > 0 || faults > 0; }
}

package org.dmaworkbench.dsl.batch.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dmaworkbench.runtime.capture.CaptureResult;

/**
 * One report format of a capture check, written file by file as the captures are done, never holding the whole check
 * ({@link CaptureReports} feeds the formats asked for; a new format is a new writer).
 */
interface CaptureReportWriter {
    /** A capture (or kernel log) is done: its result, its devices with their verdicts, how long it took. */
    void file(CaptureResult result, List<CaptureDevices.Device> devices, long wallNs) throws IOException;

    /** The check is over: writes what is left with its totals; returns the files written. */
    List<Path> finish(TraceService.Outcome outcome) throws IOException;

    /** The report cannot be finished: removes what it left half-written. */
    default void abandon() { }
}

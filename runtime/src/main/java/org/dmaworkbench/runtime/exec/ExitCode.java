package org.dmaworkbench.runtime.exec;

import java.util.List;
import org.dmaworkbench.runtime.capture.CaptureResult;

/**
 * The one exit-code rule of every front end ({@code ./dmas}, the Maven plugin, the Eclipse run, the
 * runtime's own {@link RuntimeMain}): {@link #INVALID} when the input is invalid or nothing ran,
 * {@link #NOT_MET} when an expectation was not met, a scenario stopped or a benchmark did not run,
 * else {@link #OK}.
 */
public final class ExitCode {
    /** Every expectation met. */
    public static final int OK = 0;
    /** Some expectation not met (or a scenario stopped, or a benchmark did not run). */
    public static final int NOT_MET = 1;
    /** Invalid input, or nothing to run. */
    public static final int INVALID = 2;

    private ExitCode() { }

    /** The exit code of a run of {@code files} whose input was valid. */
    public static int of(List<FileRun> files) {
        long runnable = files.stream().mapToLong(FileRun::runnable).sum();
        if (runnable == 0) return INVALID;
        return files.stream().anyMatch(FileRun::anyFailed) ? NOT_MET : OK;
    }

    /**
     * The exit code of a check of kernel captures: {@link #INVALID} when there was none or one could not be read
     * (or held nothing readable), {@link #NOT_MET} on a violation or a fault (uncertain verdicts do not
     * count), else {@link #OK}.
     */
    public static int ofCaptures(List<CaptureResult> captures) {
        if (captures.isEmpty() || captures.stream().anyMatch(CaptureResult::unreadable)) return INVALID;
        return captures.stream().anyMatch(CaptureResult::anyFound) ? NOT_MET : OK;
    }
}

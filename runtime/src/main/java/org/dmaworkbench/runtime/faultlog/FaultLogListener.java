package org.dmaworkbench.runtime.faultlog;

/** What {@link KernelLogReader} finds in a kernel log, in line order. */
public interface FaultLogListener {
    /** A decoded fault record. */
    void fault(DecodedFault fault);

    /** A line that looks like an IOMMU fault line but could not be read; {@code line} is 1-based. */
    void warning(String fileName, long line, String message);

    /**
     * A rate-limit line of the driver's fault path ({@code ___ratelimit()} in lib/ratelimit.c:
     * "FUNC: N callbacks suppressed"): {@code count} messages of that path were not printed.
     */
    void suppressed(String fileName, long line, FaultFamily family, long count);

    /**
     * The hardware or driver says records were lost without saying how many (VT-d FSTS.PFO, SMMUv3
     * "EVTQ overflow detected", AMD-Vi "IOMMU event log overflow"). Verdicts that need every fault are
     * uncertain after it.
     */
    default void lost(String fileName, long line, FaultFamily family, String what) { }
}

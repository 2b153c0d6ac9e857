package org.dmaworkbench.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.dmaworkbench.runtime.capture.CaptureCheck;
import org.dmaworkbench.runtime.capture.CaptureListener;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.SyntheticCapture;

/**
 * Heap of a streamed replay of a generated capture of 10,000,000 events (default; {@link SyntheticCapture}, generated
 * as it is read, never held whole): run it with {@code -Xmx256m}; it prints the events, the findings (none) and the
 * peak heap of all heap pools. The runtime's {@code CaptureFootprintTest} runs the same in a forked JVM.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar org.dmaworkbench.benchmarks.CaptureFootprint [events]</pre>
 */
public final class CaptureFootprint {
    private CaptureFootprint() { }

    public static void main(String[] args) throws IOException {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        long t0 = System.nanoTime();
        CaptureResult r = CaptureCheck.check(SyntheticCapture.stream(n, true, 1), "synthetic", CaptureListener.NONE);
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        System.out.printf("events=%d findings=%d peakHeapMiB=%.1f maxHeapMiB=%.0f seconds=%.1f%n", r.counts().events(),
                r.violations() + r.faults() + r.uncertain(), peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                (System.nanoTime() - t0) / 1e9);
    }
}

package org.dmaworkbench.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.dmaworkbench.runtime.capture.CaptureCheck;
import org.dmaworkbench.runtime.capture.CaptureListener;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.SyntheticCapture;

/**
 * The replay of {@link CaptureReplayBenchmark} timed by the thread's CPU time as well as the wall clock: on a shared,
 * loaded machine the wall-clock score says more about the other builds than about the replay; events per CPU-second
 * of the replaying thread is what one core does.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.dmaworkbench.benchmarks.CaptureReplayCpuTime [events] [rounds]</pre>
 */
public final class CaptureReplayCpuTime {
    private CaptureReplayCpuTime() { }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ByteArrayOutputStream bos = new ByteArrayOutputStream(events * 140);
        SyntheticCapture.write(bos, events, true, 1);
        byte[] capture = bos.toByteArray();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int k = 1; k <= rounds; k++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            CaptureResult r = CaptureCheck.check(new ByteArrayInputStream(capture), "bench", CaptureListener.NONE);
            long cpu = mx.getCurrentThreadCpuTime() - c0;
            long wall = System.nanoTime() - t0;
            long n = r.counts().events();
            System.out.printf(Locale.ROOT, "round %d: %d events, %.2f M/s wall, %.2f M/s per CPU-second, %d findings%n", k, n,
                    n * 1e3 / wall, n * 1e3 / cpu, r.violations() + r.faults() + r.uncertain());
        }
    }
}

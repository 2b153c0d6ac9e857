package org.dmaworkbench.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.runtime.capture.CaptureCheck;
import org.dmaworkbench.runtime.capture.CaptureListener;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.SyntheticCapture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput of a kernel capture on one core: a clean 1,000,000-event NIC/NVMe capture
 * ({@link SyntheticCapture}, tracefs text, iommu map/unmap under every mapping), read from memory, every line
 * classified, every event decoded by field name and replayed through dma-debug ({@code ./dmas trace} without the
 * printing). Score: events per second ({@code @OperationsPerInvocation} = the capture's events). Goal ≥ 2 M/s.
 * {@code names}: "phys" for the 6.17 event names, "page" for 6.12's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class CaptureReplayBenchmark {
    static final int EVENTS = 1_000_000;

    @Param({"phys"})
    public String names;

    private byte[] capture;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(EVENTS * 140);
        SyntheticCapture.write(bos, EVENTS, names.equals("phys"), 1);
        capture = bos.toByteArray();
        CaptureResult r = CaptureCheck.check(new ByteArrayInputStream(capture), "bench", CaptureListener.NONE);
        // the generator ends after the driver action that reaches EVENTS: a few events more (< 10 in 10^6, ignored)
        if (r.counts().events() < EVENTS || r.counts().events() > EVENTS + 10 || r.violations() + r.faults() + r.uncertain() != 0) {
            throw new IllegalStateException("not a clean " + EVENTS + "-event capture: " + r.counts().events() + " events");
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replay() throws IOException {
        return CaptureCheck.check(new ByteArrayInputStream(capture), "bench", CaptureListener.NONE).counts().events();
    }
}

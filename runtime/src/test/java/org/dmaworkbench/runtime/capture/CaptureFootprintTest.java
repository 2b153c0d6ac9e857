package org.dmaworkbench.runtime.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bounded memory: a generated capture of 10,000,000 events ({@link SyntheticCapture}, streamed as it is generated)
 * replays in a JVM limited to 256 MB of heap ({@code -Xmx256m}, forked), with no finding. The live state is the live
 * mappings, not the events. {@code -Ddmas.capture.footprint.events=N} changes the size.
 */
class CaptureFootprintTest {
    static final long EVENTS = Long.getLong("dmas.capture.footprint.events", 10_000_000L);

    @Test
    void tenMillionEventsReplayIn256MegabytesOfHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), Long.toString(EVENTS)).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the replay ends");
        assertEquals(0, p.exitValue(), "the forked replay (-Xmx256m) failed:\n" + out);
        List<String> f = List.of(out.substring(out.lastIndexOf('\n') + 1).split(" "));
        assertTrue(Long.parseLong(f.get(0).substring(7)) >= EVENTS, out);
        assertEquals("findings=0", f.get(1), out);
        System.out.println("CaptureFootprintTest: " + out);
    }

    /** The forked side: replays the stream and prints {@code events=N findings=N peakHeapMiB=X}. */
    public static final class Main {
        public static void main(String[] args) throws IOException {
            long n = Long.parseLong(args[0]);
            CaptureResult r = CaptureCheck.check(SyntheticCapture.stream(n, true, 1), "synthetic", CaptureListener.NONE);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            }
            System.out.println("events=" + r.counts().events() + " findings=" + (r.violations() + r.faults() + r.uncertain())
                    + " peakHeapMiB=" + peak / 1048576);
        }
    }
}

package org.dmaworkbench.dsl.batch.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.batch.JunitReport;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.exec.CaptureExecutor;

/**
 * {@code ./dmas trace --junit FILE.xml}: the JUnit XML of a capture check in one file, for CI servers that read
 * Surefire's format: a {@code <testsuite>} per capture, a {@code <testcase>} per device. Each suite is
 * {@link CaptureJunitReport}'s (the Maven goal's {@code TEST-*.xml}), fed by the findings as they stream
 * ({@link CaptureDevices}, exact counts), only gathered in one {@code <testsuites>} document.
 */
final class TraceJunit implements CaptureExecutor.Listener {
    private final CaptureDevices devices = new CaptureDevices();
    private final List<CaptureJunitReport.Suite> suites = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Instant started = Instant.now();
    private long fileStart = System.nanoTime();

    @Override
    public void starting(CaptureExecutor.Input input) {
        fileStart = System.nanoTime();
    }

    @Override
    public void finding(CaptureFinding f) {
        devices.add(f);
    }

    @Override
    public void done(CaptureResult r) {
        String base = JunitReport.suiteName(r.file()), name = base;
        for (int i = 2; !names.add(name); i++) name = base + "_" + i;
        suites.add(new CaptureJunitReport.Suite(name, r, devices.finish(r), System.nanoTime() - fileStart));
    }

    /** Writes the report to {@code file} (replaced), creating its folder. */
    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, CaptureJunitReport.renderAll(suites, CaptureJunitReport.timestamp(started)), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}

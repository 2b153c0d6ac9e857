package org.dmaworkbench.dsl.cli;

import static org.dmaworkbench.dsl.cli.CliHarness.dmas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.runtime.capture.CaptureCheck;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureListener;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.SyntheticCapture;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The round trip: {@code ./dmas trace --to-scenario} writes a scenario whose {@code ./dmas run} gives the capture's
 * verdicts: per trace line, the same dma-debug checks and the same faults (lines the writer says it did not write
 * excepted), every expectation met, nothing else reported.
 */
class TraceToScenarioTest {
    static final String CAPTURES = TraceCommandTest.CAPTURES;
    private static final Pattern TRACE_LINE = Pattern.compile("// line (\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"dma-debug-rules-6.12.trace", "lost-and-mid-run.trace", "v6.18-phys.trace", "trace-cmd-report.txt"})
    void theScenarioGivesTheCapturesVerdicts(String fixture, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("from-capture.dmas");
        CliHarness.Result r = dmas("trace", "--to-scenario", out.toString(), CAPTURES + fixture).assertNoStackTrace();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("wrote " + out), r.out());
        String text = Files.readString(out);
        assertEquals(verdictsOfCapture(Path.of(CAPTURES + fixture), omittedLines(text)), verdictsOfScenario(out, text), text);
        CliHarness.Result run = dmas("run", out.toString()).assertNoStackTrace();
        assertEquals(0, run.exit(), "every expectation is met:\n" + run + "\n" + text);
    }

    @Test
    void aCleanCaptureBecomesACleanScenario(@TempDir Path dir) throws IOException {
        Path capture = dir.resolve("clean.trace");
        try (OutputStream os = Files.newOutputStream(capture)) {
            SyntheticCapture.write(os, 3_000, false, 5);
        }
        Path out = dir.resolve("clean.dmas");
        assertEquals(0, dmas("trace", "--to-scenario", out.toString(), capture.toString()).assertNoStackTrace().exit());
        String text = Files.readString(out);
        assertTrue(text.contains("phys_buffer(0x"), "buffers by physical address");
        assertTrue(text.contains("device d_0000_02_00_0 { bdf 0000:02:00.0"), "devices by BDF");
        assertEquals(Map.of(), verdictsOfScenario(out, text), text);
        assertEquals(0, dmas("run", out.toString()).assertNoStackTrace().exit());
    }

    @Test
    void onAGivenPlatformTheDevicesAreFoundByBdf(@TempDir Path dir) throws IOException {
        Path platform = dir.resolve("platforms/lab.dmas");
        Files.createDirectories(platform.getParent());
        Files.writeString(platform, "platform lab {\n    iommu vtd0 arch intel-vtd { address-width 48 }\n    default-domain strict\n"
                + "    memory 8192 MiB\n}\ndevice eth0 { bdf 0000:02:00.0  iommu vtd0  dma-mask 64 }\n");
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        Path out = dir.resolve("scenarios/x.dmas");
        CliHarness.Result r = dmas("trace", "--to-scenario", out.toString(), "--platform", platform.toString(),
                CAPTURES + "v6.18-phys.trace").assertNoStackTrace();
        assertEquals(0, r.exit(), r.toString());
        String text = Files.readString(out);
        assertTrue(text.contains("import \"../platforms/lab.dmas\"\n"), text);
        assertTrue(text.contains("dma_map_page(eth0, "), "the platform's name for 0000:02:00.0");
        assertTrue(text.contains("device d_0000_03_00_0 { bdf 0000:03:00.0  iommu vtd0"), "a device the platform lacks is added");
        assertEquals(0, dmas("run", out.toString()).assertNoStackTrace().exit(), text);
    }

    @Test
    void usage() {
        CliHarness.Result two = dmas("trace", "--to-scenario", "x.dmas", "a.trace", "b.trace").assertNoStackTrace();
        assertEquals(2, two.exit());
        assertEquals("dmas: --to-scenario writes one capture: give exactly one FILE (got 2)\n", two.err());
        assertEquals(2, dmas("trace", "--platform", "p.dmas", "a.trace").assertNoStackTrace().exit());
    }

    private static Set<Long> omittedLines(String text) {
        Set<Long> out = new TreeSet<>();
        Matcher m = Pattern.compile("// line (\\d+): not written").matcher(text);
        while (m.find()) out.add(Long.parseLong(m.group(1)));
        return out;
    }

    /** Trace line → the checks (and "fault") the capture's replay found, uncertain verdicts and omitted lines excepted. */
    private static Map<Long, Set<String>> verdictsOfCapture(Path capture, Set<Long> omitted) {
        Map<Long, Set<String>> v = new TreeMap<>();
        CaptureResult r = CaptureCheck.check(capture, "x", new CaptureListener() {
            @Override public void finding(CaptureFinding f) {
                if (f.kind() == CaptureFinding.Kind.UNCERTAIN || omitted.contains(f.line())) return;
                v.computeIfAbsent(f.line(), k -> new TreeSet<>()).add(f.kind() == CaptureFinding.Kind.FAULT ? "fault" : f.check().name());
            }
        });
        assertTrue(!r.unreadable());
        return v;
    }

    /** Trace line (from each step's "// line N") → the checks of the step's dma-debug reports and "fault". */
    private static Map<Long, Set<String>> verdictsOfScenario(Path file, String text) {
        List<String> lines = text.lines().toList();
        List<StepResult> steps = new java.util.ArrayList<>();
        // every step as it runs (the results keep only a long scenario's first and unmet steps)
        BatchService.Outcome o = Batch.service().run(BatchService.Request.commandLine(List.of(file.toString()), null),
                new BatchService.Listener() {
                    @Override public void step(ScenarioProgram p, StepResult r) { steps.add(r); }
                });
        Map<Long, Set<String>> v = new TreeMap<>();
        for (FileRun fr : o.results().files()) {
            for (ScenarioRun sr : fr.scenarios()) {
                assertEquals(sr.stepCount(), steps.size());
                for (StepResult s : steps) {
                    Matcher m = TRACE_LINE.matcher(lines.get(s.line() - 1));
                    if (!m.find()) continue;
                    long traceLine = Long.parseLong(m.group(1));
                    for (String msg : s.dmaDebug()) {
                        DmaDebugCheck c = DmaDebugCheck.byMessage(msg.substring(msg.indexOf(": ", "DMA-API: ".length()) + 2));
                        v.computeIfAbsent(traceLine, k -> new TreeSet<>()).add(c == null ? msg : c.name());
                    }
                    if ("fault".equals(s.outcome())) v.computeIfAbsent(traceLine, k -> new TreeSet<>()).add("fault");
                }
            }
        }
        return v;
    }
}

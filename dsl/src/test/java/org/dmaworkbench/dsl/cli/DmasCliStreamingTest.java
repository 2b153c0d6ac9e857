package org.dmaworkbench.dsl.cli;

import static org.dmaworkbench.dsl.cli.CliHarness.GOOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmas run} prints each step's line as the step completes, not when its scenario or file has
 * finished: a run stopped in the middle of a scenario (as Ctrl+C or the IDE's Cancel stops it) has
 * shown every step that ran; the batch service tells its listener the steps, in input order also
 * when files run in parallel.
 */
class DmasCliStreamingTest {
    private static final String SCENARIOS = GOOD + "/scenarios.dmas";

    /** Standard output that interrupts the running thread once it has been shown {@code trigger}. */
    private static final class StopWhenShown extends Writer {
        final StringBuilder shown = new StringBuilder();
        final String trigger;
        String shownWhenStopped;

        StopWhenShown(String trigger) { this.trigger = trigger; }

        @Override public void write(char[] c, int off, int len) {
            shown.append(c, off, len);
            if (shownWhenStopped == null && shown.indexOf(trigger) >= 0) {
                shownWhenStopped = shown.toString();
                Thread.currentThread().interrupt(); // what the IDE's Cancel does; the runner stops before the next step
            }
        }
        @Override public void flush() { }
        @Override public void close() { }
    }

    @Test
    void aStepIsShownBeforeItsScenarioEndsAndARunStoppedThereHasShownTheStepsThatRan() {
        StopWhenShown out = new StopWhenShown("iommu_alloc_global_pasid(dsa0) expect 1");
        StringWriter err = new StringWriter();
        int exit;
        try {
            exit = DmasCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("run", SCENARIOS);
        } finally {
            Thread.interrupted();
        }
        String shown = out.shown.toString();
        assertTrue(out.shownWhenStopped != null, () -> "the second step's line never came:\n" + shown + err);
        assertFalse(out.shownWhenStopped.contains("PASS  ") || out.shownWhenStopped.contains("FAIL  "),
                "the step came before its scenario's verdict:\n" + shown);
        assertTrue(shown.contains("RUN   " + SCENARIOS + ":4  kernel DMA with a global PASID shares the RID page table  [on spr]"), shown);
        assertTrue(shown.matches("(?s).*\\n    -  " + SCENARIOS + ":5 +probe dsa0 .*"), shown);
        assertTrue(shown.matches("(?s).*\\n   ok  " + SCENARIOS + ":6 +pasid kp = iommu_alloc_global_pasid\\(dsa0\\) expect 1  -> global PASID 1\\n.*"),
                shown);
        assertFalse(shown.contains(SCENARIOS + ":7 "), "the run stopped before the next step:\n" + shown);
        assertFalse(shown.contains("PASS  " + SCENARIOS), "the scenario never finished:\n" + shown);
        assertTrue(err.toString().contains("dmas: cancelled; the results so far are shown"), err::toString);
        assertEquals(2, exit, () -> shown + err); // nothing finished
    }

    @Test
    void quietShowsAnUnmetStepAsItHappens() {
        StopWhenShown out = new StopWhenShown("NOT  ");
        try {
            DmasCli.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                    .execute("run", "-q", CliHarness.BAD + "/broken-expectation.dmas");
        } finally {
            Thread.interrupted();
        }
        assertTrue(out.shownWhenStopped != null, out.shown::toString);
        assertFalse(out.shown.toString().contains("FAIL  "), "stopped right after the unmet step, before the verdict:\n" + out.shown);
        assertFalse(java.util.regex.Pattern.compile("(?m)^ +ok  ").matcher(out.shown).find(), "quiet: no met step\n" + out.shown);
    }

    @Test
    void theListenerGetsEveryStepBeforeItsScenarioEndsInInputOrderAlsoInParallel(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of(GOOD, "platforms/spr.dmas"), tmp.resolve("spr.dmas"));
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            StringBuilder b = new StringBuilder("import \"spr.dmas\"\n");
            for (int s = 0; s < 2; s++) {
                b.append("scenario \"f").append(f).append(" s").append(s).append("\" on spr {\n    probe dsa0\n");
                // file 0 is the longest: the later files finish first on their workers and must wait for it
                for (int i = 0; i < (f == 0 ? 400 : 3); i++) b.append("    buffer b").append(i).append(" = kmalloc(64)\n");
                b.append("    check iotlb.invalidations >= 0\n}\n");
            }
            files.add(Files.writeString(tmp.resolve("f" + f + ".dmas"), b.toString()));
        }
        List<String> events = new ArrayList<>();
        BatchService.Listener record = new BatchService.Listener() {
            @Override public void started(FileRun growing) { events.add("file " + growing.file()); }
            @Override public void scenarioStarted(ScenarioProgram p) { events.add("start " + p.name()); }
            @Override public void step(ScenarioProgram p, StepResult r) { events.add("step " + p.name() + " " + r.line()); }
            @Override public void scenarioDone(ScenarioRun run) { events.add("done " + run.result().name() + " " + run.stepCount()); }
            @Override public void fileDone(FileRun run) { events.add("end " + run.file()); }
        };
        BatchService batch = Batch.service();
        var o = batch.run(BatchService.Request.files(files, new org.dmaworkbench.dsl.batch.Workspace.Options(tmp, List.of(), null),
                null, null, 3, List.of()), record);
        assertEquals(0, o.exitCode(), o.messages()::toString);

        List<String> expected = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            expected.add("file f" + f + ".dmas");
            for (int s = 0; s < 2; s++) {
                String name = "f" + f + " s" + s;
                expected.add("start " + name);
                int first = 3 + s * ((f == 0 ? 400 : 3) + 4);
                int n = (f == 0 ? 400 : 3) + 2;
                for (int i = 0; i < n; i++) expected.add("step " + name + " " + (first + i));
                expected.add("done " + name + " " + n);
            }
            expected.add("end f" + f + ".dmas");
        }
        assertEquals(expected, events);
    }
}

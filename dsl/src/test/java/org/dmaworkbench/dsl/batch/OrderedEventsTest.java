package org.dmaworkbench.dsl.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.junit.jupiter.api.Test;

/** Parallel files told in input order, a later file holding at most a bounded number of events meanwhile. */
class OrderedEventsTest {
    private static StepResult step(int line) {
        return new StepResult(line, "s", "void", null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), 0);
    }

    @Test
    void aLaterFileWaitsWhenItHoldsTheLimitAndGoesOnInOrderWhenTheEarlierOneIsDone() throws Exception {
        List<String> told = new ArrayList<>();
        BatchService.Listener target = new BatchService.Listener() {
            @Override public void step(ScenarioProgram p, StepResult r) { told.add(p.name() + ":" + r.line()); }
            @Override public void fileDone(FileRun run) { told.add("done " + run.file()); }
        };
        OrderedEvents ordered = new OrderedEvents(target, 2, 3);
        ScenarioProgram first = new ScenarioProgram("a", "a.dmas", 1, null, List.of(), List.of());
        ScenarioProgram second = new ScenarioProgram("b", "b.dmas", 1, null, List.of(), List.of());
        ProgramExecutor.Listener a = ordered.forFile(0), b = ordered.forFile(1);

        Thread later = new Thread(() -> {
            for (int i = 1; i <= 5; i++) b.step(second, step(i));
        });
        later.start();
        // the later file holds 3 events, then its worker waits (the first file is not done)
        while (later.getState() != Thread.State.WAITING) {
            assertTrue(later.isAlive(), "the later file must wait, not finish");
            Thread.onSpinWait();
        }
        a.step(first, step(1)); // the first file is never held up
        synchronized (ordered) {
            assertEquals(List.of("a:1"), told);
        }
        ordered.finished(0, new FileRun("a.dmas", List.of(), List.of()));
        later.join(TimeUnit.MINUTES.toMillis(1));
        ordered.finished(1, new FileRun("b.dmas", List.of(), List.of()));
        assertEquals(List.of("a:1", "done a.dmas", "b:1", "b:2", "b:3", "b:4", "b:5", "done b.dmas"), told);
    }
}

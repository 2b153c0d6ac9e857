package org.dmaworkbench.dsl.batch;

import java.util.List;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;

/** One listener that tells several, in order (the console and the report writers of one run). */
public final class Tee implements BatchService.Listener {
    private final List<BatchService.Listener> all;

    private Tee(List<BatchService.Listener> all) { this.all = all; }

    public static BatchService.Listener of(BatchService.Listener... listeners) {
        return new Tee(List.of(listeners));
    }

    @Override public void loaded(Workspace.Loaded loaded) { for (var l : all) l.loaded(loaded); }
    @Override public void started(FileRun growing) { for (var l : all) l.started(growing); }
    @Override public void starting(String kind, String name) { for (var l : all) l.starting(kind, name); }
    @Override public void scenarioStarted(ScenarioProgram p) { for (var l : all) l.scenarioStarted(p); }
    @Override public void state(ScenarioProgram p, StepResult r, IommuState s) { for (var l : all) l.state(p, r, s); }
    @Override public void step(ScenarioProgram p, StepResult r) { for (var l : all) l.step(p, r); }
    @Override public void scenarioDone(ScenarioRun run) { for (var l : all) l.scenarioDone(run); }
    @Override public void benchmarkDone(BenchmarkRun run) { for (var l : all) l.benchmarkDone(run); }
    @Override public void finished() { for (var l : all) l.finished(); }
    @Override public void fileDone(FileRun run) { for (var l : all) l.fileDone(run); }
}

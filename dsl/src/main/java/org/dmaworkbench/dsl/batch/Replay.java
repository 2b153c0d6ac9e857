package org.dmaworkbench.dsl.batch;

import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * Tells a listener or a report writer the events of a run that has finished, as the executor told
 * them while it ran (with the steps the results kept): the reports of a finished run (a string, or
 * {@link Reports#write}) come from the same writers as those streamed during a run.
 */
final class Replay {
    private Replay() { }

    /** One file: its scenarios, each with its kept steps, then its benchmarks. */
    static void file(FileRun f, ProgramExecutor.Listener l) {
        l.started(f);
        for (ScenarioRun s : f.scenarios()) {
            l.starting("scenario", s.result().name());
            l.scenarioStarted(s.program());
            for (StepResult st : s.result().steps()) l.step(s.program(), st);
            l.scenarioDone(s);
            l.finished();
        }
        for (BenchmarkRun b : f.benchmarks()) {
            l.starting("benchmark", b.spec().name());
            l.benchmarkDone(b);
            l.finished();
        }
    }

    /** Every file of {@code r} to {@code w} (then the caller finishes it). */
    static void run(RunResults r, ReportWriter w) throws java.io.IOException {
        for (FileRun f : r.files()) {
            w.fileStarted(f);
            for (ScenarioRun s : f.scenarios()) {
                w.scenarioStarted(s.program());
                for (StepResult st : s.result().steps()) w.step(s.program(), st);
                w.scenarioDone(s);
            }
            for (BenchmarkRun b : f.benchmarks()) w.benchmarkDone(b);
            w.fileDone(f);
        }
    }
}

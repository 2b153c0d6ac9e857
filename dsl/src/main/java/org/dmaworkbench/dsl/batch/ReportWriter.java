package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;

/**
 * One report format, written as a run's results arrive (the events of {@link BatchService.Listener},
 * in input order), never holding a whole run: what must come before what is not yet known (a
 * scenario's verdict before its steps, the summary before the files) waits in a {@link Spill}.
 * {@link Reports.Session} feeds the writers of the formats asked for; a new format is a new writer
 * added to it.
 */
public interface ReportWriter {
    /** The diagnostics are known (before anything runs). */
    default void loaded(Workspace.Loaded loaded) throws IOException { }

    /** A file starts running. */
    default void fileStarted(FileRun file) throws IOException { }

    default void scenarioStarted(ScenarioProgram p) throws IOException { }

    /** The IOMMU state after {@code r}, when the run takes states: told just before {@link #step} for the same step. */
    default void state(ScenarioProgram p, StepResult r, IommuState s) throws IOException { }

    default void step(ScenarioProgram p, StepResult r) throws IOException { }

    default void scenarioDone(ScenarioRun run) throws IOException { }

    default void benchmarkDone(BenchmarkRun run) throws IOException { }

    /** A file has run (not told for a file a cancelled run left unfinished). */
    default void fileDone(FileRun file) throws IOException { }

    /** The run is over: writes what is left with the run's totals; returns the files written. */
    List<Path> finish(RunResults results) throws IOException;

    /** The report cannot be finished: removes what it left half-written (its spills). */
    default void abandon() { }
}

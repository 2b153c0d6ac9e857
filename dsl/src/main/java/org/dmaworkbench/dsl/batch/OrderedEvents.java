package org.dmaworkbench.dsl.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.RunCancelledException;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;

/**
 * Files running in parallel, told to one listener in input order: the events of the first file not
 * yet finished go through at once, those of later files wait until it has finished (then they are
 * told, and that file's further events go through at once). A later file's worker waits once
 * {@code limit} of its events are held, so memory stays bounded however long the files are (the
 * first unfinished file never waits, so the run always goes on). Progress ({@code starting},
 * {@code finished}) goes through at once from any file. Every call to the listener holds this
 * object's lock, so the listener is never called from two threads at a time.
 */
final class OrderedEvents {
    /** Events held per later file before its worker waits for its turn. */
    static final int LIMIT = 10_000;

    private final BatchService.Listener target;
    private final int limit;
    private final List<List<Consumer<BatchService.Listener>>> waiting = new ArrayList<>();
    private int head;

    OrderedEvents(BatchService.Listener target, int files) {
        this(target, files, LIMIT);
    }

    OrderedEvents(BatchService.Listener target, int files, int limit) {
        this.target = target;
        this.limit = limit;
        for (int i = 0; i < files; i++) waiting.add(new ArrayList<>());
    }

    /** The listener for the worker running file {@code index}. */
    ProgramExecutor.Listener forFile(int index) {
        return new ProgramExecutor.Listener() {
            @Override public void started(FileRun growing) { tell(index, l -> l.started(growing)); }
            @Override public void starting(String kind, String name) {
                synchronized (OrderedEvents.this) { target.starting(kind, name); }
            }
            @Override public void scenarioStarted(ScenarioProgram p) { tell(index, l -> l.scenarioStarted(p)); }
            @Override public void state(ScenarioProgram p, StepResult r, IommuState s) { tell(index, l -> l.state(p, r, s)); }
            @Override public void step(ScenarioProgram p, StepResult r) { tell(index, l -> l.step(p, r)); }
            @Override public void scenarioDone(ScenarioRun run) { tell(index, l -> l.scenarioDone(run)); }
            @Override public void benchmarkDone(BenchmarkRun run) { tell(index, l -> l.benchmarkDone(run)); }
            @Override public void finished() {
                synchronized (OrderedEvents.this) { target.finished(); }
            }
        };
    }

    private synchronized void tell(int index, Consumer<BatchService.Listener> event) {
        while (index != head && waiting.get(index).size() >= limit) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException();
            }
        }
        if (index == head) event.accept(target);
        else waiting.get(index).add(event);
    }

    /** File {@code index} (the head) has finished: what the next file told meanwhile goes out, and its events go through from now on. */
    synchronized void finished(int index, FileRun run) {
        flush(index);
        target.fileDone(run);
        head = index + 1;
        if (head < waiting.size()) flush(head);
        notifyAll();
    }

    private void flush(int index) {
        List<Consumer<BatchService.Listener>> w = waiting.get(index);
        for (Consumer<BatchService.Listener> e : w) e.accept(target);
        w.clear();
    }
}

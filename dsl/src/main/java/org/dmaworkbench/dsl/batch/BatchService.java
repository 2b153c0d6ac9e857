package org.dmaworkbench.dsl.batch;

import com.google.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.dmaworkbench.dsl.batch.capture.TraceService;
import org.dmaworkbench.runtime.exec.CaptureExecutor;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.ErrorText;
import org.dmaworkbench.runtime.exec.ExitCode;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.RunCancelledException;
import org.dmaworkbench.runtime.run.StateRequest;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;

/**
 * The one batch path of every front end ({@code ./dmas}, the Maven plugin, the Eclipse run): load
 * (collect, parse, validate, lower), then run with a listener, then the exit code, the messages
 * and the report files. The front ends are adapters: they build a {@link Request}, print what the
 * {@link Listener} tells them in their own medium, and show the {@link Outcome}. The runtime-level
 * part (running compiled programs, the exit-code rule) is the runtime's {@link ProgramExecutor} and
 * {@link ExitCode}, which the runtime's own command shares.
 */
@Singleton
public class BatchService {
    /** Stack of a worker thread when files run in parallel (repeat blocks nest). */
    private static final long WORKER_STACK_BYTES = 64L << 20;

    /**
     * What to load and run.
     *
     * @param inputs  the collected inputs ({@link Workspace#collect} for paths as typed, {@link Workspace#inputs} for chosen files)
     * @param options how names are shown, the import path, load progress
     * @param names   which scenarios and benchmarks run ({@link ProgramExecutor#nameFilter})
     * @param filter  the filter as the user wrote it (for the "no match" message), or null
     * @param threads how many files run at once: 1 on the caller's thread (cancellable), more on workers
     * @param arguments what the run was asked to run, as the reports name it (the paths as typed, the source roots)
     * @param states  after which steps the IOMMU state is taken and told ({@link Listener#state}); {@link StateRequest#NONE} by default
     */
    public record Request(Workspace.Inputs inputs, Workspace.Options options, Predicate<String> names, String filter, int threads,
                          List<String> arguments, StateRequest states) {
        public Request {
            states = states == null ? StateRequest.NONE : states;
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
            options = options == null ? Workspace.Options.commandLine() : options;
            names = names == null ? ProgramExecutor.nameFilter(filter) : names;
            threads = Math.max(1, threads);
        }

        /** The command line's: paths as typed, names relative to the current directory, one thread. */
        public static Request commandLine(List<String> paths, String filter) {
            return new Request(Workspace.collect(paths), Workspace.Options.commandLine(), null, filter, 1, paths, null);
        }

        /** This request, taking the states {@code s} asks for. */
        public Request withStates(StateRequest s) {
            return new Request(inputs, options, names, filter, threads, arguments, s);
        }

        /** Exactly these files. */
        public static Request files(List<Path> files, Workspace.Options options, Predicate<String> names, String filter, int threads,
                                    List<String> arguments) {
            return new Request(Workspace.inputs(files, options), options, names, filter, threads, arguments, null);
        }
    }

    /**
     * What a run tells its front end as it goes, in input order: per file {@code started}, its
     * scenarios' {@code scenarioStarted}, {@code step}s and {@code scenarioDone}, its {@code benchmarkDone}s,
     * then {@code fileDone} ({@link ProgramExecutor.Listener}). Methods may be called from the thread
     * that runs the file, never from two threads at a time.
     */
    public interface Listener extends ProgramExecutor.Listener {
        /** The inputs are loaded and validated: the diagnostics are known (before anything runs). */
        default void loaded(Workspace.Loaded loaded) { }

        /** A file has run (in input order). */
        default void fileDone(FileRun run) { }
    }

    /**
     * A check: what was loaded, the exit code ({@link ExitCode#INVALID} on an error or when there was
     * no input) and the lines to show after the diagnostics ({@code dmas: ...}).
     */
    public record Checked(Workspace.Loaded loaded, int exitCode, List<String> messages) { }

    /**
     * A run: the results (exit code included; {@link ExitCode#INVALID} when its reports could not be
     * written), what to tell the user ({@code dmas: ...} lines: invalid input, nothing to run, no match,
     * cancelled), whether it was cancelled, and the reports written as it ran.
     */
    public record Outcome(Workspace.Loaded loaded, RunResults results, List<String> messages, boolean cancelled, Written reports) {
        public int exitCode() { return results.exitCode(); }
    }

    /** The reports of an outcome: the files written, or why they could not be (then the exit code is {@link ExitCode#INVALID}). */
    public record Written(List<Path> files, String problem) {
        /** No report asked for. */
        public static final Written NONE = new Written(List.of(), null);

        public boolean ok() { return problem == null; }
    }

    /** Loads and validates; lowers too when {@code lower}. */
    public Workspace.Loaded load(Request req, boolean lower) {
        return Workspace.load(req.inputs(), lower, req.options());
    }

    /** Validates only. */
    public Checked check(Request req) {
        Workspace.Loaded l = load(req, false);
        List<String> messages = new ArrayList<>();
        if (l.files() == 0) messages.add("dmas: no .dmas file found");
        return new Checked(l, l.hasErrors() || l.files() == 0 ? ExitCode.INVALID : ExitCode.OK, messages);
    }

    /** Loads, validates, lowers and runs (no report files). */
    public Outcome run(Request req, Listener listener) {
        return run(req, listener, Set.of(), null);
    }

    /** Runs what {@code loaded} (a load of {@code req}, lowered) holds (no report files). */
    public Outcome run(Request req, Workspace.Loaded loaded, Listener listener) {
        return run(req, loaded, listener, Set.of(), null);
    }

    /**
     * Loads, validates, lowers and runs, writing the report files of {@code formats} into {@code target}
     * as the results arrive (memory does not grow with the steps; {@link Outcome#reports}).
     */
    public Outcome run(Request req, Listener listener, Set<Reports.Format> formats, Reports.Target target) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        return reported(req, load(req, true), listener, formats, target, started, t0);
    }

    /** Runs what {@code loaded} (a load of {@code req}, lowered) holds, writing the reports as it goes. */
    public Outcome run(Request req, Workspace.Loaded loaded, Listener listener, Set<Reports.Format> formats, Reports.Target target) {
        return reported(req, loaded, listener, formats, target, Instant.now(), System.nanoTime());
    }

    private Outcome reported(Request req, Workspace.Loaded loaded, Listener listener, Set<Reports.Format> formats, Reports.Target target,
                             Instant started, long t0) {
        if (target == null) return withReports(run(req, loaded, listener, started, t0), Written.NONE);
        Reports.Session reports;
        try {
            reports = Reports.open(formats, target, started);
        } catch (IOException | RuntimeException e) {
            return withReports(run(req, loaded, listener, started, t0), problem(target, e)); // the run is shown all the same
        }
        Outcome o;
        try {
            o = run(req, loaded, Tee.of(listener, reports), started, t0);
        } catch (RuntimeException | Error e) {
            reports.abandon();
            throw e;
        }
        try {
            return withReports(o, new Written(reports.finish(o.results()), null));
        } catch (IOException | RuntimeException e) {
            return withReports(o, problem(target, e));
        }
    }

    private static Written problem(Reports.Target target, Exception e) {
        return new Written(List.of(), "dmas: cannot write the reports to " + Text.display(target.dir()) + ": " + Workspace.message(e));
    }

    /** {@code o} with its reports; a report that could not be written makes the run invalid. */
    private static Outcome withReports(Outcome o, Written w) {
        Outcome with = new Outcome(o.loaded(), o.results(), o.messages(), o.cancelled(), w);
        return w.ok() ? with : withExitCode(with, ExitCode.INVALID);
    }

    private Outcome run(Request req, Workspace.Loaded loaded, Listener listener, Instant started, long t0) {
        listener.loaded(loaded);
        List<String> messages = new ArrayList<>();
        List<FileRun> runs = new ArrayList<>();
        boolean cancelled = false;
        int exit;
        if (loaded.hasErrors()) {
            messages.add("dmas: " + Text.plural(loaded.errors(), "error") + " in the input; nothing was run");
            exit = ExitCode.INVALID;
        } else {
            try {
                if (req.threads() > 1 && loaded.compiled().size() > 1) runParallel(req, loaded.compiled(), runs, listener);
                else runHere(req, loaded.compiled(), runs, listener);
            } catch (RunCancelledException e) {
                cancelled = true;
                Thread.interrupted();
                messages.add("dmas: cancelled; the results so far are shown");
            }
            exit = ExitCode.of(runs);
            if (exit == ExitCode.INVALID && !cancelled) {
                boolean filtered = req.filter() != null && !req.filter().isEmpty();
                messages.add(loaded.files() == 0 ? "dmas: no .dmas file found"
                        : filtered ? "dmas: no scenario or benchmark matches '" + Text.oneLine(req.filter()) + "'"
                        : "dmas: nothing to run: no scenario or benchmark in the given files");
            }
        }
        RunResults results = new RunResults(req.arguments(), started, System.nanoTime() - t0, loaded.diagnostics(), List.copyOf(runs), exit);
        return new Outcome(loaded, results, List.copyOf(messages), cancelled, Written.NONE);
    }

    /**
     * Checks kernel captures (ftrace text of the dma: and iommu: events) through the runtime's dma-debug model:
     * the capture side of the one batch path ({@link TraceService}).
     */
    public TraceService.Outcome trace(TraceService.Request req, CaptureExecutor.Listener listener) {
        return new TraceService().trace(req, listener);
    }

    /** {@code ./dmas trace --to-scenario}: a capture written as an equivalent scenario ({@link TraceService#toScenario}). */
    public TraceService.Exported traceToScenario(String capture, Path out, Path platform) {
        return new TraceService().toScenario(capture, out, platform);
    }

    /** The same with {@code capture} relative to {@code base} (the Eclipse action: the project's folder). */
    public TraceService.Exported traceToScenario(Path base, String capture, Path out, Path platform) {
        return new TraceService().toScenario(base, capture, out, platform);
    }

    /**
     * Writes the report files of a finished outcome from the steps its results kept (a run writes them
     * as it goes instead: {@link #run(Request, Listener, Set, Reports.Target)}); on failure the reason,
     * and the outcome's exit code becomes {@link ExitCode#INVALID}.
     */
    public Written writeReports(Outcome o, Set<Reports.Format> formats, Reports.Target target) {
        try {
            return new Written(Reports.write(o.results(), formats, target), null);
        } catch (IOException | RuntimeException e) {
            return problem(target, e);
        }
    }

    /** {@code o} with another exit code (a report that could not be written makes a run invalid). */
    public static Outcome withExitCode(Outcome o, int exit) {
        RunResults r = o.results();
        return new Outcome(o.loaded(), new RunResults(r.arguments(), r.started(), r.wallNs(), r.diagnostics(), r.files(), exit),
                o.messages(), o.cancelled(), o.reports());
    }

    private static void runHere(Request req, List<CompiledFile> files, List<FileRun> runs, Listener listener) {
        ProgramExecutor executor = new ProgramExecutor(req.names(), ProgramExecutor.Retention.BOUNDED, req.states());
        ProgramExecutor.Listener keep = new ProgramExecutor.Listener() {
            @Override public void started(FileRun growing) {
                runs.add(growing); // a cancelled run keeps what ran
                listener.started(growing);
            }
            @Override public void starting(String kind, String name) { listener.starting(kind, name); }
            @Override public void scenarioStarted(ScenarioProgram p) { listener.scenarioStarted(p); }
            @Override public void state(ScenarioProgram p, StepResult r, IommuState s) { listener.state(p, r, s); }
            @Override public void step(ScenarioProgram p, StepResult r) { listener.step(p, r); }
            @Override public void scenarioDone(ScenarioRun run) { listener.scenarioDone(run); }
            @Override public void benchmarkDone(BenchmarkRun run) { listener.benchmarkDone(run); }
            @Override public void finished() { listener.finished(); }
        };
        for (CompiledFile f : files) listener.fileDone(executor.run(f, keep));
    }

    /** Each file on a worker with its own executor; results in input order. */
    private static void runParallel(Request req, List<CompiledFile> files, List<FileRun> runs, Listener listener) {
        int n = Math.min(req.threads(), files.size());
        ThreadLocal<ProgramExecutor> executors = ThreadLocal.withInitial(() -> new ProgramExecutor(req.names(), ProgramExecutor.Retention.BOUNDED,
                req.states()));
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> new Thread(null, r, "dmas-run-" + ids.incrementAndGet(), WORKER_STACK_BYTES));
        OrderedEvents ordered = new OrderedEvents(listener, files.size());
        try {
            List<Future<FileRun>> futures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                CompiledFile f = files.get(i);
                ProgramExecutor.Listener l = ordered.forFile(i);
                futures.add(pool.submit(() -> executors.get().run(f, l)));
            }
            for (int i = 0; i < futures.size(); i++) {
                FileRun fr = futures.get(i).get();
                runs.add(fr);
                ordered.finished(i, fr);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RunCancelledException rc) throw rc;
            throw new IllegalStateException(ErrorText.of(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.dmaworkbench.runtime.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmark;
import org.dmaworkbench.runtime.bench.MapBenchmarkException;
import org.dmaworkbench.runtime.bench.MapBenchmarkParams;
import org.dmaworkbench.runtime.bench.MapMode;
import org.dmaworkbench.runtime.bench.Policy;
import org.dmaworkbench.runtime.program.BenchmarkSpec;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.RunCancelledException;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.dmaworkbench.runtime.run.StateRequest;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * Runs compiled files: every scenario through the {@link ScenarioRunner}, every benchmark through
 * {@link MapBenchmark} once per policy. The one executor of every front end (the language's batch
 * service and {@link RuntimeMain}). Never throws: a failure inside the simulator becomes the
 * scenario's error or the policy's row error. The one exception is a cancelled run: when the
 * calling thread is interrupted, {@link RunCancelledException} unwinds out of {@code run}.
 */
public final class ProgramExecutor {
    private final ScenarioRunner runner = new ScenarioRunner();
    private final Predicate<String> filter;
    private final Retention retention;
    private final StateRequest states;

    /**
     * {@code nameFilter}: null for everything; {@code =name} for exactly that name; a glob when it
     * has {@code *} or {@code ?}; else a case-insensitive substring.
     */
    public ProgramExecutor(String nameFilter) {
        this(nameFilter(nameFilter));
    }

    /** Runs the scenarios and benchmarks whose names {@code names} accepts, keeping every step. */
    public ProgramExecutor(Predicate<String> names) {
        this(names, Retention.ALL);
    }

    /** Runs the scenarios and benchmarks whose names {@code names} accepts, keeping the steps {@code retention} says. */
    public ProgramExecutor(Predicate<String> names, Retention retention) {
        this(names, retention, StateRequest.NONE);
    }

    /**
     * As {@link #ProgramExecutor(Predicate, Retention)}, taking the states {@code states} asks for
     * ({@link Listener#state}, just before the step they follow).
     */
    public ProgramExecutor(Predicate<String> names, Retention retention, StateRequest states) {
        this.filter = names;
        this.retention = retention;
        this.states = states == null ? StateRequest.NONE : states;
    }

    /**
     * Which step results a {@link ScenarioRun} keeps once its scenario has run (every step goes to the
     * {@link Listener} as it happens): the first {@code first} steps and, after them, up to {@code failing}
     * steps whose expectation was not met. The counts of a run are always of every step.
     */
    public record Retention(int first, int failing) {
        /** Every step (the API default: a caller that holds the result sees it all). */
        public static final Retention ALL = new Retention(Integer.MAX_VALUE, Integer.MAX_VALUE);
        /** The batch service's: memory that does not grow with a scenario's length. */
        public static final Retention BOUNDED = new Retention(1000, 1000);
    }

    /**
     * What a run reports as it goes: progress and cancel (an IDE's), and every result as soon as it is
     * known (console output and report files are written from these, in this order per file:
     * {@code started}, then per scenario {@code starting}, {@code scenarioStarted}, {@code step}...,
     * {@code scenarioDone}, {@code finished}, then per benchmark {@code starting}, {@code benchmarkDone},
     * {@code finished}). A cancelled scenario gets no {@code scenarioDone}.
     */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** A file's results, filled in as its scenarios and benchmarks finish: a cancelled caller keeps what ran. */
        default void started(FileRun growing) { }

        /** Before each selected scenario ({@code kind} "scenario") or benchmark ("benchmark"); may throw {@link RunCancelledException}. */
        default void starting(String kind, String name) { }

        /** A scenario starts running. */
        default void scenarioStarted(ScenarioProgram p) { }

        /**
         * The state after step {@code r} of {@code p}, when the executor's {@link StateRequest} asks for it:
         * told just before {@link #step} for the same {@code r}.
         */
        default void state(ScenarioProgram p, StepResult r, IommuState s) { }

        /** One top-level step of {@code p} has run (a repeat's after its iterations). */
        default void step(ScenarioProgram p, StepResult r) { }

        /** A scenario has run: its counts, the steps the executor kept, findings, counters, the error that stopped it. */
        default void scenarioDone(ScenarioRun run) { }

        /** A benchmark has run. */
        default void benchmarkDone(BenchmarkRun run) { }

        /** After each scenario or benchmark. */
        default void finished() { }
    }

    public static Predicate<String> nameFilter(String f) {
        if (f == null || f.isEmpty()) return n -> true;
        if (f.startsWith("=")) {
            String exact = f.substring(1);
            return n -> exact.equals(n);
        }
        if (f.contains("*") || f.contains("?")) {
            StringBuilder re = new StringBuilder();
            for (char c : f.toCharArray()) {
                if (c == '*') re.append(".*");
                else if (c == '?') re.append('.');
                else re.append(Pattern.quote(String.valueOf(c)));
            }
            Pattern p = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
            return n -> n != null && p.matcher(n).matches();
        }
        String low = f.toLowerCase(Locale.ROOT);
        return n -> n != null && n.toLowerCase(Locale.ROOT).contains(low);
    }

    public FileRun run(CompiledFile f) {
        return run(f, Listener.NONE);
    }

    /** Runs the selected scenarios, then the selected benchmarks, of {@code f}, telling {@code listener}. */
    public FileRun run(CompiledFile f, Listener listener) {
        List<ScenarioRun> scenarios = new ArrayList<>();
        List<BenchmarkRun> benchmarks = new ArrayList<>();
        FileRun run = new FileRun(f.file(), scenarios, benchmarks);
        listener.started(run);
        for (ScenarioProgram p : f.scenarios()) {
            RunCancelledException.check();
            if (!filter.test(p.name())) continue;
            listener.starting("scenario", p.name());
            ScenarioRun done = run(p, listener);
            scenarios.add(done);
            listener.scenarioDone(done);
            listener.finished();
        }
        for (BenchmarkSpec b : f.benchmarks()) {
            RunCancelledException.check();
            if (!filter.test(b.name())) continue;
            listener.starting("benchmark", b.name());
            BenchmarkRun done = run(b);
            benchmarks.add(done);
            listener.benchmarkDone(done);
            listener.finished();
        }
        return run;
    }

    /** How many scenarios and benchmarks of {@code f} this executor runs. */
    public int selected(CompiledFile f) {
        int n = 0;
        for (ScenarioProgram p : f.scenarios()) if (filter.test(p.name())) n++;
        for (BenchmarkSpec b : f.benchmarks()) if (filter.test(b.name())) n++;
        return n;
    }

    public ScenarioRun run(ScenarioProgram p) {
        return run(p, Listener.NONE);
    }

    /** Runs one scenario, telling {@code listener} of its start and of each step; keeps the steps this executor's {@link Retention} says. */
    public ScenarioRun run(ScenarioProgram p, Listener listener) {
        long t0 = System.nanoTime();
        listener.scenarioStarted(p);
        Kept kept = new Kept(retention);
        ScenarioResult r;
        try {
            r = runner.run(p, step -> {
                kept.add(step);
                listener.step(p, step);
            }, false, states, (step, s) -> listener.state(p, step, s));
        } catch (RunCancelledException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            r = new ScenarioResult(p.name(), p.file(), p.line(), List.of(), List.of(), List.of(), Map.of(), 0, List.of(), false,
                    "internal error in the simulator: " + ErrorText.of(e));
        }
        r = new ScenarioResult(r.name(), r.file(), r.line(), kept.steps, orEmpty(r.findings()), orEmpty(r.dmaDebug()),
                r.counters() == null ? Map.of() : r.counters(), r.simulatedNs(), orEmpty(r.bootLog()), r.passed(), r.error());
        return new ScenarioRun(p, r, System.nanoTime() - t0, kept.count, kept.expectations, kept.met);
    }

    /**
     * The state after the top-level step at {@code line} of {@code p}, by running {@code p} again (runs are
     * deterministic: simulated time, no randomness), or null when no step at that line ran. What a view of a
     * finished run calls for the step a user selects.
     */
    public static IommuState stateAfter(ScenarioProgram p, int line) {
        IommuState[] found = {null};
        new ScenarioRunner().run(p, r -> { }, false, StateRequest.atLine(line), (r, s) -> {
            if (found[0] == null) found[0] = s;
        });
        return found[0];
    }

    /** The steps a run keeps and the counts of all of them. */
    private static final class Kept {
        final Retention retention;
        final List<StepResult> steps = new ArrayList<>();
        long count, expectations, met, failingKept;

        Kept(Retention retention) { this.retention = retention; }

        void add(StepResult s) {
            count++;
            if (s.met() != null) {
                expectations++;
                if (s.met()) met++;
            }
            if (steps.size() < retention.first()) {
                steps.add(s);
            } else if (!s.passed() && failingKept < retention.failing()) {
                steps.add(s);
                failingKept++;
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> l) { return l == null ? List.of() : l; }

    public BenchmarkRun run(BenchmarkSpec b) {
        long t0 = System.nanoTime();
        MapBenchmarkParams params = null;
        try {
            DmaDirection dir = b.direction() == null ? null : DmaDirection.parse(b.direction());
            MapMode mode = b.mode() == null ? MapMode.SINGLE : parseMode(b.mode());
            params = new MapBenchmarkParams(b.threads(), b.iterations(), b.granule(), dir, b.dmaBits(), b.transDelayNs(), mode);
            var invalid = params.validate();
            if (invalid.isPresent()) {
                return new BenchmarkRun(b, params, null,
                        "-" + invalid.get().errno().name() + ": " + invalid.get().reason(), System.nanoTime() - t0);
            }
            DeviceSpec dev = b.devices() == null ? null
                    : b.devices().stream().filter(d -> d != null && d.name() != null && d.name().equals(b.device())).findFirst().orElse(null);
            if (dev == null) return new BenchmarkRun(b, params, null, "unknown device '" + b.device() + "'", System.nanoTime() - t0);
            if (b.platform() == null) return new BenchmarkRun(b, params, null, "no platform", System.nanoTime() - t0);
            List<String> names = b.policies() == null || b.policies().isEmpty()
                    ? List.of("passthrough", "strict", "lazy", "kva-fast", "kva-strict") : b.policies();
            List<BenchmarkTable.Row> rows = new ArrayList<>();
            for (String n : names) {
                Policy pol = policy(n);
                if (pol == null) return new BenchmarkRun(b, params, null, "unknown policy '" + n + "'", System.nanoTime() - t0);
                try {
                    rows.add(BenchmarkTable.Row.of(MapBenchmark.run(b.platform(), dev, params, pol)));
                } catch (MapBenchmarkException e) {
                    rows.add(BenchmarkTable.Row.failed(pol, e.getMessage()));
                } catch (RunCancelledException e) {
                    throw e;
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    rows.add(BenchmarkTable.Row.failed(pol, "internal error in the simulator: " + ErrorText.of(e)));
                }
            }
            String title = (b.platform().name() == null ? "" : b.platform().name() + " / ") + dev.name();
            return new BenchmarkRun(b, params, new BenchmarkTable(title, params, rows), null, System.nanoTime() - t0);
        } catch (RunCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            return new BenchmarkRun(b, params, null, "internal error: " + ErrorText.of(e), System.nanoTime() - t0);
        }
    }

    private static MapMode parseMode(String s) {
        try {
            return MapMode.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "kva-fast" → KVA_FAST; null when unknown. */
    public static Policy policy(String s) {
        try {
            return Policy.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** KVA_FAST → "kva-fast", the language's spelling. */
    public static String policyName(Policy p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package org.dmaworkbench.dsl.batch;

import java.io.PrintWriter;
import java.util.List;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;
import org.dmaworkbench.runtime.state.StateDiff;
import org.dmaworkbench.runtime.state.StateText;

/**
 * The console form of a run, written as it happens (the CLI's standard output, the Eclipse console,
 * Maven's {@code dmas-report.txt}): per scenario a {@code RUN} line, each step's verdict line as soon as
 * the step has run ({@link TextReport#step}), then the scenario's {@code PASS}/{@code FAIL} line with its
 * counts; each benchmark when it has run. Quiet: only the steps whose expectation was not met and the
 * verdict lines. Flushed after every step, so a long scenario shows its progress and an interrupted
 * run has shown every step that ran. When the run takes IOMMU states ({@code --state}), each follows its
 * step's line, indented, with what changed since the state printed before it in the same scenario.
 */
public final class TextStream implements BatchService.Listener {
    private final PrintWriter out;
    private final boolean quiet;
    private int width;
    /** The state told for the coming step, and the last one printed (what the next one's changes are against). */
    private IommuState pendingState, previousState;

    public TextStream(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override public void scenarioStarted(ScenarioProgram p) {
        String file = p.file() == null ? "" : p.file();
        width = (file + ":" + maxLine(p.steps(), p.line())).length();
        pendingState = previousState = null;
        if (quiet) return;
        StringBuilder b = new StringBuilder("RUN   ").append(file).append(':').append(p.line()).append("  ").append(Text.oneLine(p.name()));
        if (p.platform() != null && p.platform().name() != null) b.append("  [on ").append(p.platform().name()).append(']');
        out.println(b);
        out.flush();
    }

    @Override public void state(ScenarioProgram p, StepResult r, IommuState s) { pendingState = s; }

    /** The step's line; after it, when the run takes states, the state (and what changed since the last one printed). */
    @Override public void step(ScenarioProgram p, StepResult r) {
        IommuState state = pendingState;
        pendingState = null;
        if (quiet && r.passed() && state == null) return;
        StringBuilder b = new StringBuilder();
        TextReport.step(b, p.file() == null ? "" : p.file(), width, r);
        if (state != null) {
            b.append(StateText.render(state, STATE_INDENT));
            if (previousState != null) b.append(StateText.render(StateDiff.between(previousState, state), STATE_INDENT));
            previousState = state;
        }
        out.print(b);
        out.flush();
    }

    /** How far a state is indented under its step's line. */
    static final String STATE_INDENT = "      ";

    @Override public void scenarioDone(ScenarioRun s) {
        if (s.result().error() != null) out.println(TextReport.stopped(s));
        out.println(TextReport.scenarioHeader(s));
        out.flush();
    }

    @Override public void benchmarkDone(BenchmarkRun b) {
        out.print(quiet && b.passed() ? TextReport.benchmarkHeader(b) + "\n" : TextReport.benchmark(b));
        out.flush();
    }

    /** The largest line of any step of the program (repeat bodies included): the width of the location column. */
    private static int maxLine(List<Step> steps, int atLeast) {
        int max = atLeast;
        if (steps == null) return max;
        for (Step s : steps) {
            if (s == null) continue;
            max = Math.max(max, s.line());
            if (s.body() != null && !s.body().isEmpty()) max = Math.max(max, maxLine(s.body(), max));
        }
        return max;
    }
}

package org.dmaworkbench.runtime.exec;

import java.util.List;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * One scenario's program, its result and the wall-clock time it took, with the counts of all its
 * steps. {@code result.steps()} holds the steps the executor kept ({@link ProgramExecutor.Retention}):
 * all of them, or for a long scenario the first ones and the failing ones; the counts are always of
 * every step that ran.
 *
 * @param stepCount    top-level steps that ran
 * @param expectations steps with an expectation
 * @param met          steps whose expectation was met
 */
public record ScenarioRun(ScenarioProgram program, ScenarioResult result, long wallNs, long stepCount, long expectations, long met) {
    /** A run that kept every step: the counts are those of {@code result.steps()}. */
    public ScenarioRun(ScenarioProgram program, ScenarioResult result, long wallNs) {
        this(program, result, wallNs, result.steps().size(), count(result.steps(), null), count(result.steps(), true));
    }

    public boolean passed() { return result.passed(); }
    public String file() { return result.file() == null ? program.file() : result.file(); }
    public String platform() { return program.platform() == null ? null : program.platform().name(); }

    /** Steps that ran but are not in {@code result.steps()} (0 unless the scenario was longer than the executor keeps). */
    public long omittedSteps() { return stepCount - result.steps().size(); }

    /** Unmet expectations that are not in {@code result.steps()}. */
    public long omittedFailures() { return expectations - met - count(result.steps(), false); }

    private static long count(List<StepResult> steps, Boolean want) {
        long n = 0;
        for (StepResult s : steps) if (s.met() != null && (want == null || s.met().equals(want))) n++;
        return n;
    }

    /** The first step whose expectation was not met, or null. */
    public StepResult firstFailure() {
        for (StepResult s : result.steps()) if (!s.passed()) return s;
        return null;
    }

    /** The source line the run stopped at ("line 12: ..." in the runner's error), else the scenario's line. */
    public int errorLine() {
        String e = result.error();
        if (e != null && e.startsWith("line ")) {
            int colon = e.indexOf(':');
            try {
                return Integer.parseInt(e.substring(5, colon < 0 ? e.length() : colon).trim());
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return result.line();
    }

    /** The runner's error without its "line N: " prefix. */
    public String errorMessage() {
        String e = result.error();
        if (e == null) return null;
        if (e.startsWith("line ")) {
            int colon = e.indexOf(": ");
            if (colon > 0) return e.substring(colon + 2);
        }
        return e;
    }
}

package org.dmaworkbench.runtime.exec;

import java.util.List;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.StepResult;

/** One scenario's program, its result and the wall-clock time it took. */
public record ScenarioRun(ScenarioProgram program, ScenarioResult result, long wallNs) {
    public boolean passed() { return result.passed(); }
    public String file() { return result.file() == null ? program.file() : result.file(); }
    public String platform() { return program.platform() == null ? null : program.platform().name(); }

    public long expectations() { return count(result.steps(), null); }
    public long met() { return count(result.steps(), true); }

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

package org.dmaworkbench.runtime.run;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.state.StateSnapshot;

/** Step results of one level: handed to a listener, kept when asked, and whether any failed. */
final class StepResults {
    private static final ScenarioRunner.StepListener NONE = r -> { };
    private final List<StepResult> kept;
    private final ScenarioRunner.StepListener listener;
    private boolean anyFailed;
    private RunState state;
    private StateRequest request;
    private ScenarioRunner.StateListener states;

    StepResults(List<StepResult> kept, ScenarioRunner.StepListener listener) {
        this.kept = kept;
        this.listener = listener;
    }

    /** One iteration of a repeat body: kept, told to no one. */
    static StepResults body() { return new StepResults(new ArrayList<>(), NONE); }

    /** Snapshots after the steps {@code request} asks for (top level only). */
    void snapshots(RunState st, StateRequest req, ScenarioRunner.StateListener to) {
        state = st;
        request = req;
        states = to;
    }

    void add(StepResult r) {
        if (!r.passed()) anyFailed = true;
        if (kept != null) kept.add(r);
        if (request != null && request.wants(r)) states.state(r, StateSnapshot.take(state.sys, r.line(), state.handleDomains()));
        listener.step(r);
    }

    boolean allPassed() { return !anyFailed; }

    List<StepResult> kept() { return kept == null ? List.of() : kept; }
}

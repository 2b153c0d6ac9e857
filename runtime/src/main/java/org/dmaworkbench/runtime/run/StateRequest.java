package org.dmaworkbench.runtime.run;

import java.util.Locale;

/**
 * After which steps a run takes an {@link org.dmaworkbench.runtime.state.IommuState} snapshot: none
 * (the default: a run then never reads the state, and costs nothing more), the failing steps (an
 * expectation not met, a finding, a dma-debug report), every step, or the step at one line (what a
 * view asks when it re-runs a finished scenario to show one step's state: runs are deterministic).
 * Only top-level steps are snapshotted (a {@code repeat} after its iterations).
 */
public record StateRequest(Mode mode, int line) {
    public enum Mode { NONE, FAILING, ALL, AT_LINE }

    public static final StateRequest NONE = new StateRequest(Mode.NONE, 0);
    public static final StateRequest FAILING = new StateRequest(Mode.FAILING, 0);
    public static final StateRequest ALL = new StateRequest(Mode.ALL, 0);

    /** The state after the (first) top-level step at {@code line}. */
    public static StateRequest atLine(int line) { return new StateRequest(Mode.AT_LINE, line); }

    /** "failing" (also "", as {@code --state} alone), "all", "none"; null for anything else. */
    public static StateRequest parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "", "failing" -> FAILING;
            case "all" -> ALL;
            case "none", "off" -> NONE;
            default -> null;
        };
    }

    public boolean any() { return mode != Mode.NONE; }

    /** Whether the state after {@code r} is wanted. */
    public boolean wants(StepResult r) {
        return switch (mode) {
            case NONE -> false;
            case ALL -> true;
            case FAILING -> failing(r);
            case AT_LINE -> r.line() == line;
        };
    }

    /** A step worth a reviewer's look: an expectation not met, a finding, or a dma-debug report. */
    public static boolean failing(StepResult r) {
        return !r.passed() || (r.findings() != null && !r.findings().isEmpty()) || (r.dmaDebug() != null && !r.dmaDebug().isEmpty());
    }

    @Override public String toString() { return mode == Mode.AT_LINE ? "line " + line : mode.name().toLowerCase(Locale.ROOT); }
}

package org.dmaworkbench.runtime.findings;

/** One finding, with the scenario line that caused it and a one-line explanation. */
public record Finding(FindingKind kind, int line, String message) {
    @Override public String toString() { return kind.dslName() + ": " + message; }
}

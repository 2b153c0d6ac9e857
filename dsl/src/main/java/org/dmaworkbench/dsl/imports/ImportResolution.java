package org.dmaworkbench.dsl.imports;

import org.eclipse.emf.common.util.URI;

/**
 * Where an import leads: the file (or jar entry) to read, or why it is not read.
 *
 * @param target  the file: or archive: URI to load, null when refused
 * @param problem the diagnostic's message, null when resolved
 * @param refusal why it is refused (the validator's issue code follows from it), null when resolved
 */
public record ImportResolution(URI target, String problem, Refusal refusal) {
    /** Why an import is not followed. */
    public enum Refusal { NOT_FOUND, NOT_RELATIVE, OUTSIDE_PROJECT, NOT_REGULAR, TOO_LARGE, NOT_DMAS, EMPTY }

    static ImportResolution ok(URI target) {
        return new ImportResolution(target, null, null);
    }

    static ImportResolution refused(Refusal why, String problem) {
        return new ImportResolution(null, problem, why);
    }

    public boolean ok() { return target != null; }
}

package org.dmaworkbench.idecheck;

/** What a user would have seen go wrong, in words; the check it is thrown from fails with this message. */
final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailed(String message) {
        super(message);
    }
}

package org.dmaworkbench.runtime.run;

/**
 * A run stopped on request: the runner and the map benchmark look at the thread's interrupt flag
 * between steps and iterations, as a long kernel loop checks {@code fatal_signal_pending()}, and
 * unwind with this exception. An IDE cancels a run by interrupting the thread that runs it.
 */
public final class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("run cancelled", null, false, false);
    }

    /** Throws if the current thread was asked to stop (its interrupt flag is set; the flag is kept). */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) throw new RunCancelledException();
    }
}

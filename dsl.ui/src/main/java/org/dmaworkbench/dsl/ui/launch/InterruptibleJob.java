package org.dmaworkbench.dsl.ui.launch;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A user job (progress dialog or Progress view, with a Cancel button; no scheduling rule, so saving stays possible)
 * whose Cancel interrupts its worker thread ({@link Job#canceling()}): the batch service checks the interrupt and
 * stops at its next step, iteration or block of capture lines with {@code RunCancelledException}.
 */
abstract class InterruptibleJob extends Job {
    private final Object family;
    private volatile Thread thread;

    InterruptibleJob(String name, Object family) {
        super(name);
        this.family = family;
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object f) {
        return f == family;
    }

    @Override
    protected void canceling() {
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    @Override
    protected final IStatus run(IProgressMonitor monitor) {
        thread = Thread.currentThread();
        try {
            return work(monitor);
        } finally {
            thread = null;
            Thread.interrupted(); // leave the worker thread as we found it
        }
    }

    /** The job's work, on its worker thread; cancelled by an interrupt as well as through {@code monitor}. */
    protected abstract IStatus work(IProgressMonitor monitor);
}

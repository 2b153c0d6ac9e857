package org.dmaworkbench.runtime.cost;

/**
 * Simulated time in nanoseconds; CPU-side operations charge their cost to it and timers (the flush
 * queue's {@code fq_timer}) fire when it passes their deadline.
 */
public final class SimClock {
    private long now;
    private long charged;  // CPU time charged since the last take()

    public long now() { return now; }

    /** Charges {@code ns} of CPU time for an operation. */
    public void charge(long ns) {
        now += ns;
        charged += ns;
    }

    /** Lets time pass without CPU work ({@code advance 10 ms}). */
    public void advance(long ns) { now += ns; }

    /** Returns the CPU time charged since the last call and resets it (per-operation latency). */
    public long take() {
        long c = charged;
        charged = 0;
        return c;
    }
}

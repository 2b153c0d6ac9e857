package org.dmaworkbench.runtime.sim;

import org.dmaworkbench.runtime.cost.CostModel;
import org.dmaworkbench.runtime.cost.Counters;
import org.dmaworkbench.runtime.cost.SimClock;

/** What every simulated kernel object shares: time, costs, counters, the event log and the current step. */
public final class SimContext {
    public final SimClock clock = new SimClock();
    public final Counters counters = new Counters();
    public final CostModel cost;
    public final EventLog events;
    private int step;
    private int cpu;

    public SimContext(CostModel cost, boolean recordEvents) {
        this.cost = cost;
        this.events = new EventLog(recordEvents);
    }

    /** The scenario step (source line) being executed; 0 during boot. */
    public int step() { return step; }
    public void setStep(int s) { step = s; }

    /** The simulated CPU the current operation runs on (for per-CPU flush queues). */
    public int cpu() { return cpu; }
    public void setCpu(int c) { cpu = c; }

    public void charge(long ns) { clock.charge(ns); }
    public void event(String e) { events.add(e); }
    public boolean recording() { return events.enabled(); }
}

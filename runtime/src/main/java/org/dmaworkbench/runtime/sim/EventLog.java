package org.dmaworkbench.runtime.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened inside the simulator during one step, as one line per event ("IOTLB: PASID-based
 * IOTLB invalidation domain 3 PASID 1 iova 0xffffe000 +1 page"). Off in benchmarks.
 */
public final class EventLog {
    private final boolean enabled;
    private final List<String> events = new ArrayList<>();

    public EventLog(boolean enabled) { this.enabled = enabled; }

    public boolean enabled() { return enabled; }

    public void add(String event) { if (enabled) events.add(event); }

    /** Returns and clears the events since the last drain. */
    public List<String> drain() {
        List<String> out = new ArrayList<>(events);
        events.clear();
        return out;
    }
}

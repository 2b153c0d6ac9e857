package org.dmaworkbench.runtime.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.system.SimulatedSystem;

/** The state of one scenario run: the booted system and the handles bound so far. */
public final class RunState {
    public final SimulatedSystem sys;
    private final Map<String, Value> handles = new HashMap<>();
    private String explanation;
    private String bindName;

    public RunState(SimulatedSystem sys) { this.sys = sys; }

    public Value handle(String name) { return handles.get(name); }
    public void bind(String name, Value v) { handles.put(name, v); }

    public Device device(String name) { return sys.device(name); }

    /** The domains the scenario's handles hold (a domain nothing is attached to is reached only so). */
    public List<IommuDomain> handleDomains() {
        List<IommuDomain> out = new ArrayList<>();
        for (Value v : handles.values()) if (v.ref() instanceof IommuDomain d && !out.contains(d)) out.add(d);
        return out;
    }

    /** Sets the one-line explanation of the current step. */
    public void explain(String s) { explanation = s; }

    /** Returns and clears the explanation. */
    public String takeExplanation() {
        String e = explanation;
        explanation = null;
        return e;
    }

    public int line() { return sys.ctx.step(); }

    /** The handle name the current step binds its result to (names allocations in reports). */
    public String bindName() { return bindName; }
    void setBindName(String n) { bindName = n; }
}

package org.dmaworkbench.runtime.run;

import java.util.List;

/** Executes one kernel call of a scenario step on the simulated system. */
@FunctionalInterface
public interface KernelCall {
    /** Returns the call's value; explanations go to {@link RunState#explain}. */
    Value apply(RunState st, List<Value> args);
}

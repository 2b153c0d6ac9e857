package org.dmaworkbench.runtime.run;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kernel call a scenario can make, by name: its {@link CallSignature} and its
 * implementation. Calls are registered by concern ({@link MemoryCalls}, {@link IommuCalls},
 * {@link PasidCalls}, {@link DmaCalls}, {@link RfcCalls}).
 */
public final class CallTable {
    private static final CallTable STANDARD = new CallTable();

    private final Map<String, CallSignature> signatures = new LinkedHashMap<>();
    private final Map<String, KernelCall> calls = new LinkedHashMap<>();

    private CallTable() {
        MemoryCalls.register(this);
        IommuCalls.register(this);
        PasidCalls.register(this);
        DmaCalls.register(this);
        RfcCalls.register(this);
    }

    /** The table of all calls the runtime knows. */
    public static CallTable standard() { return STANDARD; }

    void define(CallSignature sig, KernelCall call) {
        signatures.put(sig.name(), sig);
        calls.put(sig.name(), call);
    }

    public CallSignature signature(String name) { return signatures.get(name); }
    public KernelCall call(String name) { return calls.get(name); }
    public Collection<CallSignature> signatures() { return signatures.values(); }

    /** Shorthand used by the registrations. */
    static CallSignature sig(String name, ValueType returns, String models, String outcomes, CallSignature.Param... params) {
        return new CallSignature(name, List.of(params), returns, models, outcomes);
    }
}

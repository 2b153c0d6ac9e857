package org.dmaworkbench.runtime.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.debug.DmaDebugReport;
import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.program.Arg;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.SpecLimits;
import org.dmaworkbench.runtime.program.Step;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.state.IommuState;
import org.dmaworkbench.runtime.system.SimulatedSystem;

/**
 * Executes a {@link ScenarioProgram} on a freshly booted {@link SimulatedSystem} and returns a
 * {@link ScenarioResult}: the single interpreter of scenarios (the language only lowers into it).
 * Besides the calls of the {@link CallTable} it knows the step keywords {@code dma}, {@code cpu},
 * {@code probe}, {@code unbind}, {@code advance}, {@code check} and {@code repeat}.
 */
public final class ScenarioRunner {
    /**
     * Upper bound on how often a step runs through {@code repeat}s: the count of one repeat and the
     * product of the counts of nested ones (checked before the first iteration).
     */
    public static final int MAX_REPEAT = SpecLimits.MAX_REPEAT;
    /** Bytes one {@code dma} or {@code cpu} access may move at most (the simulator walks them page by page). */
    public static final long MAX_ACCESS_LEN = 1L << 30;
    /** Findings and dma-debug messages listed per run at most (all are counted in the counters). */
    public static final int MAX_LISTED = 1000;

    private final CallTable calls = CallTable.standard();

    /** Told of every step result as it happens (a {@code repeat}'s after its iterations). */
    @FunctionalInterface
    public interface StepListener {
        void step(StepResult r);
    }

    /** Told of the state after each step a {@link StateRequest} asks for, just before that step goes to the {@link StepListener}. */
    @FunctionalInterface
    public interface StateListener {
        void state(StepResult r, IommuState s);
    }

    /** Runs one scenario; never throws for a bad program: the error is reported in the result. */
    public ScenarioResult run(ScenarioProgram p) { return run(p, r -> { }); }

    /**
     * Runs one scenario, handing each top-level step result to {@code listener} as soon as it is known;
     * never throws for a bad program: the error (with its line) is reported in the result, after the
     * steps that ran.
     */
    public ScenarioResult run(ScenarioProgram p, StepListener listener) { return run(p, listener, true); }

    /**
     * As {@link #run(ScenarioProgram, StepListener)}; with {@code keepSteps} false the result's
     * {@code steps} list is empty and the listener is the only one to see them (a long scenario then
     * costs the runner no memory per step).
     */
    public ScenarioResult run(ScenarioProgram p, StepListener listener, boolean keepSteps) {
        return run(p, listener, keepSteps, StateRequest.NONE, null);
    }

    /**
     * As {@link #run(ScenarioProgram, StepListener, boolean)}, telling {@code states} the state after each
     * top-level step {@code request} asks for ({@link org.dmaworkbench.runtime.state.StateSnapshot}, taken before the next step runs).
     */
    public ScenarioResult run(ScenarioProgram p, StepListener listener, boolean keepSteps, StateRequest request, StateListener states) {
        SimulatedSystem sys;
        try {
            sys = SimulatedSystem.boot(p.platform(), p.devices(), true);
        } catch (IllegalArgumentException e) {
            return new ScenarioResult(p.name(), p.file(), p.line(), List.of(), List.of(), List.of(), Map.of(), 0, List.of(), false,
                    "platform: " + e.getMessage());
        }
        RunState st = new RunState(sys);
        StepResults results = new StepResults(keepSteps ? new ArrayList<>() : null, listener);
        if (request != null && request.any() && states != null) results.snapshots(st, request, states);
        List<Finding> findings = new ArrayList<>();
        List<String> debug = new ArrayList<>();
        String error = null;
        try {
            runSteps(st, p.steps(), results, findings, debug, 1);
        } catch (StepError e) {
            error = e.getMessage();
        } catch (RunCancelledException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // a kernel object refused an argument it cannot model (an offset outside a buffer, a word that is no direction)
            error = "line " + sys.ctx.step() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            // a simulator bug must not lose the steps that ran: name the statement's line
            error = "line " + sys.ctx.step() + ": internal error in the simulator: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        boolean passed = error == null && results.allPassed();
        return new ScenarioResult(p.name(), p.file(), p.line(), results.kept(), findings, debug, sys.ctx.counters.asMap(),
                sys.ctx.clock.now(), sys.bootLog(), passed, error);
    }

    /** A step that cannot run (unknown name, wrong handle type): stops the scenario with file:line. */
    static final class StepError extends RuntimeException {
        StepError(int line, String msg) { super("line " + line + ": " + msg); }
    }

    /** Runs {@code steps}, which the enclosing repeats run {@code outer} times in all. */
    private void runSteps(RunState st, List<Step> steps, StepResults out, List<Finding> findings, List<String> debug,
                          long outer) {
        for (Step s : steps) {
            if ("repeat".equals(s.op())) {
                if (KeywordShapes.problem(s) != null) throw new StepError(s.line(), KeywordShapes.problem(s));
                long n = s.args().get(0).number();
                if (n < 0 || n > MAX_REPEAT) throw new StepError(s.line(), "repeat count " + n + " outside 0.." + MAX_REPEAT);
                if (n * outer > MAX_REPEAT) {
                    throw new StepError(s.line(), "nested repeats run this body " + outer + " x " + n + " = " + n * outer
                            + " times, more than " + MAX_REPEAT);
                }
                for (long i = 0; i < n; i++) {
                    RunCancelledException.check();
                    StepResults inner = StepResults.body();
                    runSteps(st, s.body(), inner, findings, debug, n * outer);
                    if (!inner.allPassed()) {
                        for (StepResult r : inner.kept()) out.add(r);
                        break;
                    }
                }
                boolean allPassed = out.allPassed();
                out.add(new StepResult(s.line(), s.text(), "void", n, null, null, null, "repeated " + n + " time(s)", null,
                        null, null, List.of(), List.of(), List.of(), 0));
                if (!allPassed) return;
                continue;
            }
            RunCancelledException.check();
            StepResult r = runStep(st, s);
            for (Finding f : r.findings()) if (findings.size() < MAX_LISTED) findings.add(f);
            for (String d : r.dmaDebug()) if (debug.size() < MAX_LISTED) debug.add(d);
            out.add(r);
        }
    }

    private StepResult runStep(RunState st, Step s) {
        String shape = KeywordShapes.problem(s);
        if (shape != null) throw new StepError(s.line(), shape);
        SimulatedSystem sys = st.sys;
        sys.ctx.setStep(s.line());
        sys.ctx.clock.take();
        st.setBindName(s.bind());
        DmaOutcome dma = null;
        List<Finding> cpuFindings = new ArrayList<>();
        Value v;
        switch (s.op()) {
            case "dma" -> {
                dma = deviceDma(st, s);
                v = Value.VOID;
            }
            case "cpu" -> v = cpuAccess(st, s, cpuFindings);
            case "probe" -> v = probe(st, s);
            case "unbind" -> v = unbind(st, s);
            case "advance" -> {
                long ns = s.args().get(0).number();
                if (ns < 0) throw new StepError(s.line(), "advance by a negative time (" + ns + " ns)");
                if (ns > Long.MAX_VALUE - sys.ctx.clock.now()) {
                    throw new StepError(s.line(), "advance of " + ns + " ns passes the end of the simulated clock (2^63 ns, about 292 years)");
                }
                sys.advance(ns);
                st.explain(String.format("advanced %.3f ms to t=%.3f ms", ns / 1e6, sys.ctx.clock.now() / 1e6));
                v = Value.VOID;
            }
            case "check" -> v = check(st, s);
            default -> v = call(st, s);
        }
        sys.tick();
        if (s.bind() != null) st.bind(s.bind(), v);
        List<DmaDebugReport> reports = sys.dmaDebug.drainReports();
        List<String> debug = reports.stream().map(DmaDebugReport::prefixedMessage).toList();
        sys.ctx.counters.dmaDebugErrors += reports.size();
        List<String> events = sys.ctx.events.drain();
        long cost = sys.ctx.clock.take();
        String explanation = st.takeExplanation();
        List<Finding> findings = dma == null ? cpuFindings : dma.findings();
        String outcome;
        Long value = null;
        if (dma != null) {
            outcome = dma.ok() ? "ok" : "fault";
            explanation = dma.explanation();
        } else if (v.type() == ValueType.VOID) {
            outcome = "void";
        } else {
            value = v.num();
            outcome = v.type() == ValueType.INT && v.num() < 0 && Errno.fromReturn(v.num()) != null ? "errno" : "value";
        }
        if (explanation == null) explanation = s.op() + (value == null ? "" : " returned " + Expectations.render(v));
        String failure = s.expect() == null ? null : Expectations.mismatch(s.expect(), dma, v, reports, cpuFindings);
        if ("check".equals(s.op()) && v.num() == 0) failure = explanation;
        Boolean met = s.expect() == null && !"check".equals(s.op()) ? null : failure == null;
        return new StepResult(s.line(), s.text(), outcome, value,
                dma != null && !dma.ok() ? dma.faultClass().dslName() : null,
                dma != null && dma.faultCode() != null ? dma.faultCode().code() : null,
                dma != null && dma.faultCode() != null ? dma.faultCode().name() : null,
                explanation, s.expect() == null ? null : s.expect().toString(), met, failure, findings, debug, events, cost);
    }

    // ------------------------------------------------------------------ keywords

    private Value call(RunState st, Step s) {
        CallSignature sig = calls.signature(s.op());
        if (sig == null) throw new StepError(s.line(), "unknown call '" + s.op() + "'");
        if (s.args().size() < sig.requiredParams() || s.args().size() > sig.params().size()) {
            throw new StepError(s.line(), s.op() + " takes " + sig.params().size() + " argument(s), got " + s.args().size());
        }
        List<Value> vals = new ArrayList<>();
        for (int i = 0; i < s.args().size(); i++) vals.add(resolve(st, s, s.args().get(i), sig.params().get(i).type()));
        return calls.call(s.op()).apply(st, vals);
    }

    /** Resolves an argument to a value of the expected type (handles converted where the kernel allows). */
    Value resolve(RunState st, Step s, Arg a, ValueType want) {
        if (a.kind() != Arg.Kind.INT && a.text() == null) throw new StepError(s.line(), "a " + a.kind() + " argument without text");
        switch (a.kind()) {
            case INT -> {
                return Value.of(want == ValueType.PASID ? ValueType.PASID : ValueType.INT, a.number());
            }
            case STRING -> {
                return Value.of(ValueType.STRING, 0, a.text());
            }
            case SYMBOL -> {
                return Value.of(ValueType.SYMBOL, 0, a.text());
            }
            default -> { }
        }
        Value h = st.handle(a.text());
        if (h == null) {
            Device d = st.device(a.text());
            if (d == null) throw new StepError(s.line(), "unknown name '" + a.text() + "'");
            if (want != ValueType.DEVICE) throw new StepError(s.line(), "'" + a.text() + "' is a device, expected " + want.dslName());
            return Value.of(ValueType.DEVICE, 0, d);
        }
        if (want == ValueType.BUFFER && h.type() == ValueType.COHERENT && h.ref() instanceof DmaApi.Coherent c) {
            return Value.of(ValueType.BUFFER, a.offset(), c.cpu());
        }
        if (want == ValueType.DMA_ADDR && h.type() == ValueType.COHERENT) return Value.of(ValueType.DMA_ADDR, h.num() + a.offset(), null);
        if (want == ValueType.BUFFER && h.type() == ValueType.BUFFER) {
            if (h.ref() == null) throw new StepError(s.line(), "'" + a.text() + "' holds a failed allocation");
            return Value.of(ValueType.BUFFER, a.offset(), h.ref());
        }
        if (want == ValueType.INT && (h.type() == ValueType.DMA_ADDR || h.type() == ValueType.PASID)) {
            return Value.of(ValueType.INT, h.num() + a.offset());
        }
        if (want != null && want != h.type() && !(want == ValueType.PASID && h.type() == ValueType.INT)) {
            throw new StepError(s.line(), "'" + a.text() + "' is a " + h.type().dslName() + ", expected " + want.dslName());
        }
        return Value.of(h.type(), h.num() + a.offset(), h.ref());
    }

    /** {@code dma DEV [pasid P] read|write ADDR len N}: args = device, pasid (or absent), access, address, length. */
    private DmaOutcome deviceDma(RunState st, Step s) {
        List<Arg> a = s.args();
        Device d = (Device) resolve(st, s, a.get(0), ValueType.DEVICE).ref();
        Integer pasid = null;
        int i = 1;
        if (a.size() == 5) {
            pasid = (int) resolve(st, s, a.get(1), ValueType.PASID).num();
            i = 2;
        }
        AccessType type = "write".equals(a.get(i).text()) ? AccessType.WRITE : AccessType.READ;
        long addr = address(st, s, a.get(i + 1));
        long len = accessLength(s, "dma", a.get(i + 2).number());
        return st.sys.engine.access(d, pasid, addr, len, type);
    }

    /** An access length the simulator can walk: 0 (touches nothing) to {@link #MAX_ACCESS_LEN}. */
    private static long accessLength(Step s, String what, long len) {
        if (len < 0 || len > MAX_ACCESS_LEN) {
            throw new StepError(s.line(), what + " len " + Long.toUnsignedString(len)
                    + " is more than one access moves in the simulator (at most 1 GiB)");
        }
        return len;
    }

    /** A device address: a dma_addr handle, a buffer (its kernel virtual address: KVA / SVA modes), or a number. */
    private long address(RunState st, Step s, Arg a) {
        if (a.kind() == Arg.Kind.INT) return a.number();
        Value h = st.handle(a.text());
        if (h == null) throw new StepError(s.line(), "unknown name '" + a.text() + "'");
        if (h.type() == ValueType.BUFFER && h.ref() instanceof Allocation al) return al.va() + a.offset();
        return h.num() + a.offset();
    }

    /**
     * {@code cpu read|write BUF [+ off] len N}: stores dirty the cache and bounce slots fall behind;
     * loads may miss device writes not yet synced. Each such load is a cpu-stale-read finding.
     */
    private Value cpuAccess(RunState st, Step s, List<Finding> findings) {
        boolean write = "write".equals(s.args().get(0).text());
        Value b = resolve(st, s, s.args().get(1), ValueType.BUFFER);
        Allocation al = (Allocation) b.ref();
        long len = accessLength(s, "cpu " + s.args().get(0).text(), s.args().get(2).number());
        if (b.num() < 0 || len > al.span() - b.num()) {
            throw new StepError(s.line(), "cpu " + s.args().get(0).text() + " of " + len + " bytes at offset " + b.num()
                    + " runs past the end of " + al.describe() + " (its pages hold " + al.span() + " bytes)");
        }
        List<String> notes = new ArrayList<>();
        if (write) st.sys.cpu.write(al, b.num(), len, st.line());
        else notes.addAll(st.sys.cpu.read(al, b.num(), len));
        for (Device d : st.sys.devices().values()) {
            DmaMapping m = st.sys.dma.liveBouncedFor(d, al);
            if (m == null) continue;
            if (write) st.sys.dma.cpuWroteBuffer(d, m);
            else if (m.isBounceDirty()) notes.add("the device wrote the swiotlb slot of " + m.describe()
                    + "; the data reaches the buffer only at dma_sync_single_for_cpu or unmap");
        }
        for (String n : notes) {
            st.sys.ctx.counters.findings++;
            findings.add(new Finding(FindingKind.CPU_STALE_READ, st.line(), "cpu read of " + al.describe() + ": " + n));
        }
        if (al.isFreed()) {
            st.sys.ctx.counters.findings++;
            findings.add(new Finding(FindingKind.USE_AFTER_FREE, st.line(), "cpu access to " + al.describe() + " freed at line "
                    + al.freedAtStep()));
        }
        st.explain("cpu " + (write ? "write" : "read") + " " + len + " bytes of " + al.describe());
        return Value.VOID;
    }

    private Value probe(RunState st, Step s) {
        Device d = (Device) resolve(st, s, s.args().get(0), ValueType.DEVICE).ref();
        int ret = st.sys.iommu.deviceUseDefaultDomain(d);
        if (ret == 0) d.setDriverBound(true);
        String dom = d.group() == null ? "no IOMMU (dma-direct)" : d.group().domain().describe();
        st.explain(d.describe() + " probed: " + (ret == 0 ? "" : Errno.describe(ret) + ", ") + dom
                + (d.isUntrusted() ? ", untrusted" : "") + (d.atsEnabled() ? ", ATS on" : ""));
        return Value.of(ValueType.INT, ret);
    }

    private Value unbind(RunState st, Step s) {
        Device d = (Device) resolve(st, s, s.args().get(0), ValueType.DEVICE).ref();
        st.sys.dmaDebug.deviceUnbound(st.sys.dma.debugDevice(d));
        st.sys.iommu.deviceUnuseDefaultDomain(d);
        d.setDriverBound(false);
        st.explain(d.describe() + " driver unbound");
        return Value.VOID;
    }

    /** {@code check COUNTER OP VALUE}: 1 when it holds, 0 when not. */
    private Value check(RunState st, Step s) {
        String name = s.args().get(0).text();
        String op = s.args().get(1).text();
        long want = s.args().get(2).number();
        Long have = st.sys.ctx.counters.get(name);
        if (have == null) throw new StepError(s.line(), "unknown counter '" + name + "'");
        boolean ok = switch (op) {
            case "==" -> have == want;
            case "!=" -> have != want;
            case ">=" -> have >= want;
            case "<=" -> have <= want;
            case ">" -> have > want;
            case "<" -> have < want;
            default -> throw new StepError(s.line(), "unknown comparison '" + op + "'");
        };
        st.explain(name + " = " + have + (ok ? "" : ", expected " + op + " " + want));
        return Value.of(ValueType.BOOL, ok ? 1 : 0);
    }
}

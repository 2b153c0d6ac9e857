package org.dmaworkbench.dsl.lowering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Advance;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.BenchPolicy;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.CallStatement;
import org.dmaworkbench.dsl.dmas.Check;
import org.dmaworkbench.dsl.dmas.CostOverride;
import org.dmaworkbench.dsl.dmas.CpuAccess;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.Duration;
import org.dmaworkbench.dsl.dmas.Expect;
import org.dmaworkbench.dsl.dmas.ExpectBool;
import org.dmaworkbench.dsl.dmas.ExpectDmaDebug;
import org.dmaworkbench.dsl.dmas.ExpectErrno;
import org.dmaworkbench.dsl.dmas.ExpectFault;
import org.dmaworkbench.dsl.dmas.ExpectFinding;
import org.dmaworkbench.dsl.dmas.ExpectMappingError;
import org.dmaworkbench.dsl.dmas.ExpectOk;
import org.dmaworkbench.dsl.dmas.ExpectPasidInvalid;
import org.dmaworkbench.dsl.dmas.ExpectValue;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.NameRef;
import org.dmaworkbench.dsl.dmas.NumberLit;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.dsl.dmas.Probe;
import org.dmaworkbench.dsl.dmas.Quirk;
import org.dmaworkbench.dsl.dmas.Repeat;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.dmaworkbench.dsl.dmas.Size;
import org.dmaworkbench.dsl.dmas.SizeUnit;
import org.dmaworkbench.dsl.dmas.Statement;
import org.dmaworkbench.dsl.dmas.StringLit;
import org.dmaworkbench.dsl.dmas.SymbolLit;
import org.dmaworkbench.dsl.dmas.Unbind;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.runtime.program.BenchmarkSpec;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.Expectation;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The one translation from the language's AST to the runtime's program format
 * ({@link CompiledFile}): nothing else interprets scenarios. Expects a validated model; nested
 * calls become preceding steps bound to hidden handles ({@code $1}, {@code $2}, ...).
 */
public class DmasLowering {

    /** Lowers every scenario and benchmark of one parsed file; {@code fileName} is what reports show. */
    public CompiledFile lower(Model model, String fileName) {
        List<ScenarioProgram> scenarios = new ArrayList<>();
        List<BenchmarkSpec> benchmarks = new ArrayList<>();
        for (EObject e : model.getElements()) {
            if (e instanceof Scenario s) scenarios.add(lower(s, fileName));
            else if (e instanceof Benchmark b) benchmarks.add(lower(b, fileName));
        }
        return new CompiledFile(fileName, scenarios, benchmarks);
    }

    public ScenarioProgram lower(Scenario s, String fileName) {
        Set<Device> devices = new LinkedHashSet<>();
        collectDevices(s, devices);
        List<Step> steps = new ArrayList<>();
        int[] temp = {0};
        for (Statement st : s.getStatements()) lower(st, steps, temp);
        return new ScenarioProgram(s.getTitle(), fileName, line(s), platform(s.getPlatform()),
                devices.stream().map(this::device).toList(), steps);
    }

    public BenchmarkSpec lower(Benchmark b, String fileName) {
        List<String> policies = new ArrayList<>();
        for (BenchPolicy p : b.getPolicies()) policies.add(p.getLiteral());
        if (policies.isEmpty()) policies = List.of("passthrough", "strict", "lazy", "kva-fast", "kva-strict");
        return new BenchmarkSpec(b.getTitle(), fileName, line(b), platform(b.getPlatform()), List.of(device(b.getDevice())),
                b.getDevice().getName(), or(b, Literals.BENCHMARK__THREADS, b.getThreads(), 1),
                or(b, Literals.BENCHMARK__ITERATIONS, b.getIterations(), 10_000), or(b, Literals.BENCHMARK__GRANULE, b.getGranule(), 1),
                b.getDirection().getLiteral(), or(b, Literals.BENCHMARK__DMA_BITS, b.getDmaBits(), 32),
                b.getDelay() == null ? 0 : nanos(b.getDelay()), b.getMode().getLiteral(), policies);
    }

    /** The value as written (0 included: validation reports it), else the tool's default. */
    private static int or(EObject o, EStructuralFeature f, int value, int unwritten) {
        return written(o, f) ? value : unwritten;
    }

    /** Devices the scenario names, in first-use order. */
    private static void collectDevices(EObject root, Set<Device> out) {
        for (var it = root.eAllContents(); it.hasNext(); ) {
            EObject o = it.next();
            for (EObject ref : o.eCrossReferences()) if (ref instanceof Device d && !d.eIsProxy()) out.add(d);
        }
    }

    public PlatformSpec platform(Platform p) {
        List<IommuSpec> iommus = new ArrayList<>();
        for (Iommu i : p.getIommus()) {
            iommus.add(new IommuSpec(i.getName(), i.getArch(), i.getAddressWidth() == 0 ? 48 : i.getAddressWidth(),
                    i.getPasidBits(), i.getFqEntries() == 0 ? 256 : i.getFqEntries(),
                    i.getFqTimeout() == null ? 10 : Math.max(1, nanos(i.getFqTimeout()) / 1_000_000),
                    i.getQuirks().contains(Quirk.INVALIDATE_RID_ONLY)));
        }
        Map<String, Long> costs = new LinkedHashMap<>();
        for (CostOverride c : p.getCosts()) costs.put(c.getName(), (long) c.getValue());
        long mem = p.getMemory() == null ? 4096 : bytes(p.getMemory()) >> 20;
        String policy = written(p, org.dmaworkbench.dsl.dmas.DmasPackage.Literals.PLATFORM__DEFAULT_DOMAIN)
                ? p.getDefaultDomain().getLiteral() : "lazy"; // the x86 Kconfig default
        return new PlatformSpec(p.getName(), iommus, policy, p.getCmdline() == null ? "" : p.getCmdline(),
                mem, p.getCpus() == 0 ? 1 : p.getCpus(), costs);
    }

    public DeviceSpec device(Device d) {
        return new DeviceSpec(d.getName(), d.getBdf(), d.getIommu() == null ? null : d.getIommu().getName(), d.getPasidBits(),
                d.isAts(), d.isSatc(), !d.isNonCoherent(), d.isExternal(), d.isRequireDirect(),
                d.getDmaMask() == 0 ? 32 : d.getDmaMask(), d.getDriver() == null ? d.getName() : d.getDriver());
    }

    // ---------------------------------------------------------------- statements

    private void lower(Statement st, List<Step> out, int[] temp) {
        int line = line(st);
        String text = text(st);
        Step step;
        if (st instanceof HandleDecl h) {
            step = call(h.getCall(), line, text, out, temp).bind(h.getType().getLiteral(), h.getName()).expect(expect(h.getExpect()));
        } else if (st instanceof CallStatement c) {
            step = call(c.getCall(), line, text, out, temp).expect(expect(c.getExpect()));
        } else if (st instanceof Probe p) {
            step = Step.call(line, "probe", org.dmaworkbench.runtime.program.Arg.ref(p.getDevice().getName())).text(text)
                    .expect(expect(p.getExpect()));
        } else if (st instanceof Unbind u) {
            step = Step.call(line, "unbind", org.dmaworkbench.runtime.program.Arg.ref(u.getDevice().getName())).text(text)
                    .expect(expect(u.getExpect()));
        } else if (st instanceof DeviceDma d) {
            List<org.dmaworkbench.runtime.program.Arg> args = new ArrayList<>();
            args.add(org.dmaworkbench.runtime.program.Arg.ref(d.getDevice().getName()));
            if (d.getPasid() != null) args.add(arg(d.getPasid(), line, out, temp));
            args.add(org.dmaworkbench.runtime.program.Arg.sym(d.getAccess().getLiteral()));
            args.add(arg(d.getAddress(), line, out, temp));
            args.add(org.dmaworkbench.runtime.program.Arg.num(bytes(d.getLength())));
            step = new Step(line, text, "dma", null, null, args, expect(d.getExpect()), List.of());
        } else if (st instanceof CpuAccess c) {
            step = new Step(line, text, "cpu", null, null, List.of(org.dmaworkbench.runtime.program.Arg.sym(c.getAccess().getLiteral()),
                    arg(c.getBuffer(), line, out, temp), org.dmaworkbench.runtime.program.Arg.num(bytes(c.getLength()))),
                    expect(c.getExpect()), List.of());
        } else if (st instanceof Advance a) {
            step = Step.call(line, "advance", org.dmaworkbench.runtime.program.Arg.num(nanos(a.getDuration()))).text(text);
        } else if (st instanceof Check c) {
            step = Step.call(line, "check", org.dmaworkbench.runtime.program.Arg.str(c.getCounter()),
                    org.dmaworkbench.runtime.program.Arg.sym(c.getOp()), org.dmaworkbench.runtime.program.Arg.num(c.getValue())).text(text);
        } else if (st instanceof Repeat r) {
            List<Step> body = new ArrayList<>();
            for (Statement b : r.getBody()) lower(b, body, temp);
            step = new Step(line, text, "repeat", null, null, List.of(org.dmaworkbench.runtime.program.Arg.num(r.getCount())), null, body);
        } else {
            throw new IllegalArgumentException("unknown statement " + st.eClass().getName());
        }
        out.add(step);
    }

    private Step call(Call c, int line, String text, List<Step> out, int[] temp) {
        List<org.dmaworkbench.runtime.program.Arg> args = new ArrayList<>();
        for (Arg a : c.getArgs()) args.add(arg(a, line, out, temp));
        return new Step(line, text, c.getFunction(), null, null, args, null, List.of());
    }

    private org.dmaworkbench.runtime.program.Arg arg(Arg a, int line, List<Step> out, int[] temp) {
        if (a instanceof Call nested) {
            String name = "$" + (++temp[0]);
            out.add(call(nested, line, text(nested), out, temp).bind(null, name));
            return org.dmaworkbench.runtime.program.Arg.ref(name);
        }
        if (a instanceof NameRef r) {
            EObject t = r.getTarget();
            String name = t instanceof Device d ? d.getName() : t instanceof HandleDecl h ? h.getName() : "?";
            return org.dmaworkbench.runtime.program.Arg.ref(name, r.getOffset());
        }
        if (a instanceof NumberLit n) {
            return org.dmaworkbench.runtime.program.Arg.num(
                    scale(n.getValue(), written(n, org.dmaworkbench.dsl.dmas.DmasPackage.Literals.NUMBER_LIT__UNIT) ? n.getUnit() : null));
        }
        if (a instanceof SymbolLit s) return org.dmaworkbench.runtime.program.Arg.sym(String.join("|", s.getParts()));
        if (a instanceof StringLit s) return org.dmaworkbench.runtime.program.Arg.str(s.getValue());
        throw new IllegalArgumentException("unknown argument " + a.eClass().getName());
    }

    static Expectation expect(Expect e) {
        if (e == null) return null;
        if (e instanceof ExpectOk) return Expectation.ok();
        if (e instanceof ExpectFault f) {
            if (!written(f, org.dmaworkbench.dsl.dmas.DmasPackage.Literals.EXPECT_FAULT__FAULT_CLASS)) return Expectation.anyFault();
            String cls = f.getFaultClass().getLiteral();
            return hasCode(f) ? Expectation.fault(cls, (int) f.getCode()) : Expectation.fault(cls);
        }
        if (e instanceof ExpectFinding f) return Expectation.finding(f.getKind().getLiteral());
        if (e instanceof ExpectValue v) return Expectation.value(v.isNegative() ? -v.getValue() : v.getValue());
        if (e instanceof ExpectErrno er) return Expectation.errno(er.getErrno());
        if (e instanceof ExpectBool b) return Expectation.bool(b.getValue() == org.dmaworkbench.dsl.dmas.BoolLit.TRUE);
        if (e instanceof ExpectPasidInvalid) return Expectation.pasidInvalid();
        if (e instanceof ExpectMappingError) return Expectation.mappingError();
        if (e instanceof ExpectDmaDebug d) return Expectation.dmaDebug(d.getMessage());
        throw new IllegalArgumentException("unknown expectation " + e.eClass().getName());
    }

    private static boolean hasCode(ExpectFault f) {
        return written(f, org.dmaworkbench.dsl.dmas.DmasPackage.Literals.EXPECT_FAULT__CODE);
    }

    /**
     * Whether the source text sets {@code feature}: {@code eIsSet} cannot tell an enum left out
     * from one written as its first literal ({@code 4 KiB}, {@code default-domain passthrough}), nor a number 0.
     */
    public static boolean written(EObject o, EStructuralFeature feature) {
        return !NodeModelUtils.findNodesForFeature(o, feature).isEmpty();
    }

    // ---------------------------------------------------------------- literals and positions

    public static long bytes(Size s) {
        return scale(s.getValue(), written(s, org.dmaworkbench.dsl.dmas.DmasPackage.Literals.SIZE__UNIT) ? s.getUnit() : null);
    }

    static long scale(long v, SizeUnit u) {
        if (u == null) return v;
        return switch (u) { // saturating: a size past 2^63 stays huge, for the runtime's range checks
            case KIB -> saturatingMultiply(v, 1L << 10);
            case MIB -> saturatingMultiply(v, 1L << 20);
            case GIB -> saturatingMultiply(v, 1L << 30);
        };
    }

    public static long nanos(Duration d) {
        return switch (d.getUnit()) {
            case NS -> d.getValue();
            case US -> saturatingMultiply(d.getValue(), 1_000L);
            case MS -> saturatingMultiply(d.getValue(), 1_000_000L);
            case SEC -> saturatingMultiply(d.getValue(), 1_000_000_000L);
        };
    }

    /** v * unit, or Long.MAX_VALUE / MIN_VALUE when that overflows (never a wrapped, wrong-signed value). */
    static long saturatingMultiply(long v, long unit) {
        long hi = Math.multiplyHigh(v, unit), lo = v * unit;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
        return v < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** 1-based source line of an element. */
    public static int line(EObject o) {
        ICompositeNode n = NodeModelUtils.findActualNodeFor(o);
        return n == null ? 0 : n.getStartLine();
    }

    /** The element's source text on one line. */
    static String text(EObject o) {
        ICompositeNode n = NodeModelUtils.findActualNodeFor(o);
        return n == null ? "" : NodeModelUtils.getTokenText(n);
    }
}

package org.dmaworkbench.runtime.program;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.dmaworkbench.runtime.iommu.IommuArch;

/**
 * What a well-shaped compiled program must also satisfy before it runs, each problem with its JSON
 * path: the platform's and devices' ranges ({@link SpecLimits}), known IOMMU architectures, devices
 * behind declared IOMMUs with a BDF, a benchmark's device among its devices, and repeat counts
 * (one and nested) within {@link SpecLimits#MAX_REPEAT}. Calls and handles are the runner's to
 * check (it stops the scenario on the step's line).
 */
final class ProgramChecks {
    private ProgramChecks() { }

    /** Throws {@link ProgramReader.ShapeException} for the first problem. */
    static void check(CompiledFile f, String path) {
        for (int i = 0; i < f.scenarios().size(); i++) {
            ScenarioProgram s = f.scenarios().get(i);
            String at = path + ".scenarios[" + i + "]";
            machine(s.platform(), s.devices(), at);
            steps(s.steps(), at + ".steps", 1);
        }
        for (int i = 0; i < f.benchmarks().size(); i++) {
            BenchmarkSpec b = f.benchmarks().get(i);
            String at = path + ".benchmarks[" + i + "]";
            machine(b.platform(), b.devices(), at);
            problem(SpecLimits.benchmark(b), at);
            if (b.devices().stream().noneMatch(d -> d.name().equals(b.device()))) {
                throw new ProgramReader.ShapeException(at + ".device", "\"" + b.device() + "\" is not one of the benchmark's devices");
            }
        }
    }

    private static void machine(PlatformSpec p, List<DeviceSpec> devices, String at) {
        problem(SpecLimits.platform(p), at + ".platform");
        Set<String> iommus = new HashSet<>();
        for (int i = 0; i < p.iommus().size(); i++) {
            IommuSpec s = p.iommus().get(i);
            String ia = at + ".platform.iommus[" + i + "]";
            problem(SpecLimits.iommu(s), ia);
            if (IommuArch.byName(s.arch()) == null) {
                throw new ProgramReader.ShapeException(ia + ".arch", "unknown IOMMU architecture \"" + s.arch() + "\"");
            }
            if (!iommus.add(s.name())) throw new ProgramReader.ShapeException(ia + ".name", "a second IOMMU named \"" + s.name() + "\"");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceSpec d = devices.get(i);
            String da = at + ".devices[" + i + "]";
            problem(SpecLimits.device(d), da);
            if (Bdf.parse(d.bdf()) == null) {
                throw new ProgramReader.ShapeException(da + ".bdf", "malformed BDF \"" + d.bdf() + "\" (0000:6a:01.0)");
            }
            if (d.iommu() != null && !iommus.contains(d.iommu())) {
                throw new ProgramReader.ShapeException(da + ".iommu", "no IOMMU \"" + d.iommu() + "\" on the platform");
            }
            if (!names.add(d.name())) throw new ProgramReader.ShapeException(da + ".name", "a second device named \"" + d.name() + "\"");
        }
    }

    private static void problem(SpecLimits.Problem p, String at) {
        if (p != null) throw new ProgramReader.ShapeException(at + "." + p.component(), p.message());
    }

    /** Steps that the enclosing repeats run {@code outer} times. */
    private static void steps(List<Step> steps, String at, long outer) {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String sa = at + "[" + i + "]";
            if (!"repeat".equals(s.op())) continue;
            if (s.args().size() != 1 || s.args().get(0).kind() != Arg.Kind.INT) {
                throw new ProgramReader.ShapeException(sa + ".args", "a repeat takes one integer argument, its count");
            }
            long n = s.args().get(0).number();
            if (n < 0 || n > SpecLimits.MAX_REPEAT) {
                throw new ProgramReader.ShapeException(sa + ".args[0].number", "repeat " + n + " is outside 0.." + SpecLimits.MAX_REPEAT);
            }
            if (n * outer > SpecLimits.MAX_REPEAT) {
                throw new ProgramReader.ShapeException(sa + ".args[0].number", "nested repeats run this body " + outer + " x " + n + " = "
                        + n * outer + " times, more than " + SpecLimits.MAX_REPEAT);
            }
            steps(s.body(), sa + ".body", Math.max(1, n * outer));
        }
    }
}

package org.dmaworkbench.benchmarks;

import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.dsl.DmasStandaloneSetup;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The language issue's bar: parse + link + validate + lower + run a generated 10,000-line scenario
 * in ≤ 1 s, through the same classes as {@code ./dmas run} (DmasStandaloneSetup, the validators,
 * DmasLowering, ScenarioRunner).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LanguagePipelineBenchmark {
    /** Statement lines of the generated scenario (plus a few lines of platform and device). */
    public static final int LINES = 10_000;

    private Injector injector;
    private byte[] source;

    /** The platform and device the generated scenarios run on (two lines). */
    static final String PLATFORM = """
            platform spr { iommu vtd0 arch intel-vtd { pasid-bits 20 } default-domain lazy cmdline "iommu.strict=1" }
            device dsa0 { bdf 0000:6a:01.0  iommu vtd0  pasid-bits 20  dma-mask 64 }
            """;

    /** A realistic mix: allocate, map, check, DMA, unmap, with the expectations a user writes. */
    public static String scenario(int lines) {
        StringBuilder b = new StringBuilder(PLATFORM).append("scenario \"generated\" on spr {\n    probe dsa0\n");
        for (int i = 0; i < lines / 5; i++) mapReadUnmap(b, i);
        return b.append("}\n").toString();
    }

    /** Five statements of a scenario on {@code dsa0}: allocate, map, check, DMA, unmap, with handles numbered {@code i}. */
    static void mapReadUnmap(StringBuilder b, int i) {
        b.append("    buffer b").append(i).append(" = kmalloc(4096)\n");
        b.append("    dma_addr a").append(i).append(" = dma_map_single(dsa0, b").append(i).append(", 4096, DMA_TO_DEVICE)\n");
        b.append("    dma_mapping_error(dsa0, a").append(i).append(")    expect false\n");
        b.append("    dma dsa0 read a").append(i).append(" len 64    expect ok\n");
        b.append("    dma_unmap_single(dsa0, a").append(i).append(", 4096, DMA_TO_DEVICE)\n");
    }

    @Setup
    public void setup() {
        injector = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
        source = scenario(LINES).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public ScenarioResult parseValidateLowerRun() throws IOException {
        XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
        Resource r = rs.createResource(URI.createURI("memory:/generated.dmas"));
        r.load(new ByteArrayInputStream(source), rs.getLoadOptions());
        EcoreUtil.resolveAll(rs);
        List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
        for (Issue i : issues) {
            if (i.getSeverity() == Severity.ERROR) throw new IllegalStateException("generated scenario invalid: " + i);
        }
        CompiledFile f = new DmasLowering().lower((Model) r.getContents().get(0), "generated.dmas");
        ScenarioResult result = new ScenarioRunner().run(f.scenarios().get(0));
        if (!result.passed()) throw new IllegalStateException("generated scenario failed: " + result.failures());
        return result;
    }
}

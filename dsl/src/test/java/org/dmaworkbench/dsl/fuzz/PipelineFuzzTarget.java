package org.dmaworkbench.dsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.stream.Stream;
import org.dmaworkbench.dsl.DmasStandaloneSetup;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.lang.LoggedErrors;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.RunCancelledException;
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

/**
 * One fuzz input through the language's whole path: parse, link, validate, and, when nothing is an
 * error, lower and (one input in eight) run every scenario (each stopped after {@link #RUN_BUDGET_MS} through the runner's
 * own cancellation). The input is either raw text or one of the examples edited by the fuzzer
 * (tokens of the language inserted, text deleted, doubled or cut). A finding is any exception, or
 * anything logged at ERROR (Xtext logs and swallows exceptions of validators), or a diagnostic without
 * a line. Used by {@link PipelineFuzzTest} and, for long runs, by Jazzer's own driver
 * ({@code tools/fuzz.sh}).
 */
public final class PipelineFuzzTarget {
    static final long RUN_BUDGET_MS = 500;
    static final Path EXAMPLES = Path.of(System.getProperty("dmas.examples", "../examples")).toAbsolutePath().normalize();
    private static final Injector INJECTOR = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
    private static final List<String> BASES = examples();
    private static final String[] WORDS = {
        "scenario \"s\" on spr {", "platform", "device", "benchmark", "{", "}", "(", ")", ",", "=", "expect", "ok", "fault", "finding",
        "stale-iotlb", "-EINVAL", "EINVAL", "true", "DMA_MAPPING_ERROR", "IOMMU_PASID_INVALID", "dma-debug \"x\"", "repeat 1000000 {",
        "repeat 0 {", "dma dsa0 read", "write", "len", "cpu write buf len", "advance", "ms", "sec", "check iotlb.syncs >=", "probe", "unbind",
        "buffer b = kmalloc(", "dma_addr a = dma_map_single(dsa0, buf, ", "dma_unmap_single(", "DMA_TO_DEVICE", "IOMMU_READ|IOMMU_WRITE",
        "iommu_domain_alloc(", "0x", "0x_", "0xffffffffffffffff", "0x7fffffffffffffff", "9223372036854775808", "4096", "4K", "GiB", "KiB",
        "-", "+", "|", ";", "//", "/*", "*/", "\r", "\n", "\uFEFF", "\"", "import \"platforms/spr.dmas\"", "import \"\"", "threads 0",
        "iterations 2147483647", "granule 0", "pasid", "kp", "dsa0", "buf", "a"};

    private PipelineFuzzTarget() { }

    private static List<String> examples() {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".dmas")).sorted().map(PipelineFuzzTarget::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jazzer's entry point (driver and JUnit alike). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        boolean execute = data.consumeInt(0, 7) == 0; // booting a simulated machine costs 50-400 ms: run one input in eight
        String text = data.consumeBoolean() ? edited(data) : data.consumeRemainingAsString();
        check(text, execute);
    }

    private static String edited(FuzzedDataProvider data) {
        StringBuilder b = new StringBuilder(BASES.get(data.consumeInt(0, BASES.size() - 1)));
        for (int ops = data.consumeInt(1, 6); ops > 0 && data.remainingBytes() > 0; ops--) {
            int at = data.consumeInt(0, b.length());
            switch (data.consumeInt(0, 4)) {
                case 0 -> b.insert(at, " " + data.pickValue(WORDS) + " ");
                case 1 -> b.delete(at, Math.min(b.length(), at + data.consumeInt(1, 40)));
                case 2 -> b.insert(at, b.substring(at, Math.min(b.length(), at + data.consumeInt(1, 80))));
                case 3 -> b.setLength(at);
                default -> b.insert(at, data.consumeString(12));
            }
        }
        return b.toString();
    }

    /** Parse, validate, lower and run {@code text}; throws on a finding. */
    public static void check(String text) {
        check(text, true);
    }

    /** Parse, validate and lower {@code text}, and run it when {@code execute}; throws on a finding. */
    public static void check(String text, boolean execute) {
        try (LoggedErrors log = new LoggedErrors()) {
            Resource r = freshResource();
            try {
                r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EcoreUtil.resolveAll(RESOURCES);
            List<Issue> issues = INJECTOR.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
            for (Issue i : issues) {
                if (i.getLineNumber() == null || i.getLineNumber() < 1) throw new AssertionError("diagnostic without a line: " + i);
            }
            log.failIfAny();
            if (r.getContents().isEmpty() || issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR)) return;
            CompiledFile f = new DmasLowering().lower((Model) r.getContents().get(0), "fuzz.dmas");
            if (execute) for (ScenarioProgram p : f.scenarios()) runWithBudget(p);
            log.failIfAny();
        }
    }

    /*
     * One resource set for all inputs: the imported platform files stay loaded (they are not fuzzed),
     * only the fuzzed file is replaced; about ten times the executions per second of a new set each time.
     */
    private static final XtextResourceSet RESOURCES = INJECTOR.getInstance(XtextResourceSet.class);
    private static final URI FUZZED = URI.createFileURI(EXAMPLES.resolve("fuzz.dmas").toString());

    private static Resource freshResource() {
        Resource old = RESOURCES.getResource(FUZZED, false);
        if (old != null) {
            old.unload();
            RESOURCES.getResources().remove(old);
        }
        return RESOURCES.createResource(FUZZED);
    }

    private static void runWithBudget(ScenarioProgram p) {
        Thread self = Thread.currentThread();
        Timer timer = new Timer(true);
        timer.schedule(new TimerTask() {
            @Override public void run() { self.interrupt(); }
        }, RUN_BUDGET_MS);
        try {
            new ScenarioRunner().run(p);
        } catch (RunCancelledException e) {
            // the budget is over: a long but valid scenario
        } finally {
            timer.cancel();
            Thread.interrupted();
        }
    }
}

package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;

/**
 * Runs one scenario of {@code steps} steps through the batch service with every report format and the
 * console text, in a JVM of its own ({@link BoundedReportMemoryTest} starts it with a small heap). The
 * scenario is {@code GeneratedScenario}'s five-statement group, lowered once and repeated (the steps
 * are shared objects, so the program itself costs 4 bytes a step and what grows with the run is only
 * what the batch keeps of it); every 10,000th group expects a fault it does not get. Prints
 * {@code exit N}, {@code reports ...} and {@code console-lines N}; exits 3 on OutOfMemoryError.
 *
 * <pre>java -Xmx128m -cp dsl/target/test-classes:dsl/target/dmas-cli.jar org.dmaworkbench.dsl.batch.LongRunMain OUT STEPS</pre>
 */
public final class LongRunMain {
    private LongRunMain() { }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int steps = Integer.parseInt(args[1].replace("_", ""));
        try {
            run(out, steps);
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory");
            System.exit(3);
        }
        System.exit(0);
    }

    private static void run(Path out, int steps) throws IOException {
        Files.createDirectories(out);
        Path src = out.resolve("long.dmas");
        Files.writeString(src, """
                platform spr { iommu vtd0 arch intel-vtd { pasid-bits 20 } default-domain strict }
                device dsa0 { bdf 0000:6a:01.0  iommu vtd0  pasid-bits 20  dma-mask 64 }
                scenario "long" on spr {
                    probe dsa0
                    buffer b = kmalloc(4096)
                    dma_addr a = dma_map_single(dsa0, b, 4096, DMA_TO_DEVICE)
                    dma_mapping_error(dsa0, a)    expect false
                    dma dsa0 read a len 64    expect ok
                    dma_unmap_single(dsa0, a, 4096, DMA_TO_DEVICE)
                    buffer b = kmalloc(4096)
                    dma_addr a = dma_map_single(dsa0, b, 4096, DMA_TO_DEVICE)
                    dma_mapping_error(dsa0, a)    expect false
                    dma dsa0 read a len 64    expect fault not-present
                    dma_unmap_single(dsa0, a, 4096, DMA_TO_DEVICE)
                }
                """);
        Workspace.Options options = new Workspace.Options(out, List.of(), null);
        Workspace.Loaded small = Workspace.load(List.of(src), true, options);
        ScenarioProgram p = small.compiled().get(0).scenarios().get(0);
        List<Step> passing = p.steps().subList(1, 6);
        List<Step> failing = p.steps().subList(6, 11);
        List<Step> all = new ArrayList<>(steps);
        all.add(p.steps().get(0));
        for (int g = 0; all.size() < steps; g++) {
            List<Step> group = g % 10_000 == 9_999 ? failing : passing;
            for (int i = 0; i < group.size() && all.size() < steps; i++) all.add(group.get(i));
        }
        ScenarioProgram big = new ScenarioProgram(p.name(), p.file(), p.line(), p.platform(), p.devices(), all);
        Workspace.Loaded loaded = new Workspace.Loaded(1, List.of(new CompiledFile(p.file(), List.of(big), List.of())),
                small.compiledFrom(), List.of(), small.filesRead());
        small = null;
        long[] lines = {0};
        Writer counting = new Writer() {
            @Override public void write(char[] c, int off, int len) { for (int i = off; i < off + len; i++) if (c[i] == '\n') lines[0]++; }
            @Override public void flush() { }
            @Override public void close() { }
        };
        BatchService batch = Batch.service();
        BatchService.Request req = BatchService.Request.files(List.of(src), options, null, null, 1, List.of(src.toString()));
        BatchService.Outcome o = batch.run(req, loaded, new TextStream(new PrintWriter(counting), false),
                EnumSet.allOf(Reports.Format.class), new Reports.Target(out.resolve("reports"), null, true, true));
        System.out.println("exit " + o.exitCode());
        System.out.println("reports " + (o.reports().ok() ? o.reports().files().size() + " files" : o.reports().problem()));
        System.out.println("console-lines " + lines[0]);
    }
}

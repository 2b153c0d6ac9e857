package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a long generated scenario file: a platform, a device and one scenario of about {@code lines}
 * statement lines in groups of five (kmalloc, dma_map_single, dma_mapping_error expect false, a device
 * read expect ok, dma_unmap_single), of which every {@code failEvery}-th group expects a fault it does
 * not get (0: none fails). The memory tests and the README's measurement use it:
 *
 * <pre>java -cp dsl/target/test-classes org.dmaworkbench.dsl.batch.GeneratedScenario 200000 big.dmas [failEvery]</pre>
 */
public final class GeneratedScenario {
    private GeneratedScenario() { }

    public static void main(String[] args) throws IOException {
        int lines = Integer.parseInt(args[0].replace("_", ""));
        write(Path.of(args[1]), lines, args.length > 2 ? Integer.parseInt(args[2]) : 0);
    }

    /** Writes the file (streamed: the text is never held whole). */
    public static void write(Path file, int lines, int failEvery) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("""
                    platform spr { iommu vtd0 arch intel-vtd { pasid-bits 20 } default-domain strict }
                    device dsa0 { bdf 0000:6a:01.0  iommu vtd0  pasid-bits 20  dma-mask 64 }
                    scenario "generated" on spr {
                        probe dsa0
                    """);
            for (int i = 0; i < lines / 5; i++) {
                boolean fail = failEvery > 0 && i % failEvery == failEvery - 1;
                w.write("    buffer b" + i + " = kmalloc(4096)\n");
                w.write("    dma_addr a" + i + " = dma_map_single(dsa0, b" + i + ", 4096, DMA_TO_DEVICE)\n");
                w.write("    dma_mapping_error(dsa0, a" + i + ")    expect false\n");
                w.write("    dma dsa0 read a" + i + " len 64    expect " + (fail ? "fault not-present" : "ok") + "\n");
                w.write("    dma_unmap_single(dsa0, a" + i + ", 4096, DMA_TO_DEVICE)\n");
            }
            w.write("}\n");
        }
    }
}

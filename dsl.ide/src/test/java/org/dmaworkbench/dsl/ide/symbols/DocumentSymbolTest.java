package org.dmaworkbench.dsl.ide.symbols;

import java.util.List;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The outline a user sees: platforms > IOMMUs, devices, scenarios > handles, benchmarks. */
class DocumentSymbolTest extends AbstractDmasLanguageServerTest {

    private List<DocumentSymbol> symbols(String path, String text) throws Exception {
        workspace();
        String uri = openFile(path, text);
        List<Either<SymbolInformation, DocumentSymbol>> result = languageServer.documentSymbol(new DocumentSymbolParams(doc(uri))).get();
        return result.stream().map(e -> {
            Assertions.assertTrue(e.isRight(), "hierarchical symbols");
            return e.getRight();
        }).toList();
    }

    /** One line per symbol: indentation for depth, kind, name, [detail], start line. */
    private static String tree(List<DocumentSymbol> symbols) {
        StringBuilder b = new StringBuilder();
        tree(symbols, "", b);
        return b.toString();
    }

    private static void tree(List<DocumentSymbol> symbols, String indent, StringBuilder b) {
        for (DocumentSymbol s : symbols) {
            b.append(indent).append(s.getKind()).append(' ').append(s.getName()).append(" [").append(s.getDetail()).append("] @")
                    .append(s.getRange().getStart().getLine()).append('\n');
            if (s.getChildren() != null) tree(s.getChildren(), indent + "  ", b);
        }
    }

    @Test
    void platformFileShowsThePlatformWithItsIommusAndTheDevices() throws Exception {
        Assertions.assertEquals("""
                Namespace spr [platform] @1
                  Module vtd0 [iommu intel-vtd] @2
                Struct dsa0 [device 0000:6a:01.0 behind vtd0] @6
                Struct tbt_nic [device 0000:3c:00.0 behind vtd0, untrusted] @7
                """, tree(symbols("platforms/spr-copy.dmas", fixture("platforms/spr.dmas"))));
    }

    @Test
    void scenarioFileShowsScenariosWithTheirHandlesAndTheBenchmark() throws Exception {
        Assertions.assertEquals("""
                Function kernel DMA with a global PASID shares the RID page table [scenario on spr] @2
                  Variable kp [pasid = iommu_alloc_global_pasid(dsa0)] @4
                  Variable buf [buffer = kmalloc(4096)] @7
                  Variable a [dma_addr = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)] @8
                Function untrusted device: strict domain, bounce buffers, dma-debug [scenario on spr] @20
                  Variable p [pasid = iommu_dma_pasid_enable(tbt_nic, KVA)] @22
                  Variable small [buffer = kmalloc(64)] @23
                  Variable b [dma_addr = dma_map_single(tbt_nic, small, 64, DMA_FROM_DEVICE)] @24
                  Variable c [dma_addr = dma_map_single(tbt_nic, small, 64, DMA_FROM_DEVICE)] @28
                Event map/unmap latency by policy [benchmark on spr] @32
                """, tree(symbols("contract.dmas", fixture("contract.dmas"))));
    }

    @Test
    void handlesInsideRepeatBodiesAreListedUnderTheirScenario() throws Exception {
        String text = "import \"platforms/spr.dmas\"\nscenario \"loop\" on spr {\n    repeat 3 {\n        buffer b = kmalloc(64)\n    }\n}\n";
        Assertions.assertEquals("""
                Function loop [scenario on spr] @1
                  Variable b [buffer = kmalloc(64)] @3
                """, tree(symbols("loop.dmas", text)));
    }
}

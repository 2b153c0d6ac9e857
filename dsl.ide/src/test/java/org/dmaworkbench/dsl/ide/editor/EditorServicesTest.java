package org.dmaworkbench.dsl.ide.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process editor services the Eclipse plug-in calls, on documents edited keystroke by keystroke. */
class EditorServicesTest {
    static final String PLATFORM = """
            platform lab { iommu vtd0 arch intel-vtd { pasid-bits 20 } default-domain lazy }
            device nic0 { bdf 0000:17:00.0  iommu vtd0  pasid-bits 20  dma-mask 64 }
            device dsa0 { bdf 0000:6a:01.0  iommu vtd0  pasid-bits 20  dma-mask 64 }
            """;
    static final String SCENARIO = """
            import "lab.dmas"
            scenario "one" on lab {
                probe nic0
                buffer buf = kmalloc(64)
            }
            scenario "two" on lab {
                probe dsa0
            }
            """;

    @TempDir
    Path dir;

    private final EditorServices services = DmasIde.services();

    private EditorDocument open(String text) throws Exception {
        Files.writeString(dir.resolve("lab.dmas"), PLATFORM);
        Path f = dir.resolve("s.dmas");
        Files.writeString(f, text);
        return new EditorDocument(f.toUri().toString(), text);
    }

    private static List<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void completionSeesDevicesOfTheImportedFileAfterEditsAppliedIncrementally() throws Exception {
        EditorDocument doc = open(SCENARIO);
        int at = SCENARIO.indexOf("nic0");
        doc.replace(at, 4, "");             // "probe |"
        List<String> first = labels(services.complete(doc, at, CancelIndicator.NullImpl));
        assertTrue(first.containsAll(List.of("nic0", "dsa0")), first::toString);
        doc.replace(at, 0, "d");            // "probe d|"
        List<String> second = labels(services.complete(doc, at + 1, CancelIndicator.NullImpl));
        assertTrue(second.contains("dsa0"), second::toString);
        assertEquals(SCENARIO.replace("probe nic0", "probe d"), doc.text());
    }

    @Test
    void aCallPrefixTypedBetweenStatementsCompletesToKernelCalls() throws Exception {
        EditorDocument doc = open(SCENARIO);
        int at = SCENARIO.indexOf("    buffer buf");
        doc.replace(at, 0, "    dma_\n");
        List<String> items = labels(services.complete(doc, at + "    dma_".length(), CancelIndicator.NullImpl));
        assertTrue(items.contains("dma_map_single"), items::toString);
    }

    @Test
    void completionStillWorksAfterTheBatchPipelineRegisteredItsOwnSetup() throws Exception {
        org.dmaworkbench.dsl.batch.Workspace.injector(); // what a run in the IDE does: EMF's global registry now names the runtime injector
        EditorDocument doc = open(SCENARIO);
        int at = SCENARIO.indexOf("nic0");
        doc.replace(at, 4, "");
        List<String> items = labels(services.complete(doc, at, CancelIndicator.NullImpl));
        assertTrue(items.contains("nic0"), items::toString);
    }

    @Test
    void typingNeverWaitsForAReadOrParseInProgress() throws Exception {
        EditorDocument doc = open(SCENARIO);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> doc.read((d, r) -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        reader.start();
        holding.await();
        // the reader holds the model; the keystroke must still go through at once
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> doc.replace(0, 0, "// typed\n"));
        assertEquals(1, doc.version(), "one edit recorded");
        release.countDown();
        reader.join();
        assertEquals("// typed\n" + SCENARIO, doc.read((d, r) -> d.getContents()));
        assertEquals("// typed\n" + SCENARIO, doc.read((d, r) -> org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(r.getContents().get(0)).getRootNode().getText()));
    }

    @Test
    void checkReportsProblemsWithLinesAndCodesAndHighlighting() throws Exception {
        String text = SCENARIO.replace("probe dsa0", "probe nosuch");
        EditorDocument doc = open(text);
        Checked c = services.check(doc.uri(), doc.version(), doc.text(), CancelIndicator.NullImpl);
        Problem p = c.problems().stream().filter(x -> x.message().contains("nosuch")).findFirst().orElseThrow(() -> new AssertionError(c.problems().toString()));
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals(7, p.line());
        assertEquals(text.indexOf("nosuch"), p.offset());
        assertTrue(c.highlights().stream().anyMatch(h -> h.offset() == text.indexOf("nic0") && h.style().equals("struct")), c.highlights()::toString);
    }

    @Test
    void aQuickFixComesBackFromTheProblemAlone() throws Exception {
        String text = SCENARIO.replace("kmalloc(64)", "kmalloc(64)\n    dma_addr a = dma_map_singel(nic0, buf, 64, DMA_TO_DEVICE)");
        EditorDocument doc = open(text);
        Problem p = services.check(doc.uri(), doc.version(), doc.text(), CancelIndicator.NullImpl).problems().stream()
                .filter(x -> x.message().contains("dma_map_singel")).findFirst().orElseThrow();
        List<Fix> fixes = services.fixes(doc, p, CancelIndicator.NullImpl);
        assertEquals("Change to dma_map_single", fixes.get(0).title());
        assertEquals("dma_map_single", fixes.get(0).edits().get(0).getNewText());
    }

    @Test
    void definitionLeadsIntoTheImportedFile() throws Exception {
        EditorDocument doc = open(SCENARIO);
        Target t = services.definition(doc, SCENARIO.indexOf("nic0") + 1);
        assertNotNull(t);
        assertTrue(t.uri().endsWith("lab.dmas"), t.uri());
        assertEquals(PLATFORM.indexOf("nic0"), t.offset());
        assertEquals(2, t.line());
        assertEquals(SCENARIO.indexOf("nic0"), t.fromOffset());
        assertNull(services.definition(doc, 0));
    }

    @Test
    void theRunnableUnderTheCaretIsTheEnclosingScenario() throws Exception {
        EditorDocument doc = open(SCENARIO);
        assertEquals("one", services.runnableAt(doc, SCENARIO.indexOf("kmalloc")));
        assertEquals("two", services.runnableAt(doc, SCENARIO.indexOf("dsa0")));
        assertNull(services.runnableAt(doc, 0));
    }

    @Test
    void formattingFoldingOccurrencesAndOutline() throws Exception {
        String messy = "import \"lab.dmas\"\nscenario \"one\" on lab {\nprobe nic0\n      buffer buf = kmalloc(64)\n}\n";
        EditorDocument doc = open(messy);
        assertTrue(!services.format(doc, CancelIndicator.NullImpl).isEmpty());
        assertEquals(1, services.folding(doc, CancelIndicator.NullImpl).size());
        EditorDocument full = open(SCENARIO);
        assertEquals(List.of("one", "two"), services.symbols(full, CancelIndicator.NullImpl).stream().map(s -> s.getName()).toList());
        assertTrue(services.occurrences(full, SCENARIO.indexOf("buf =") + 1, CancelIndicator.NullImpl).size() >= 1);
    }
}

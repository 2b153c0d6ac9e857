package org.dmaworkbench.dsl.ide.server.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Runs from any LSP editor: code lenses to run a file or one scenario, {@code dmas.run} through
 * the batch service, the failing step as a diagnostic on its line next to the validation's, met
 * expectations as inlay hints, both gone once the file changes.
 */
class RunOverLspTest extends AbstractDmasLanguageServerTest {
    private static final String TEXT = """
            import "platforms/spr.dmas"
            scenario "passes" on spr {
                probe dsa0
                buffer buf = kmalloc(4096)
                dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)
                dma_mapping_error(dsa0, a)         expect false
                dma dsa0 read a len 64             expect ok
            }
            scenario "fails" on spr {
                probe dsa0
                buffer buf = kmalloc(4096)
                dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)
                dma dsa0 write a len 64            expect ok
            }
            benchmark "b" on spr {
                device dsa0 threads 1 iterations 100
                compare strict
            }
            """;

    private List<? extends CodeLens> lenses(String uri) throws Exception {
        return languageServer.codeLens(new CodeLensParams(doc(uri))).get(30, TimeUnit.SECONDS);
    }

    private JsonObject run(String uri, String name) throws Exception {
        List<Object> args = name == null ? List.of(new JsonPrimitive(uri)) : List.of(new JsonPrimitive(uri), new JsonPrimitive(name));
        return (JsonObject) languageServer.executeCommand(new ExecuteCommandParams(RunLenses.RUN, args)).get(60, TimeUnit.SECONDS);
    }

    private List<InlayHint> hints(String uri) throws Exception {
        return languageServer.inlayHint(new InlayHintParams(doc(uri), new Range(new Position(0, 0), new Position(100, 0))))
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void lensesRunTheFileOrOneScenario() throws Exception {
        workspace();
        Assertions.assertTrue(initializeResult.getCapabilities().getExecuteCommandProvider().getCommands().contains(RunLenses.RUN));
        Assertions.assertTrue(initializeResult.getCapabilities().getInlayHintProvider().getLeft());
        String uri = openFile("r.dmas", TEXT);
        List<? extends CodeLens> lenses = lenses(uri);
        Assertions.assertEquals(List.of("0 ▶ Run file", "1 ▶ Run", "8 ▶ Run", "14 ▶ Run"),
                lenses.stream().map(l -> l.getRange().getStart().getLine() + " " + l.getCommand().getTitle()).toList());
        Assertions.assertEquals(List.of(new JsonPrimitive(uri), new JsonPrimitive("fails")), lenses.get(2).getCommand().getArguments());

        JsonObject one = run(uri, "passes");
        Assertions.assertEquals(0, one.get("exitCode").getAsInt(), one::toString);
        Assertions.assertEquals(List.of("5 ✓ false", "6 ✓ ok"),
                hints(uri).stream().map(h -> h.getPosition().getLine() + " " + h.getLabel().getLeft()).toList());
        Assertions.assertEquals(TEXT.split("\n")[5].length(), hints(uri).get(0).getPosition().getCharacter(), "at the end of its line");

        JsonObject all = run(uri, null);
        Assertions.assertEquals(1, all.get("exitCode").getAsInt(), all::toString);
        Assertions.assertTrue(all.has("files") || all.has("summary"), "the results JSON: " + all.keySet());
        List<Diagnostic> failing = runDiagnostics(uri);
        Assertions.assertEquals(1, failing.size(), failing::toString);
        Assertions.assertEquals(12, failing.get(0).getRange().getStart().getLine(), failing::toString);
        Assertions.assertEquals(4, failing.get(0).getRange().getStart().getCharacter(), "from the step's first character");

        languageServer.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(16, 0), new Position(16, 0)), "\n"))));
        Assertions.assertEquals(List.of(), hints(uri), "a change clears the run's hints");
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); !runDiagnostics(uri).isEmpty() && System.nanoTime() < end; ) {
            Thread.sleep(50);
        }
        Assertions.assertEquals(List.of(), runDiagnostics(uri), "and the next publication carries no run diagnostics");
    }

    @Test
    void aFileWithErrorsHasNoLensesAndTheValidationKeepsItsDiagnostics() throws Exception {
        workspace();
        String uri = openFile("e.dmas", TEXT.replace("probe dsa0\n    buffer buf = kmalloc(4096)\n    dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)\n    dma dsa0 write",
                "probe nosuch\n    buffer buf = kmalloc(4096)\n    dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)\n    dma dsa0 write"));
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); diagnostics(uri).isEmpty() && System.nanoTime() < end; ) {
            Thread.sleep(50);
        }
        assertTrue(diagnostics(uri).stream().anyMatch(d -> d.getMessage().getLeft().contains("nosuch")), diagnostics(uri)::toString);
        Assertions.assertEquals(List.of(), lenses(uri));
        JsonObject answer = run(uri, null);
        Assertions.assertEquals(2, answer.get("exitCode").getAsInt(), answer::toString);
        assertTrue(diagnostics(uri).stream().anyMatch(d -> d.getMessage().getLeft().contains("nosuch")),
                "a run keeps the validation's diagnostics: " + diagnostics(uri));
    }

    private List<Diagnostic> runDiagnostics(String uri) {
        return diagnostics(uri).stream().filter(d -> RunState.SOURCE.equals(d.getSource())).toList();
    }
}

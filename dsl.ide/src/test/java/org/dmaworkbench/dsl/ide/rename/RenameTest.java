package org.dmaworkbench.dsl.ide.rename;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.testing.AbstractLanguageServerTest;
import org.junit.jupiter.api.Test;

// assertEquals is spelled out: AbstractLanguageServerTest has its own (JUnit 4) assertEquals(String, String)

/** textDocument/rename over the language server: every reference of a handle changes, or the rename is refused with the reason. */
class RenameTest extends AbstractLanguageServerTest {
    static final String TEXT = """
            platform lab { iommu vtd0 arch intel-vtd { pasid-bits 20 } default-domain lazy }
            device nic0 { bdf 0000:17:00.0  iommu vtd0  pasid-bits 20  dma-mask 64 }
            scenario "one" on lab {
                probe nic0
                buffer buf = kmalloc(4096)
                dma_addr a = dma_map_single(nic0, buf, 4096, DMA_TO_DEVICE)
                dma_mapping_error(nic0, a) expect false
                repeat 2 {
                    dma nic0 read a len 64 expect ok
                }
                dma_unmap_single(nic0, a, 4096, DMA_TO_DEVICE)
            }
            scenario "two" on lab {
                buffer a = kmalloc(64)
                cpu write a len 8
            }
            """;

    RenameTest() {
        super("dmas");
    }

    private String openFile() {
        String uri = writeFile("r.dmas", TEXT);
        initialize();
        open(uri, TEXT);
        return uri;
    }

    private static Position at(String text, String marker, int delta) {
        int offset = text.indexOf(marker) + delta;
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, offset - before.lastIndexOf('\n') - 1);
    }

    private static int offset(String text, Position p) {
        int o = 0;
        for (int i = 0; i < p.getLine(); i++) o = text.indexOf('\n', o) + 1;
        return o + p.getCharacter();
    }

    private static String apply(String text, List<TextEdit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : edits.stream().sorted(Comparator.comparingInt((TextEdit e) -> offset(text, e.getRange().getStart())).reversed()).toList()) {
            sb.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
        }
        return sb.toString();
    }

    @Test
    void renamingAHandleFromAReferenceChangesItsDeclarationAndEveryReferenceInItsScenario() throws Exception {
        String uri = openFile();
        WorkspaceEdit edit = languageServer.rename(new RenameParams(new TextDocumentIdentifier(uri), at(TEXT, "read a len", 5), "addr")).get();
        String renamed = apply(TEXT, edit.getChanges().get(uri));
        String expected = TEXT.replace("dma_addr a =", "dma_addr addr =").replace("(nic0, a)", "(nic0, addr)")
                .replace("read a len", "read addr len").replace("(nic0, a, 4096", "(nic0, addr, 4096");
        org.junit.jupiter.api.Assertions.assertEquals(expected, renamed);
        assertTrue(renamed.contains("buffer a = kmalloc(64)") && renamed.contains("cpu write a len 8"), "the other scenario's 'a' is another handle");
    }

    @Test
    void prepareRenameNamesTheHandle() throws Exception {
        String uri = openFile();
        var prepared = languageServer.prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri), at(TEXT, "dma_addr a", 9))).get();
        org.junit.jupiter.api.Assertions.assertEquals("a", prepared.getSecond().getPlaceholder());
    }

    @Test
    void aDeviceATakenNameOrAKeywordIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        String uri = openFile();
        ExecutionException device = assertThrows(ExecutionException.class, () -> languageServer.rename(
                new RenameParams(new TextDocumentIdentifier(uri), at(TEXT, "probe nic0", 7), "eth0")).get());
        assertTrue(device.getCause().getMessage().contains("imports"), device.getCause().getMessage());
        ExecutionException taken = assertThrows(ExecutionException.class, () -> languageServer.rename(
                new RenameParams(new TextDocumentIdentifier(uri), at(TEXT, "read a len", 5), "buf")).get());
        assertTrue(taken.getCause().getMessage().contains("already a handle"), taken.getCause().getMessage());
        ExecutionException keyword = assertThrows(ExecutionException.class, () -> languageServer.rename(
                new RenameParams(new TextDocumentIdentifier(uri), at(TEXT, "read a len", 5), "probe")).get());
        assertTrue(keyword.getCause().getMessage().contains("keyword"), keyword.getCause().getMessage());
    }
}

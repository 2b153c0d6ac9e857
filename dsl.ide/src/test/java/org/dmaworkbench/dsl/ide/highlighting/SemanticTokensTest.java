package org.dmaworkbench.dsl.ide.highlighting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The semantic tokens a client colours with: calls, handles, devices, platforms, expectations. */
class SemanticTokensTest extends AbstractDmasLanguageServerTest {
    private static final String TEXT = """
            import "platforms/spr.dmas"
            scenario "t" on spr {
                probe dsa0
                pasid kp = iommu_alloc_global_pasid(dsa0) expect 1
                buffer buf = kmalloc(4096)
                dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)
                dma dsa0 pasid kp write a len 64 expect fault write-not-permitted
                no_such_call(dsa0)
                check iotlb.invalidations >= 1
            }
            """;

    /** Decoded tokens: "line:column text type[.modifier...]". */
    private List<String> tokens() throws Exception {
        workspace();
        return decode(TEXT, openFile("t.dmas", TEXT));
    }

    private List<String> decode(String text, String uri) throws Exception {
        SemanticTokens tokens = languageServer.semanticTokensFull(new SemanticTokensParams(doc(uri))).get();
        SemanticTokensLegend legend = initializeResult.getCapabilities().getSemanticTokensProvider().getLegend();
        String[] lines = text.split("\n", -1);
        List<Integer> d = tokens.getData();
        List<String> out = new ArrayList<>();
        int line = 0, col = 0;
        for (int i = 0; i + 4 < d.size(); i += 5) {
            line += d.get(i);
            col = d.get(i) == 0 ? col + d.get(i + 1) : d.get(i + 1);
            StringBuilder type = new StringBuilder(legend.getTokenTypes().get(d.get(i + 3)));
            for (int bit = 0; bit < legend.getTokenModifiers().size(); bit++) {
                if ((d.get(i + 4) & (1 << bit)) != 0) type.append('.').append(legend.getTokenModifiers().get(bit));
            }
            out.add(line + ":" + col + " " + lines[line].substring(col, col + d.get(i + 2)) + " " + type);
        }
        return out;
    }

    @Test
    void callsHandlesDevicesAndExpectationsAreTokens() throws Exception {
        List<String> tokens = tokens();
        for (String expected : List.of(
                "1:16 spr namespace",
                "2:10 dsa0 struct",
                "3:4 pasid type",
                "3:10 kp variable.declaration",
                "3:15 iommu_alloc_global_pasid function.defaultLibrary",
                "3:40 dsa0 struct",
                "3:46 expect decorator",
                "5:17 dma_map_single function.defaultLibrary",
                "5:38 buf variable",
                "6:8 dsa0 struct",
                "6:19 kp variable",
                "6:28 a variable",
                "6:37 expect decorator",
                "6:44 fault decorator",
                "6:50 write-not-permitted enumMember",
                "7:4 no_such_call function",
                "8:10 iotlb.invalidations property")) {
            assertTrue(tokens.contains(expected), "missing " + expected + " in\n" + String.join("\n", tokens));
        }
    }

    /** A client that colours only with semantic tokens (no TextMate grammar) colours the whole file, one token per place. */
    @Test
    void keywordsCommentsStringsAndNumbersAreTokensToo() throws Exception {
        workspace();
        String text = """
                // a header comment
                import "platforms/spr.dmas"
                /* over
                   two lines */
                scenario "n" on spr {
                    probe dsa0
                    buffer buf = kmalloc(0x1000) // trailing
                    advance 10 ms
                }
                """;
        List<String> tokens = decode(text, openFile("n.dmas", text));
        for (String expected : List.of("0:0 // a header comment comment", "1:0 import keyword", "1:7 \"platforms/spr.dmas\" string",
                "2:0 /* over comment", "3:0    two lines */ comment", "4:0 scenario keyword", "4:9 \"n\" string", "4:13 on keyword",
                "5:4 probe keyword", "6:25 0x1000 number", "6:33 // trailing comment", "7:4 advance keyword", "7:12 10 number")) {
            assertTrue(tokens.contains(expected), "missing " + expected + " in\n" + String.join("\n", tokens));
        }
        List<String> places = tokens.stream().map(t -> t.substring(0, t.indexOf(' '))).toList();
        Assertions.assertEquals(places.size(), places.stream().distinct().count(), "no two tokens at one place: " + tokens);
        assertTrue(tokens.contains("6:4 buffer type"), "the semantic class wins over the keyword: " + tokens);
    }

    @Test
    void legendOffersTheStylesTheCalculatorUses() throws Exception {
        workspace();
        SemanticTokensLegend legend = initializeResult.getCapabilities().getSemanticTokensProvider().getLegend();
        for (String type : List.of(DmasHighlightingStyles.KEYWORD, DmasHighlightingStyles.COMMENT, DmasHighlightingStyles.STRING,
                DmasHighlightingStyles.NUMBER, DmasHighlightingStyles.KERNEL_FUNCTION, DmasHighlightingStyles.HANDLE, DmasHighlightingStyles.DEVICE,
                DmasHighlightingStyles.PLATFORM, DmasHighlightingStyles.HANDLE_TYPE, DmasHighlightingStyles.EXPECTATION,
                DmasHighlightingStyles.EXPECTED_VALUE, DmasHighlightingStyles.COUNTER)) {
            assertTrue(legend.getTokenTypes().contains(type), type);
        }
        Assertions.assertTrue(legend.getTokenModifiers().containsAll(List.of(DmasHighlightingStyles.DECLARATION, DmasHighlightingStyles.KNOWN_CALL)));
    }
}

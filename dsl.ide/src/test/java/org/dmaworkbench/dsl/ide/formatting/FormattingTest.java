package org.dmaworkbench.dsl.ide.formatting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The text a user gets from "Format Document": one statement per line, blocks indented by 4
 * spaces, single spaces between tokens except before {@code expect} and trailing comments, where
 * the user's spaces stay (a column stays aligned), comments kept.
 */
class FormattingTest extends AbstractDmasLanguageServerTest {
    private int files;

    private List<? extends TextEdit> edits(String text, int tabSize) throws Exception {
        if (files++ == 0) workspace();
        String uri = openFile("test" + files + ".dmas", text);
        return languageServer.formatting(new DocumentFormattingParams(doc(uri), new FormattingOptions(tabSize, true))).get();
    }

    private String format(String text) throws Exception {
        return apply(text, edits(text, 4));
    }

    @Test
    void messyScenarioGetsOneStatementPerLineIndentedByFourSpaces() throws Exception {
        String messy = "import   \"platforms/spr.dmas\"\n"
                + "scenario \"x\"   on spr{ probe dsa0 buffer buf=kmalloc( 4096 )\n"
                + "      dma_addr a = dma_map_single ( dsa0,buf , 4096,DMA_TO_DEVICE )expect   ok\n"
                + "\n\n\n  repeat 2 { dma dsa0 read a len 64 expect fault not-present   }\n"
                + "iommu_attach_device_pasid(default_domain(dsa0), dsa0, 0) expect - EINVAL\n"
                + " dma dsa0 write a + 64 len 4 KiB\n"
                + " check iotlb.invalidations>=1 }\n"
                + "benchmark \"b\" on spr { device dsa0 threads 16 compare strict,lazy }";
        Assertions.assertEquals("""
                import "platforms/spr.dmas"
                scenario "x" on spr {
                    probe dsa0
                    buffer buf = kmalloc(4096)
                    dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE) expect ok

                    repeat 2 {
                        dma dsa0 read a len 64 expect fault not-present
                    }
                    iommu_attach_device_pasid(default_domain(dsa0), dsa0, 0) expect -EINVAL
                    dma dsa0 write a + 64 len 4 KiB
                    check iotlb.invalidations >= 1
                }
                benchmark "b" on spr {
                    device dsa0 threads 16
                    compare strict, lazy
                }
                """, format(messy));
    }

    @Test
    void commentsArePreservedAndIndentedWithTheCode() throws Exception {
        String text = """
                // file header
                import "platforms/spr.dmas"

                /* a block
                 * comment */
                scenario "c" on spr {
                // own line, written at column 0
                      probe dsa0      // trailing, kept on its line
                    buffer buf = kmalloc(64)   //trailing without space stays as written
                }
                """;
        Assertions.assertEquals("""
                // file header
                import "platforms/spr.dmas"

                /* a block
                 * comment */
                scenario "c" on spr {
                    // own line, written at column 0
                    probe dsa0      // trailing, kept on its line
                    buffer buf = kmalloc(64)   //trailing without space stays as written
                }
                """, format(text));
    }

    @Test
    void commentBeforeAClosingBraceStaysInsideTheBlock() throws Exception {
        String text = "import \"platforms/spr.dmas\"\nscenario \"d\" on spr {\n  probe dsa0\n  repeat 2 {\n  probe dsa0\n// in repeat\n  }\n// last\n}\n";
        Assertions.assertEquals("""
                import "platforms/spr.dmas"
                scenario "d" on spr {
                    probe dsa0
                    repeat 2 {
                        probe dsa0
                        // in repeat
                    }
                    // last
                }
                """, format(text));
    }

    @Test
    void platformIndentsWithFourSpacesWhateverTheClientTabSize() throws Exception {
        String text = "platform p {\n  iommu i0 arch intel-vtd {   pasid-bits 20   address-width 48 }\n"
                + "  default-domain strict   cmdline \"iommu.strict=1\"\n}\n"
                + "device d {\n  bdf 0000:01:00.0\n      iommu i0   pasid-bits 8\n}\n"
                + "device e   { bdf 0000:02:00.0 iommu i0 }\n";
        Assertions.assertEquals("""
                platform p {
                    iommu i0 arch intel-vtd { pasid-bits 20 address-width 48 }
                    default-domain strict
                    cmdline "iommu.strict=1"
                }
                device d {
                    bdf 0000:01:00.0
                    iommu i0
                    pasid-bits 8
                }
                device e { bdf 0000:02:00.0 iommu i0 }
                """, apply(text, edits(text, 2)));
    }

    @Test
    void formattedContractFilesAreStable() throws Exception {
        String once = format(fixture("contract.dmas"));
        Assertions.assertTrue(once.matches("(?s).*\n    dma_mapping_error\\(dsa0, a\\) +expect false\n.*"), once);
        Assertions.assertTrue(once.matches("(?s).*\n    probe tbt_nic +// untrusted: strict DMA domain despite lazy default\n.*"), once);
        Assertions.assertEquals(List.of(), edits(once, 4), "formatting a formatted file changes nothing");
        String platform = format(fixture("platforms/spr.dmas"));
        Assertions.assertEquals(List.of(), edits(platform, 4));
    }

    @Test
    void rangeFormattingTouchesOnlyTheSelectedLines() throws Exception {
        String text = "import \"platforms/spr.dmas\"\nscenario \"r\" on spr {\n    probe   dsa0\n    buffer buf=kmalloc( 64 )\n    probe   dsa0\n}\n";
        if (files++ == 0) workspace();
        String uri = openFile("range.dmas", text);
        Range line3 = new Range(new Position(3, 0), new Position(3, 28));
        List<? extends TextEdit> edits = languageServer.rangeFormatting(
                new DocumentRangeFormattingParams(doc(uri), new FormattingOptions(4, true), line3)).get();
        Assertions.assertEquals("import \"platforms/spr.dmas\"\nscenario \"r\" on spr {\n    probe   dsa0\n    buffer buf = kmalloc(64)\n    probe   dsa0\n}\n",
                apply(text, edits));
    }

    /** The bundled examples align their expectations in a column: formatting them changes nothing at all. */
    @Test
    void everyBundledExampleIsAFixedPoint() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".dmas")).sorted().toList();
        }
        Assertions.assertTrue(examples.size() >= 10, examples::toString);
        Set<String> changed = new LinkedHashSet<>();
        for (Path example : examples) {
            String text = Files.readString(example);
            List<? extends TextEdit> edits = edits(text, 4);
            for (TextEdit e : edits) {
                int line = e.getRange().getStart().getLine();
                changed.add(example.getFileName() + ":" + (line + 1) + ": " + text.split("\n", -1)[line]
                        + "\n  becomes: " + apply(text, edits).split("\n", -1)[line]);
            }
        }
        Assertions.assertEquals("", String.join("\n", changed), "examples that formatting changes");
    }

    @Test
    void aColumnOfExpectationsStaysAsWritten() throws Exception {
        String aligned = """
                import "platforms/spr.dmas"
                scenario "a" on spr {
                    probe dsa0
                    buffer buf = kmalloc(4096)
                    dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)
                    dma_mapping_error(dsa0, a)                      expect false
                    dma dsa0 read a len 64                          expect ok
                    dma_unmap_single(dsa0, a, 4096, DMA_TO_DEVICE)
                }
                """;
        Assertions.assertEquals(List.of(), edits(aligned, 4));
        String messy = """
                import "platforms/spr.dmas"
                scenario "m" on spr {
                  dma   dsa0 read a len 64      expect ok
                    dma_mapping_error(dsa0,a)expect false
                    dma dsa0 write a len 64
                        expect fault
                }
                """;
        Assertions.assertEquals("""
                import "platforms/spr.dmas"
                scenario "m" on spr {
                    dma dsa0 read a len 64      expect ok
                    dma_mapping_error(dsa0, a) expect false
                    dma dsa0 write a len 64 expect fault
                }
                """, format(messy), "the spaces before expect are the user's; none or a line break become one space");
    }

    @Test
    void fileWithSyntaxErrorsIsLeftAlone() throws Exception {
        String broken = "scenario \"x\" on spr {   probe   dsa0\n   dma_map_single(dsa0,\n";
        Assertions.assertEquals(broken, format(broken));
    }
}

package org.dmaworkbench.dsl.ide.folding;

import java.util.List;
import java.util.stream.Collectors;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The folds a user can collapse: platform, scenario, benchmark and repeat blocks, multi-line devices and comments. */
class FoldingTest extends AbstractDmasLanguageServerTest {

    private String folds(String path, String text) throws Exception {
        workspace();
        String uri = openFile(path, text);
        List<FoldingRange> ranges = languageServer.foldingRange(new FoldingRangeRequestParams(doc(uri))).get();
        return ranges.stream().map(r -> r.getStartLine() + "-" + r.getEndLine() + (r.getKind() == null ? "" : " " + r.getKind()))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void platformFileFoldsThePlatformButNotOneLineDevices() throws Exception {
        Assertions.assertEquals("1-5", folds("platforms/spr-copy.dmas", fixture("platforms/spr.dmas")));
    }

    @Test
    void scenariosAndTheBenchmarkFold() throws Exception {
        Assertions.assertEquals("2-18\n20-30\n32-35", folds("contract.dmas", fixture("contract.dmas")));
    }

    @Test
    void repeatBodiesMultiLineDevicesAndCommentsFold() throws Exception {
        String text = """
                import "platforms/spr.dmas"
                /*
                 * a long comment
                 */
                device nic {
                    bdf 0000:01:00.0
                    iommu vtd0
                }
                scenario "loop" on spr {
                    probe nic
                    repeat 3 {
                        buffer b = kmalloc(64)
                        kfree(b)
                    }
                }
                """;
        Assertions.assertEquals("1-3 comment\n4-7\n8-14\n10-13", folds("loop.dmas", text));
    }

    /** Half-typed files (an unclosed block, a statement cut short) fold each region once. */
    @Test
    void aBrokenFileFoldsEachRegionOnce() throws Exception {
        workspace();
        String[] broken = {
            "import \"platforms/spr.dmas\"\nscenario \"s\" on spr {\n    repeat 2 {\n        probe dsa0\n        dma_map_single(dsa0,\n    }\n",
            "import \"platforms/spr.dmas\"\nscenario \"s\" on spr {\n    probe dsa0\n    buffer b = kmalloc(\n    repeat 3 {\n        probe dsa0\n\n",
            "platform p {\n    iommu i arch intel-vtd {\n        pasid-bits 20\n\nscenario \"s\" on p {\n    probe\n}\n",
        };
        List<String> cuts = new java.util.ArrayList<>(List.of(broken));
        for (java.nio.file.Path example : List.of(java.nio.file.Path.of("../examples/03-kva-fast-mode.dmas"),
                java.nio.file.Path.of("../examples/09-sva-mixed.dmas"))) {
            String text = java.nio.file.Files.readString(example);
            for (int at = 40; at < text.length(); at += 37) {
                cuts.add(text.substring(0, at));
                cuts.add(text.substring(0, at) + text.substring(Math.min(text.length(), at + 9)));
            }
        }
        broken = cuts.toArray(String[]::new);
        for (int i = 0; i < broken.length; i++) {
            String uri = openFile("broken" + i + ".dmas", broken[i]);
            List<FoldingRange> ranges = languageServer.foldingRange(new FoldingRangeRequestParams(doc(uri))).get();
            List<String> lines = ranges.stream().map(r -> r.getStartLine() + "-" + r.getEndLine()).toList();
            Assertions.assertEquals(lines.stream().distinct().toList(), lines, "file " + i + ":\n" + broken[i]);
            Assertions.assertTrue(ranges.stream().allMatch(r -> r.getEndLine() > r.getStartLine()), lines::toString);
        }
    }
}

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
}

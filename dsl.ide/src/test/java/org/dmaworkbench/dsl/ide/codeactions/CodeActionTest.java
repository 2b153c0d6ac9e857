package org.dmaworkbench.dsl.ide.codeactions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Quick fixes as a client sees them: the server publishes a diagnostic with an issue code and
 * data, the client sends it back (data as JSON) in a code action request, and applies the edit.
 */
class CodeActionTest extends AbstractDmasLanguageServerTest {
    private static final String HEADER = "import \"platforms/spr.dmas\"\n";

    private String uri;
    private String text;

    private Diagnostic published(String fileText, String code) {
        text = fileText;
        workspace();
        uri = openFile("fix.dmas", text);
        List<Diagnostic> all = diagnostics(uri);
        return all.stream().filter(d -> code.equals(IssueData.code(d))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among " + all));
    }

    /** The diagnostic as it comes back from a client: serialized to JSON and read again. */
    private static Diagnostic overTheWire(Diagnostic d) {
        var gson = new MessageJsonHandler(Map.of()).getGson();
        return gson.fromJson(gson.toJson(d), Diagnostic.class);
    }

    private List<CodeAction> actions(Diagnostic d, List<String> only) throws Exception {
        CodeActionContext context = new CodeActionContext(List.of(overTheWire(d)));
        context.setOnly(only);
        List<Either<Command, CodeAction>> result = languageServer.codeAction(new CodeActionParams(doc(uri), d.getRange(), context)).get();
        return result.stream().map(Either::getRight).toList();
    }

    private List<CodeAction> actions(Diagnostic d) throws Exception {
        return actions(d, null);
    }

    private String applied(CodeAction action) {
        Assertions.assertEquals(CodeActionKind.QuickFix, action.getKind());
        return apply(text, action.getEdit().getChanges().get(uri));
    }

    @Test
    void unknownCallIsReplacedByTheSuggestedCall() throws Exception {
        Diagnostic d = published(HEADER + "scenario \"s\" on spr {\n    buffer buf = kmalloc(64)\n"
                + "    dma_addr a = dma_map_singel(dsa0, buf, 64, DMA_TO_DEVICE)\n    dma_mapping_error(dsa0, a) expect false\n}\n",
                IssueCodes.UNKNOWN_CALL);
        List<CodeAction> actions = actions(d);
        Assertions.assertEquals("Change to dma_map_single", actions.get(0).getTitle(), "the closest name first");
        assertTrue(applied(actions.get(0)).contains("    dma_addr a = dma_map_single(dsa0, buf, 64, DMA_TO_DEVICE)\n"));
        Assertions.assertEquals(List.of(d.getMessage()), actions.get(0).getDiagnostics().stream().map(Diagnostic::getMessage).toList());
    }

    @Test
    void uncheckedMappingGetsADmaMappingErrorLine() throws Exception {
        Diagnostic d = published(HEADER + "scenario \"s\" on spr {\n    probe dsa0\n    buffer buf = kmalloc(64)\n"
                + "    dma_addr h = dma_map_single(dsa0, buf, 64, DMA_TO_DEVICE)   // mapped\n"
                + "    dma dsa0 read h len 64 expect ok\n}\n", IssueCodes.MISSING_MAPPING_ERROR_CHECK);
        List<CodeAction> actions = actions(d);
        Assertions.assertEquals(1, actions.size(), actions.toString());
        Assertions.assertEquals("Check with dma_mapping_error(dsa0, h)", actions.get(0).getTitle());
        Assertions.assertEquals(HEADER + "scenario \"s\" on spr {\n    probe dsa0\n    buffer buf = kmalloc(64)\n"
                + "    dma_addr h = dma_map_single(dsa0, buf, 64, DMA_TO_DEVICE)   // mapped\n"
                + "    dma_mapping_error(dsa0, h) expect false\n"
                + "    dma dsa0 read h len 64 expect ok\n}\n", applied(actions.get(0)));
    }

    @Test
    void unknownCounterOffersEachSuggestion() throws Exception {
        Diagnostic d = published(HEADER + "scenario \"s\" on spr {\n    check iotlb.invalidation >= 1\n}\n", IssueCodes.UNKNOWN_COUNTER);
        List<CodeAction> actions = actions(d);
        Assertions.assertEquals("Change to iotlb.invalidations", actions.get(0).getTitle());
        assertTrue(applied(actions.get(0)).contains("    check iotlb.invalidations >= 1\n"));
    }

    @Test
    void kvaForAnUntrustedDeviceCanUseIovaOrExpectTheRefusal() throws Exception {
        Diagnostic d = published(HEADER + "scenario \"s\" on spr {\n    probe tbt_nic\n    pasid p = iommu_dma_pasid_enable(tbt_nic, KVA)\n}\n",
                IssueCodes.KVA_UNTRUSTED);
        List<CodeAction> actions = actions(d);
        Assertions.assertEquals(List.of("Use IOVA mode for tbt_nic", "Expect IOMMU_PASID_INVALID"),
                actions.stream().map(CodeAction::getTitle).toList());
        assertTrue(applied(actions.get(0)).contains("iommu_dma_pasid_enable(tbt_nic, IOVA)\n"));
        assertTrue(applied(actions.get(1)).contains("iommu_dma_pasid_enable(tbt_nic, KVA) expect IOMMU_PASID_INVALID\n"));
    }

    @Test
    void wrongSymbolOffersTheAcceptedOnes() throws Exception {
        Diagnostic d = published(HEADER + "scenario \"s\" on spr {\n    buffer buf = kmalloc(64)\n"
                + "    dma_addr a = dma_map_single(dsa0, buf, 64, KVA)\n    dma_mapping_error(dsa0, a) expect false\n}\n",
                IssueCodes.ARG_TYPE_MISMATCH);
        List<CodeAction> actions = actions(d);
        Assertions.assertEquals(List.of("Use DMA_BIDIRECTIONAL", "Use DMA_TO_DEVICE", "Use DMA_FROM_DEVICE"),
                actions.stream().map(CodeAction::getTitle).toList());
        assertTrue(applied(actions.get(2)).contains("dma_map_single(dsa0, buf, 64, DMA_FROM_DEVICE)\n"));
    }

    @Test
    void onlyQuickFixesAreOffered() throws Exception {
        Diagnostic d = published(HEADER + "scenario \"s\" on spr {\n    check iotlb.invalidation >= 1\n}\n", IssueCodes.UNKNOWN_COUNTER);
        Assertions.assertEquals(List.of(), actions(d, List.of(CodeActionKind.Refactor)));
        assertTrue(!actions(d, List.of(CodeActionKind.QuickFix)).isEmpty());
    }

    @Test
    void diagnosticsWithoutAFixGetNoAction() throws Exception {
        Diagnostic d = published(HEADER + "scenario \"s\" on spr {\n    check iotlb.invalidation >= 1\n}\n", IssueCodes.UNKNOWN_COUNTER);
        d.setCode("org.dmaworkbench.dsl.no-such-code");
        Assertions.assertEquals(List.of(), actions(d));
    }

    @Test
    void everyFixIsForAnExistingIssueCode() throws Exception {
        List<String> codes = new java.util.ArrayList<>();
        for (var f : IssueCodes.class.getFields()) codes.add((String) f.get(null));
        for (String code : new DmasQuickFixes().codes()) assertTrue(codes.contains(code), code);
    }

    // ---------------------------------------------------------------- natural mistakes (first guesses)

    /** Applies the one quick fix of the diagnostic with {@code code} and returns the text afterwards. */
    private String fixed(String body, String code, String title) throws Exception {
        Diagnostic d = published(HEADER + "scenario \"s\" on spr {\n    probe dsa0\n" + body + "}\n", code);
        List<CodeAction> actions = actions(d);
        Assertions.assertEquals(title, actions.get(0).getTitle(), () -> actions.toString());
        return applied(actions.get(0));
    }

    @Test
    void aRemovedKernelCallIsReplacedByTheCurrentOne() throws Exception {
        assertTrue(fixed("    domain d = iommu_domain_alloc(dsa0)\n", IssueCodes.RENAMED_CALL, "Change to iommu_paging_domain_alloc")
                .contains("    domain d = iommu_paging_domain_alloc(dsa0)\n"));
    }

    @Test
    void anErrnoWithoutItsMinusGetsIt() throws Exception {
        assertTrue(fixed("    iommu_attach_device_pasid(default_domain(dsa0), dsa0, 0) expect EINVAL\n", IssueCodes.ERRNO_SIGN, "Change to -EINVAL")
                .contains("dsa0, 0) expect -EINVAL\n"));
    }

    @Test
    void aLowerCaseSymbolIsWrittenInUpperCase() throws Exception {
        assertTrue(fixed("    buffer b = kmalloc(64)\n    dma_addr a = dma_map_single(dsa0, b, 64, dma_to_device)\n    dma_mapping_error(dsa0, a) expect false\n",
                IssueCodes.UNRESOLVED_NAME, "Change to DMA_TO_DEVICE").contains("dma_map_single(dsa0, b, 64, DMA_TO_DEVICE)\n"));
    }

    @Test
    void aSemicolonIsRemoved() throws Exception {
        assertTrue(fixed("    buffer b = kmalloc(64);\n", IssueCodes.STRAY_SEMICOLON, "Remove ';'").contains("    buffer b = kmalloc(64)\n"));
    }

    @Test
    void aKernelSizeShorthandBecomesKiB() throws Exception {
        assertTrue(fixed("    buffer b = kmalloc(4K)\n", IssueCodes.SIZE_UNIT, "Write KiB").contains("    buffer b = kmalloc(4 KiB)\n"));
    }
}

package org.dmaworkbench.dsl.ide.signature;

import java.util.concurrent.TimeUnit;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** What an editor shows while the user types a kernel call's arguments (textDocument/signatureHelp). */
class SignatureHelpTest extends AbstractDmasLanguageServerTest {
    private static final String HEAD = "import \"platforms/spr.dmas\"\nscenario \"s\" on spr {\n    probe dsa0\n    buffer buf = kmalloc(4096)\n";
    private int files;

    private SignatureHelp help(String body) throws Exception {
        String text = HEAD + body + "\n}\n";
        if (files++ == 0) workspace();
        String uri = openFile("sig" + files + ".dmas", text);
        return languageServer.signatureHelp(new SignatureHelpParams(doc(uri), cursor(text))).get(30, TimeUnit.SECONDS);
    }

    private static String activeLabel(SignatureHelp h) {
        SignatureInformation s = h.getSignatures().get(h.getActiveSignature());
        var range = s.getParameters().get(h.getActiveParameter()).getLabel().getRight();
        return s.getLabel().substring(range.getFirst(), range.getSecond());
    }

    @Test
    void theParameterUnderTheCaretIsActiveWhileTheLineIsHalfTyped() throws Exception {
        SignatureHelp h = help("    dma_addr a = dma_map_single(dsa0, <|>");
        Assertions.assertEquals(1, h.getSignatures().size());
        SignatureInformation s = h.getSignatures().get(0);
        Assertions.assertTrue(s.getLabel().startsWith("dma_map_single(dev: device, "), s::getLabel);
        Assertions.assertTrue(s.getLabel().endsWith("→ dma_addr"), s::getLabel);
        Assertions.assertEquals(4, s.getParameters().size(), s::toString);
        Assertions.assertEquals(1, h.getActiveParameter());
        Assertions.assertTrue(activeLabel(h).startsWith("buffer"), activeLabel(h));
        Assertions.assertTrue(s.getDocumentation().getRight().getValue().contains("dma_map_single"), s::toString);
    }

    @Test
    void aNestedCallDoesNotCountItsCommas() throws Exception {
        SignatureHelp h = help("    pasid kp = iommu_alloc_global_pasid(dsa0)\n    iommu_attach_device_pasid(default_domain(dsa0), dsa0, <|>kp)");
        Assertions.assertTrue(h.getSignatures().get(0).getLabel().startsWith("iommu_attach_device_pasid("), h::toString);
        Assertions.assertTrue(activeLabel(h).startsWith("pasid"), activeLabel(h));
        SignatureHelp inner = help("    iommu_attach_device_pasid(default_domain(<|>dsa0), dsa0, 1)");
        Assertions.assertTrue(inner.getSignatures().get(0).getLabel().startsWith("default_domain("), inner::toString);
        Assertions.assertEquals(0, inner.getActiveParameter());
    }

    @Test
    void outsideACallOrOnAnUnknownOneThereIsNone() throws Exception {
        Assertions.assertTrue(help("    probe <|>dsa0").getSignatures().isEmpty());
        Assertions.assertTrue(help("    dma_addr a = dma_map_single(dsa0, buf, 64, DMA_TO_DEVICE)\n    <|>").getSignatures().isEmpty());
        Assertions.assertTrue(help("    frobnicate(dsa0, <|>").getSignatures().isEmpty());
    }
}

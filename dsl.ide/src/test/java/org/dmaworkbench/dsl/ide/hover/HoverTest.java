package org.dmaworkbench.dsl.ide.hover;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.dmaworkbench.dsl.ide.docs.KeywordDocs;
import org.dmaworkbench.dsl.services.DmasGrammarAccess;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** What a user reads when hovering over keywords, calls, devices and handles of the contract file. */
class HoverTest extends AbstractDmasLanguageServerTest {
    private String text;
    private String uri;

    private String hover(String token, int occurrence, int delta) throws Exception {
        if (uri == null) {
            text = fixture("contract.dmas");
            workspace();
            uri = openFile("contract.dmas", text);
        }
        Position p = positionOf(text, token, occurrence, delta);
        Hover h = languageServer.hover(new HoverParams(doc(uri), p)).get();
        assertNotNull(h.getContents(), token);
        String value = h.getContents().getRight().getValue();
        Assertions.assertEquals("markdown", h.getContents().getRight().getKind());
        return value;
    }

    private static void contains(String hover, String... parts) {
        for (String part : parts) assertTrue(hover.contains(part), "hover lacks '" + part + "':\n" + hover);
    }

    @Test
    void kernelCallShowsTheFunctionItModelsAndItsOutcomes() throws Exception {
        String h = hover("dma_map_single", 0, 3);
        contains(h, "**Models** `dma_map_single(dev, ptr, size, dir)`", "DMA_MAPPING_ERROR", "dma_addr");

        contains(hover("iommu_alloc_global_pasid", 0, 0), "`iommu_alloc_global_pasid(dev)`", "IOMMU_PASID_INVALID");
        contains(hover("default_domain", 0, 2), "iommu_get_dma_domain(dev)");
    }

    @Test
    void statementKeywordsShowWhatTheyModel() throws Exception {
        contains(hover("probe", 0, 1), "really_probe()", "iommu_device_use_default_domain()", "**Outcomes:**");
        contains(hover("unbind", 0, 1), "device_release_driver()", "pending DMA allocations");
        contains(hover("advance", 0, 1), "fq_flush_timeout()");
        contains(hover("check", 0, 1), "iotlb.invalidations");
        contains(hover("dma dsa0 read", 0, 1), "DMA request issued by the device", "fault CLASS");
    }

    @Test
    void expectShowsTheOutcomesOfItsCall() throws Exception {
        String h = hover("expect -EINVAL", 0, 2);
        contains(h, "`expect OUTCOME`", "`iommu_attach_device_pasid` can return:", "-EBUSY");
    }

    @Test
    void expectationLiteralsAreExplained() throws Exception {
        contains(hover("write-not-permitted", 0, 3), "Fault class `write-not-permitted`", "without write permission");
        contains(hover("stale-iotlb", 0, 2), "Finding `stale-iotlb`");
        contains(hover("DMA_TO_DEVICE", 0, 5), "read-only for the device");
    }

    @Test
    void deviceReferenceShowsBdfIommuAndTrust() throws Exception {
        String nic = hover("probe tbt_nic", 0, 8);
        contains(nic, "**device `tbt_nic`**", "BDF `0000:3c:00.0`", "`vtd0` (intel-vtd)", "**untrusted**");
        String dsa = hover("dma dsa0", 0, 5);
        contains(dsa, "BDF `0000:6a:01.0`", "trusted (internal)", "PASID (20 bits)", "ATS");
    }

    @Test
    void handleShowsTypeAndProducingCall() throws Exception {
        String h = hover("pasid kp read", 0, 7);
        contains(h, "**pasid `kp`** (`ioasid_t`)", "Produced by `iommu_alloc_global_pasid(dsa0)`",
                "models `iommu_alloc_global_pasid(dev)`");
        String decl = hover("dma_addr a =", 0, 9);
        contains(decl, "**dma_addr `a`** (`dma_addr_t`)", "dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)");
    }

    @Test
    void platformReferenceShowsDefaultDomain() throws Exception {
        contains(hover("on spr", 0, 4), "**platform `spr`**", "Default domain: lazy", "`iommu.strict=0`");
    }

    /** Every keyword of the grammar has hover documentation; so does every fault class and finding kind. */
    @Test
    void everyKeywordIsDocumented() {
        DmasGrammarAccess grammar = IResourceServiceProvider.Registry.INSTANCE.getResourceServiceProvider(
                org.eclipse.emf.common.util.URI.createURI("x.dmas")).get(DmasGrammarAccess.class);
        List<String> missing = new ArrayList<>();
        for (Keyword k : GrammarUtil.containedKeywords(grammar.getGrammar())) {
            String v = k.getValue();
            boolean inParserRule = !(GrammarUtil.containingRule(k) instanceof TerminalRule);
            if (inParserRule && v.chars().anyMatch(Character::isLetter) && KeywordDocs.describe(v, null) == null) missing.add(v);
        }
        for (FaultClass f : FaultClass.values()) if (!KeywordDocs.FAULT_CLASSES.containsKey(f.dslName())) missing.add(f.dslName());
        for (FindingKind f : FindingKind.values()) if (!KeywordDocs.FINDING_KINDS.containsKey(f.dslName())) missing.add(f.dslName());
        Assertions.assertEquals(List.of(), missing, "undocumented keywords");
    }
}

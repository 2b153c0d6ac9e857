package org.dmaworkbench.dsl.ide.contentassist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** What a user is offered when asking for completion at a position. */
class ContentAssistTest extends AbstractDmasLanguageServerTest {

    private static final String HEADER = "import \"platforms/spr.dmas\"\n\n";

    private List<CompletionItem> complete(String text) throws Exception {
        workspace();
        String uri = openFile("test.dmas", text);
        var result = languageServer.completion(new CompletionParams(doc(uri), cursor(text))).get();
        return result.isLeft() ? result.getLeft() : result.getRight().getItems();
    }

    private static Optional<CompletionItem> item(List<CompletionItem> items, String label) {
        return items.stream().filter(i -> label.equals(i.getLabel())).findFirst();
    }

    private static String text(CompletionItem item) {
        return item.getTextEdit().getLeft().getNewText();
    }

    private static String documentation(CompletionItem item) {
        return item.getDocumentation().isRight() ? item.getDocumentation().getRight().getValue() : item.getDocumentation().getLeft();
    }

    @Test
    void statementStartOffersKeywordsKernelCallsAndTheIdxdTemplate() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    probe dsa0\n    buffer buf = kmalloc(4096)\n    " + CURSOR + "\n}\n");

        assertTrue(item(items, "probe").isPresent(), "keyword probe");
        assertTrue(item(items, "advance").isPresent(), "keyword advance");

        CompletionItem map = item(items, "dma_map_single").orElseThrow();
        Assertions.assertEquals(CompletionItemKind.Function, map.getKind());
        Assertions.assertEquals("dma_map_single(dev: device, buffer: buffer, size: int, dir: DMA_BIDIRECTIONAL|DMA_TO_DEVICE|DMA_FROM_DEVICE) → dma_addr",
                map.getDetail());
        assertTrue(documentation(map).contains("**Models** `dma_map_single(dev, ptr, size, dir)`"), documentation(map));
        assertTrue(documentation(map).contains("DMA_MAPPING_ERROR"), documentation(map));

        CompletionItem idxd = item(items, "idxd-pasid").orElseThrow();
        Assertions.assertEquals(CompletionItemKind.Snippet, idxd.getKind());
        Assertions.assertEquals(InsertTextFormat.Snippet, idxd.getInsertTextFormat());
        assertTrue(text(idxd).startsWith("pasid ${2:kp} = iommu_alloc_global_pasid(${1:dsa0})\n"
                + "    iommu_attach_device_pasid(default_domain($1), $1, $2) expect 0\n"), text(idxd));
        assertTrue(text(idxd).contains("\n    dma $1 pasid $2 read $5 len $4 expect ok\n"), text(idxd));
        assertTrue(text(idxd).contains("\n    dma_unmap_single($1, $5, $4, DMA_TO_DEVICE)"), text(idxd));
    }

    @Test
    void topLevelOffersScenarioAndBenchmarkTemplates() throws Exception {
        List<CompletionItem> items = complete(HEADER + CURSOR + "\n");

        assertTrue(item(items, "device").isPresent());
        CompletionItem scenario = items.stream()
                .filter(i -> i.getKind() == CompletionItemKind.Snippet && "scenario".equals(i.getLabel())).findFirst().orElseThrow();
        Assertions.assertEquals("scenario \"${1:what this scenario shows}\" on ${2:spr} {\n    probe ${3:dsa0}\n    $0\n\\}", text(scenario));
        CompletionItem benchmark = items.stream()
                .filter(i -> i.getKind() == CompletionItemKind.Snippet && "benchmark".equals(i.getLabel())).findFirst().orElseThrow();
        assertTrue(text(benchmark).startsWith("benchmark \"${1:map/unmap latency by policy}\" on ${2:spr} {\n    device ${3:dsa0} threads"),
                text(benchmark));
        assertTrue(text(benchmark).contains("direction ${7|bidirectional,to-device,from-device|}"), text(benchmark));
    }

    @Test
    void argumentsOfferHandlesDeclaredBeforeAndDevicesWithDetails() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    buffer buf = kmalloc(4096)\n"
                + "    dma_addr a = dma_map_single(dsa0, " + CURSOR + ")\n    buffer later = kmalloc(64)\n}\n");

        CompletionItem buf = item(items, "buf").orElseThrow();
        Assertions.assertEquals("buffer = kmalloc(4096)", buf.getDetail());
        Assertions.assertEquals(CompletionItemKind.Variable, buf.getKind());
        CompletionItem dsa0 = item(items, "dsa0").orElseThrow();
        Assertions.assertEquals("device 0000:6a:01.0 behind vtd0", dsa0.getDetail());
        Assertions.assertEquals("device tbt_nic: untrusted", item(items, "tbt_nic").map(i -> "device tbt_nic: "
                + (i.getDetail().contains("untrusted") ? "untrusted" : "trusted")).orElseThrow());
        assertFalse(item(items, "later").isPresent(), "a handle declared after the cursor is not in scope");
        assertFalse(item(items, "dma_unmap_single").isPresent(), "void calls cannot be arguments");
        assertTrue(item(items, "default_domain").isPresent(), "calls returning a value can be nested");
    }

    @Test
    void directionArgumentOffersTheDmaDirections() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    buffer buf = kmalloc(4096)\n"
                + "    dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_" + CURSOR + ")\n}\n");

        CompletionItem toDevice = item(items, "DMA_TO_DEVICE").orElseThrow();
        Assertions.assertEquals("DMA direction", toDevice.getDetail());
        assertTrue(documentation(toDevice).contains("read-only for the device"), documentation(toDevice));
        assertTrue(item(items, "DMA_FROM_DEVICE").isPresent());
        assertFalse(item(items, "probe").isPresent(), "prefix DMA_ filters keywords");
    }

    @Test
    void symbolArgumentsOfferWhatTheSignatureAccepts() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n"
                + "    pasid p = iommu_dma_pasid_enable(tbt_nic, " + CURSOR + ")\n}\n");

        Assertions.assertEquals("symbol", item(items, "KVA").orElseThrow().getDetail());
        assertTrue(item(items, "IOVA").isPresent());
        assertTrue(item(items, "BYPASS").isPresent());
        assertFalse(item(items, "DMA_TO_DEVICE").isPresent(), "the mode parameter takes BYPASS, IOVA or KVA only");
        assertTrue(item(items, "tbt_nic").isPresent(), "references stay available");
    }

    @Test
    void checkOffersCounterNames() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    check " + CURSOR + "\n}\n");

        CompletionItem inv = item(items, "iotlb.invalidations").orElseThrow();
        Assertions.assertEquals(CompletionItemKind.Property, inv.getKind());
        assertTrue(documentation(inv).startsWith("Counter `iotlb.invalidations`"), documentation(inv));
        assertTrue(item(items, "swiotlb.bounces").isPresent());
        assertTrue(item(items, "dma_debug.errors").isPresent());
    }

    @Test
    void counterPrefixFilters() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    check iotlb.inv" + CURSOR + "\n}\n");

        assertTrue(item(items, "iotlb.invalidations").isPresent(), items.toString());
        assertFalse(item(items, "dma.maps").isPresent());
    }

    @Test
    void faultExpectationOffersFaultClasses() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    buffer buf = kmalloc(64)\n"
                + "    dma dsa0 write buf len 64 expect fault " + CURSOR + "\n}\n");

        CompletionItem wnp = item(items, "write-not-permitted").orElseThrow();
        Assertions.assertEquals("fault class", wnp.getDetail());
        Assertions.assertEquals(CompletionItemKind.Value, wnp.getKind());
        assertTrue(item(items, "pasid-not-attached").isPresent());
        assertFalse(item(items, "stale-iotlb").isPresent(), "findings are not fault classes");
    }

    @Test
    void findingExpectationOffersFindingKinds() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    buffer buf = kmalloc(64)\n"
                + "    dma dsa0 read buf len 64 expect finding " + CURSOR + "\n}\n");

        CompletionItem stale = item(items, "stale-iotlb").orElseThrow();
        Assertions.assertEquals("finding kind", stale.getDetail());
        assertTrue(item(items, "sub-page-exposure").isPresent());
    }

    @Test
    void handleDeclarationListsCallsOfItsTypeFirst() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    probe dsa0\n    pasid kp = " + CURSOR + "\n}\n");

        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        int alloc = labels.indexOf("iommu_alloc_global_pasid");
        int kmalloc = labels.indexOf("kmalloc");
        assertTrue(alloc >= 0 && kmalloc >= 0, labels.toString());
        assertTrue(alloc < kmalloc, "PASID-returning calls sort first: " + labels);
        assertNotNull(items.get(alloc).getSortText());
    }

    /** After {@code dma DEV pasid}, the PASID handles come first: a device or a buffer cannot be a PASID. */
    @Test
    void afterPasidThePasidHandlesComeFirst() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    probe dsa0\n    buffer buf = kmalloc(4096)\n"
                + "    dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)\n    pasid kp = iommu_alloc_global_pasid(dsa0)\n"
                + "    dma dsa0 pasid " + CURSOR + "\n}\n");
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        Assertions.assertEquals("kp", labels.get(0), labels::toString);
        assertTrue(labels.indexOf("iommu_alloc_global_pasid") < labels.indexOf("kmalloc"), "PASID-returning calls before others: " + labels);
        assertTrue(labels.indexOf("dsa0") > labels.indexOf("buf"), "the device last among the names: " + labels);
    }

    /** A call's argument lists the handles of its parameter's type first. */
    @Test
    void anArgumentListsHandlesOfItsParameterTypeFirst() throws Exception {
        List<CompletionItem> items = complete(HEADER + "scenario \"s\" on spr {\n    probe dsa0\n    pasid kp = iommu_alloc_global_pasid(dsa0)\n"
                + "    buffer buf = kmalloc(4096)\n    dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)\n"
                + "    dma_unmap_single(dsa0, " + CURSOR + "\n}\n");
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        Assertions.assertEquals("a", labels.get(0), labels::toString);
    }

    @Test
    void aDeviceParameterListsTheDeviceFirst() throws Exception {
        List<String> first = complete(HEADER + "scenario \"s\" on spr {\n    probe dsa0\n    buffer buf = kmalloc(4096)\n"
                + "    dma_unmap_single(" + CURSOR + "\n}\n").stream().map(CompletionItem::getLabel).toList();
        Assertions.assertEquals("dsa0", first.get(0), first::toString);
    }
}

package org.dmaworkbench.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-line scenario gets exactly its diagnostics, from the resource validator and from the
 * language's own checks run directly. How fast is measured where timings are stable, not here: JMH
 * {@code LanguagePipelineBenchmark} (parse + link + validate + lower + run, figures in the README).
 */
class LargeScenarioValidationTest {

    @Test
    void tenThousandLineScenarioGetsExactlyItsDiagnostics() throws IOException {
        StringBuilder b = new StringBuilder("""
                platform spr { iommu vtd0 arch intel-vtd { pasid-bits 20 } default-domain strict }
                device dsa0 { bdf 0000:6a:01.0  iommu vtd0  pasid-bits 20  dma-mask 64 }
                scenario "large" on spr {
                    probe dsa0
                """);
        int n = 2500;
        for (int i = 0; i < n; i++) {
            b.append("    buffer b").append(i).append(" = kmalloc(4096)\n");
            b.append("    dma_addr a").append(i).append(" = dma_map_single(dsa0, b").append(i).append(", 4096, DMA_TO_DEVICE)\n");
            b.append(i % 2 == 0 ? "    dma_mapping_error(dsa0, a" + i + ")    expect false\n" : "    advance 1 us\n");
            b.append("    dma dsa0 read a").append(i).append(" len 64    expect ok\n");
        }
        b.append("}\n");
        XtextResourceSet rs = ValidationFixture.INJECTOR.getInstance(XtextResourceSet.class);
        Resource r = rs.createResource(URI.createFileURI(ValidationFixture.ROOT.resolve("large.dmas").toString()));
        r.load(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
        EcoreUtil.resolveAll(rs);
        IResourceValidator validator = ValidationFixture.INJECTOR.getInstance(IResourceValidator.class);
        List<Issue> issues = validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
        assertEquals(n / 2, issues.stream().filter(i -> IssueCodes.MISSING_MAPPING_ERROR_CHECK.equals(i.getCode())).count());
        assertEquals(n / 2, issues.size(), "only the unchecked mappings are reported");

        // The language's own checks, called directly, twice: the
        // second pass over the same model must report the same, so no check keeps state between passes.
        DmasValidator checks = ValidationFixture.INJECTOR.getInstance(DmasValidator.class);
        for (int round = 0; round < 2; round++) {
            BasicDiagnostic chain = new BasicDiagnostic();
            Map<Object, Object> context = new HashMap<>(Map.of(CheckMode.KEY, CheckMode.ALL));
            for (Iterator<EObject> it = r.getAllContents(); it.hasNext(); ) {
                EObject o = it.next();
                checks.validate(o.eClass(), o, chain, context);
            }
            assertEquals(n / 2, chain.getChildren().size());
        }
    }
}

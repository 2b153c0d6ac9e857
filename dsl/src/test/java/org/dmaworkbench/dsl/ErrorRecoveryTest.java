package org.dmaworkbench.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;

/** A half-typed statement is an error where it is typed; what follows it still parses (outline, completion, checks). */
class ErrorRecoveryTest {
    private static final String SCENARIO = """
            platform p { iommu vtd0 arch intel-vtd }
            device nic0 { iommu vtd0 }
            scenario "s" on p {
                buffer buf = kmalloc(4096)
            HALF
                buffer later = kmalloc(64)
                dma_addr a = dma_map_single(nic0, later, 64, DMA_TO_DEVICE)
                dma_mapping_error(nic0, a) expect false
            }
            """;

    private static XtextResource parse(String text) throws Exception {
        Injector inj = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
        XtextResourceSet rs = inj.getInstance(XtextResourceSet.class);
        XtextResource r = (XtextResource) rs.createResource(URI.createURI("dummy:/half.dmas"));
        r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        return r;
    }

    private static Set<Integer> errorLines(XtextResource r) {
        Set<Integer> lines = new TreeSet<>();
        for (Resource.Diagnostic d : r.getErrors()) lines.add(d.getLine());
        return lines;
    }

    private static List<String> handles(XtextResource r) {
        Scenario s = (Scenario) ((Model) r.getContents().get(0)).getElements().get(2);
        return s.getStatements().stream().filter(HandleDecl.class::isInstance).map(h -> ((HandleDecl) h).getName()).toList();
    }

    @Test
    void anUnclosedStringIsAnErrorOnItsLineOnly() throws Exception {
        XtextResource r = parse(SCENARIO.replace("HALF", "    dma_unmap_single(nic0, a, 64, DMA_TO_DEVICE) expect dma-debug \"device driver"));
        assertFalse(r.getErrors().isEmpty());
        assertEquals(Set.of(5), errorLines(r), () -> r.getErrors().toString());
        assertTrue(r.getErrors().get(0).getMessage().contains("not closed"), r.getErrors().get(0).getMessage());
        assertEquals(List.of("buf", "later", "a"), handles(r), "the handles after the broken line are still declared");
    }

    @Test
    void aCompleteFileHasNoErrors() throws Exception {
        XtextResource r = parse(SCENARIO.replace("HALF", "    dma_unmap_single(nic0, buf, 64, DMA_TO_DEVICE) expect dma-debug \"device driver\""));
        assertEquals("[]", r.getErrors().toString());
        INode root = r.getParseResult().getRootNode();
        assertTrue(root.getText().contains("device driver\""));
    }
}

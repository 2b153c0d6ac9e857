package org.dmaworkbench.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import java.nio.file.Path;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;

class ParseSmokeTest {
    @Test
    void contractParsesLinksLowersAndRunsGreen() {
        Injector inj = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
        XtextResourceSet rs = inj.getInstance(XtextResourceSet.class);
        Path dir = Path.of("src/test/resources/contract").toAbsolutePath();
        Resource r = rs.getResource(URI.createFileURI(dir.resolve("contract.dmas").toString()), true);
        EcoreUtil.resolveAll(rs);
        assertEquals("[]", r.getErrors().toString());
        CompiledFile f = new DmasLowering().lower((Model) r.getContents().get(0), "contract.dmas");
        assertEquals(2, f.scenarios().size());
        assertEquals(1, f.benchmarks().size());
        for (ScenarioProgram p : f.scenarios()) {
            ScenarioResult res = new ScenarioRunner().run(p);
            assertTrue(res.passed(), () -> p.name() + ": " + res.failures() + " " + res.error());
        }
    }
}

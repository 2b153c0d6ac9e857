package org.dmaworkbench.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.dmaworkbench.runtime.run.StepResult;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;

/** Every bundled example parses, links, lowers and meets every expectation it states. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Test
    void everyExampleScenarioMeetsItsExpectations() throws IOException {
        Injector inj = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
        XtextResourceSet rs = inj.getInstance(XtextResourceSet.class);
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".dmas")).sorted().toList();
        }
        assertTrue(files.size() >= 11, "examples: " + files);
        List<String> problems = new ArrayList<>();
        int scenarios = 0;
        for (Path f : files) {
            Resource r = rs.getResource(URI.createFileURI(f.toString()), true);
            EcoreUtil.resolveAll(r);
            if (!r.getErrors().isEmpty()) {
                problems.add(f.getFileName() + ": " + r.getErrors());
                continue;
            }
            String text = Files.readString(f);
            assertTrue(text.startsWith("//"), f + " must open with a comment naming the part of the thread it answers");
            CompiledFile cf = new DmasLowering().lower((Model) r.getContents().get(0), f.getFileName().toString());
            for (ScenarioProgram p : cf.scenarios()) {
                scenarios++;
                ScenarioResult res = new ScenarioRunner().run(p);
                if (res.error() != null) problems.add(f.getFileName() + " '" + p.name() + "': " + res.error());
                for (StepResult st : res.failures()) {
                    problems.add(f.getFileName() + ":" + st.line() + " '" + st.text() + "': " + st.failure());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertFalse(scenarios < 20, "scenarios run: " + scenarios);
    }
}

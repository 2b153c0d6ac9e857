package org.dmaworkbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.junit.jupiter.api.Test;

/**
 * The bundled compiled examples (../examples/compiled/*.json) all run green. With
 * {@code -Ddmas.writeExamples=true} the contract scenarios are (re)written there first.
 */
class ExamplesTest {
    private static final Path DIR = Path.of("..", "examples", "compiled");

    @Test
    void bundledCompiledExamplesPass() throws IOException {
        if (Boolean.getBoolean("dmas.writeExamples")) {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("seed-thread.json"), ProgramJson.write(new CompiledFile("seed-thread.dmas",
                    List.of(SeedScenarios.globalPasid(), SeedScenarios.untrusted()), List.of())));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no compiled examples in " + DIR.toAbsolutePath());
        ScenarioRunner runner = new ScenarioRunner();
        for (Path f : files) {
            CompiledFile cf = ProgramJson.readCompiledFile(Files.readString(f));
            for (ScenarioProgram p : cf.scenarios()) {
                ScenarioResult r = runner.run(p);
                assertTrue(r.passed(), () -> f + ": " + p.name() + " failed: " + r.failures() + " " + r.error());
            }
        }
    }
}

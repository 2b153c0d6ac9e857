package org.dmaworkbench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * Runs compiled programs (JSON written by the language's compiler) with the runtime alone:
 * {@code java -jar dmas-runtime.jar FILE.json...}. Exit 0 when every expectation is met, 1 when
 * some is not, 2 for unreadable input.
 */
public final class RuntimeMain {
    private RuntimeMain() { }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java -jar dmas-runtime.jar COMPILED.json...");
            System.exit(2);
        }
        int exit = 0;
        ScenarioRunner runner = new ScenarioRunner();
        for (String a : args) {
            CompiledFile f;
            try {
                f = ProgramJson.readCompiledFile(Files.readString(Path.of(a)));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println(a + ": " + e.getMessage());
                System.exit(2);
                return;
            }
            for (ScenarioProgram p : f.scenarios()) {
                ScenarioResult r = runner.run(p);
                System.out.println((r.passed() ? "PASS " : "FAIL ") + p.file() + ":" + p.line() + " " + p.name());
                for (StepResult s : r.failures()) System.out.println("  " + p.file() + ":" + s.line() + ": " + s.failure());
                if (r.error() != null) System.out.println("  " + p.file() + ":" + r.error());
                if (!r.passed()) exit = 1;
            }
        }
        System.exit(exit);
    }
}

package org.dmaworkbench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * Runs compiled programs (JSON written by the language's compiler) with the runtime alone:
 * {@code java -jar dmas-runtime-standalone.jar FILE.json...}. Exit 0 when every expectation is met, 1 when
 * some is not, 2 for unreadable input.
 */
public final class RuntimeMain {
    private RuntimeMain() { }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && rest.get(0).equals("run")) rest.remove(0);
        if (rest.isEmpty()) {
            System.err.println("usage: dmas run FILE.json|DIR...   (compiled scenario programs)");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String a : rest) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
                } catch (IOException e) {
                    System.err.println(a + ": " + e.getMessage());
                    System.exit(2);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                System.err.println(a + ": no such file or directory");
                System.exit(2);
            }
        }
        System.exit(run(files));
    }

    /** Runs every scenario of the files, printing each step's verdict with file:line; returns the exit code. */
    static int run(List<Path> files) {
        int exit = 0, scenarios = 0, failed = 0;
        ScenarioRunner runner = new ScenarioRunner();
        for (Path path : files) {
            CompiledFile f;
            try {
                f = ProgramJson.readCompiledFile(Files.readString(path));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println(path + ": " + e.getMessage());
                return 2;
            }
            for (ScenarioProgram p : f.scenarios()) {
                ScenarioResult r = runner.run(p);
                scenarios++;
                System.out.println((r.passed() ? "PASS " : "FAIL ") + p.file() + ":" + p.line() + " " + p.name());
                for (StepResult s : r.steps()) {
                    String verdict = s.met() == null ? "     " : s.met() ? "  ok " : "  NOT";
                    System.out.println(verdict + " " + p.file() + ":" + s.line() + "  " + s.text() + "  -> " + s.explanation()
                            + (s.failure() != null ? "\n        " + s.failure() : ""));
                    s.findings().forEach(x -> System.out.println("        finding " + x));
                    s.dmaDebug().forEach(x -> System.out.println("        " + x.replace("\n", " ")));
                }
                if (r.error() != null) System.out.println("  " + p.file() + ":" + r.error());
                if (!r.passed()) {
                    exit = 1;
                    failed++;
                }
            }
        }
        System.out.println(scenarios + " scenario(s), " + failed + " failed");
        return exit;
    }
}

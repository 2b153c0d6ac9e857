package org.dmaworkbench.runtime.exec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * Runs compiled programs (JSON written by the language's compiler) with the runtime alone:
 * {@code java -jar dmas-runtime-standalone.jar run FILE.json|DIR...}. The same {@link ProgramExecutor}
 * and {@link ExitCode} rule as {@code ./dmas run}: 0 every expectation met, 1 some not (or a
 * benchmark did not run), 2 unreadable input or nothing to run.
 */
public final class RuntimeMain {
    private RuntimeMain() { }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** The command: arguments as typed, output to {@code out} and {@code err}; returns the exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        if (!rest.isEmpty() && rest.get(0).equals("run")) rest.remove(0);
        if (rest.isEmpty()) {
            err.println("usage: dmas run FILE.json|DIR...   (compiled scenario programs)");
            return ExitCode.INVALID;
        }
        List<Path> files = new ArrayList<>();
        for (String a : rest) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().forEach(files::add);
                } catch (IOException | RuntimeException e) {
                    err.println(ErrorText.oneLine(a) + ": " + ErrorText.of(e));
                    return ExitCode.INVALID;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println(ErrorText.oneLine(a) + ": no such file or directory");
                return ExitCode.INVALID;
            }
        }
        List<CompiledFile> compiled = new ArrayList<>();
        for (Path path : files) {
            try {
                compiled.add(ProgramJson.readCompiledFile(Files.readString(path), path.toString())); // steps name the file run
            } catch (IOException | RuntimeException e) {
                err.println(ErrorText.oneLine(path.toString()) + ": " + ErrorText.of(e));
                return ExitCode.INVALID;
            }
        }
        ProgramExecutor executor = new ProgramExecutor(ProgramExecutor.nameFilter(null), ProgramExecutor.Retention.BOUNDED);
        List<FileRun> runs = new ArrayList<>();
        Printer printer = new Printer(out);
        for (int i = 0; i < compiled.size(); i++) {
            FileRun fr;
            try {
                fr = executor.run(compiled.get(i), printer);
            } catch (RuntimeException e) {
                err.println(ErrorText.oneLine(files.get(i).toString()) + ": malformed compiled program: " + ErrorText.of(e));
                return ExitCode.INVALID;
            }
            runs.add(fr);
        }
        int exit = ExitCode.of(runs);
        long scenarios = runs.stream().mapToLong(f -> f.scenarios().size()).sum();
        long failed = runs.stream().flatMap(f -> f.scenarios().stream()).filter(s -> !s.passed()).count();
        long benchmarks = runs.stream().mapToLong(f -> f.benchmarks().size()).sum();
        long notRun = runs.stream().flatMap(f -> f.benchmarks().stream()).filter(b -> !b.passed()).count();
        out.println(scenarios + " scenario(s), " + failed + " failed; " + benchmarks + " benchmark(s), " + notRun + " did not run");
        if (scenarios + benchmarks == 0) err.println("dmas: nothing to run: no scenario or benchmark in the given files");
        return exit;
    }

    /** Prints each step as it runs, each scenario's verdict line after its steps, each benchmark when it has run. */
    private record Printer(PrintStream out) implements ProgramExecutor.Listener {
        @Override public void scenarioStarted(ScenarioProgram p) {
            out.println("RUN  " + ErrorText.oneLine(p.file()) + ":" + p.line() + " " + ErrorText.oneLine(p.name()));
        }

        @Override public void step(ScenarioProgram p, StepResult st) {
            String file = ErrorText.oneLine(p.file());
            String verdict = st.met() == null ? "     " : st.met() ? "  ok " : "  NOT";
            out.println(verdict + " " + file + ":" + st.line() + "  " + ErrorText.oneLine(st.text()) + "  -> "
                    + ErrorText.oneLine(st.explanation()) + (st.failure() != null ? "\n        " + ErrorText.oneLine(st.failure()) : ""));
            st.findings().forEach(x -> out.println("        finding " + ErrorText.oneLine(String.valueOf(x))));
            st.dmaDebug().forEach(x -> out.println("        " + ErrorText.oneLine(x)));
            out.flush();
        }

        @Override public void scenarioDone(ScenarioRun s) {
            ScenarioResult r = s.result();
            String file = ErrorText.oneLine(s.file());
            if (r.error() != null) out.println("  " + file + ":" + s.errorLine() + ": " + ErrorText.oneLine(s.errorMessage()));
            out.println((r.passed() ? "PASS " : "FAIL ") + file + ":" + r.line() + " " + ErrorText.oneLine(r.name()));
            out.flush();
        }

        @Override public void benchmarkDone(BenchmarkRun b) {
            String where = ErrorText.oneLine(b.spec().file()) + ":" + b.spec().line() + " " + ErrorText.oneLine(b.spec().name());
            if (!b.passed()) out.println("FAIL " + where + ": the benchmark did not run: " + ErrorText.oneLine(b.error()));
            else out.println("BENCH " + where + "\n" + b.table().format());
            out.flush();
        }
    }
}

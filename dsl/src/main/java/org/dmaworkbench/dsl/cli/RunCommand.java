package org.dmaworkbench.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dmaworkbench.dsl.batch.Executor;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.batch.Reports.Format;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.TextReport;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.runtime.program.CompiledFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmas run}: validate, lower and run every scenario and benchmark; print the steps; write reports. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validates the files (all of them, imports included), then runs every scenario and benchmark "
                + "and prints each step's verdict with file:line.",
                "Directories are searched recursively for *.dmas; a directory holding only compiled programs (*.json) runs those."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expectation met", "1:some expectation not met (or a scenario stopped, or a benchmark did not run)",
                "2:invalid input: diagnostics printed as file:line:col, nothing was run"})
final class RunCommand implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = ".dmas files, directories, or compiled .json programs")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT",
            description = "text (console, the default), json (dmas-report.json), junit (TEST-<file>.xml, Surefire format), "
                    + "html (dmas-report.html); repeatable or comma-separated. The console always shows the summary.")
    List<Format> formats = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "dmas-reports",
            description = "where the json/junit/html reports go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME-FILTER",
            description = "run only the scenarios and benchmarks whose name contains this text (case-insensitive), matches it as a glob with * and ?, or, written =NAME, is exactly NAME")
    String filter;

    @Option(names = {"-q", "--quiet"}, description = "print the steps of failing scenarios only")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        return DmasCli.guarded(err, () -> {
            try {
                return run(stdout, err);
            } finally {
                stdout.flush();
                err.flush();
            }
        });
    }

    private int run(PrintWriter stdout, PrintWriter err) {
        Set<Format> fmt = formats.isEmpty() ? EnumSet.of(Format.text) : EnumSet.copyOf(formats);
        boolean text = fmt.contains(Format.text);
        Instant started = Instant.now();
        long t0 = System.nanoTime();

        Workspace.Loaded loaded = Workspace.load(paths, true);
        TextReport.diagnostics(loaded.diagnostics(), err);
        err.flush();
        List<RunResults.FileRun> files = new ArrayList<>();
        int exit;
        if (loaded.hasErrors()) {
            err.println("dmas: " + Text.plural(loaded.errors(), "error") + " in the input; nothing was run");
            exit = RunResults.INVALID;
        } else {
            Executor executor = new Executor(filter);
            for (CompiledFile f : loaded.compiled()) {
                RunResults.FileRun fr = executor.run(f);
                files.add(fr);
                if (text) TextReport.file(fr, stdout, quiet);
            }
            exit = RunResults.exitCode(files);
            if (exit == RunResults.INVALID) {
                err.println(filter != null ? "dmas: no scenario or benchmark matches '" + Text.oneLine(filter) + "'"
                        : loaded.files() == 0 ? "dmas: no .dmas file found" : "dmas: nothing to run: no scenario or benchmark in the given files");
            }
        }
        RunResults results = new RunResults(List.copyOf(paths), started, System.nanoTime() - t0, loaded.diagnostics(), files, exit);
        if (!files.isEmpty() && exit != RunResults.INVALID) {
            if (text) TextReport.footer(results, stdout);
            else stdout.println(TextReport.summary(results));
        }
        try {
            writeReports(results, fmt, stdout);
        } catch (IOException | RuntimeException e) {
            err.println("dmas: cannot write the reports to " + out + ": " + Workspace.message(e));
            return RunResults.INVALID;
        }
        return exit;
    }

    private void writeReports(RunResults r, Set<Format> fmt, PrintWriter stdout) throws IOException {
        for (Path p : Reports.write(r, fmt, out)) stdout.println("report: " + Text.display(p));
    }
}

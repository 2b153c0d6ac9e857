package org.dmaworkbench.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.Reports.Format;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.TextReport;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.dsl.batch.Tee;
import org.dmaworkbench.dsl.batch.TextStream;
import org.dmaworkbench.runtime.run.StateRequest;
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

    @Option(names = "--state", arity = "0..1", fallbackValue = "failing", paramLabel = "WHICH",
            description = "print the IOMMU state (page tables, IOTLB with stale entries, PASID tables, flush queues, IOVA ranges, "
                    + "swiotlb, dma-debug) after each failing step (an expectation not met, a finding, a dma-debug report): "
                    + "--state or --state=failing; after every step: --state=all. The json and html reports carry the same states.")
    String state;

    @Option(names = {"-q", "--quiet"}, description = "print only the steps whose expectation is not met (as they run) and each scenario's verdict line")
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
        StateRequest states = state == null ? StateRequest.NONE : StateRequest.parse(state);
        if (states == null) {
            err.println("dmas: --state takes failing or all, not '" + Text.oneLine(state) + "'");
            return RunResults.INVALID;
        }
        Set<Format> fmt = formats.isEmpty() ? EnumSet.of(Format.text) : EnumSet.copyOf(formats);
        boolean text = fmt.contains(Format.text);
        BatchService batch = Batch.service();
        BatchService.Listener diagnostics = new BatchService.Listener() {
            @Override public void loaded(Workspace.Loaded loaded) {
                TextReport.diagnostics(loaded.diagnostics(), err);
                err.flush();
            }
        };
        // each step's line as soon as it has run (TextStream flushes), each scenario's verdict after its steps
        BatchService.Listener console = text ? Tee.of(diagnostics, new TextStream(stdout, quiet)) : diagnostics;
        // the report files are written as the results arrive (a failure there makes the exit code 2)
        BatchService.Outcome o = batch.run(BatchService.Request.commandLine(paths, filter).withStates(states), console, fmt, Reports.Target.of(out));
        o.messages().forEach(err::println);
        BatchService.Written w = o.reports();
        RunResults results = o.results();
        if (results.scenarios() + results.benchmarks() > 0) {
            if (text) TextReport.footer(results, stdout);
            else stdout.println(TextReport.summary(results));
        }
        for (Path p : w.files()) stdout.println("report: " + Text.display(p));
        if (!w.ok()) err.println(w.problem());
        if (stdout.checkError()) {
            err.println("dmas: cannot write to the standard output (closed, or the device is full): the run's output is lost");
            return RunResults.INVALID;
        }
        return results.exitCode();
    }
}

package org.dmaworkbench.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.TextReport;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.capture.TraceService;
import org.dmaworkbench.dsl.batch.capture.TraceText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmas trace}: replay kernel captures through the dma-debug model; print violations, faults, statistics. */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays ftrace captures of the dma: and iommu: events (tracefs trace or trace_pipe text, "
                + "trace-cmd report output, .gz read directly) through the simulator's dma-debug model and prints each "
                + "violation with the kernel's message and file:line of the event and of the earlier one it conflicts with; "
                + "io_page_fault events are attributed to the mapping that covered the IOVA. Verdicts that depend on "
                + "events the capture may lack (lost events, a capture started mid-run) are listed apart as uncertain.",
                "Record one with: trace-cmd record -e dma -e iommu ... ; trace-cmd report > capture.txt"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing found (uncertain verdicts allowed)", "1:violations or faults (io_page_fault events, IOMMU fault lines of a kernel log)",
                "2:a capture could not be read or holds nothing readable"})
final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "captures and kernel logs (plain or gzip-compressed; captures are replayed first); a directory: its files")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.json", description = "also write a JSON report there")
    Path out;

    @Option(names = "--junit", paramLabel = "FILE.xml",
            description = "also write a JUnit XML report there (Surefire's format: a test case per device, failing on its violations and faults)")
    Path junit;

    @Option(names = "--to-scenario", paramLabel = "OUT.dmas",
            description = "write the capture (one FILE) as an equivalent scenario instead: devices by BDF, buffers by physical "
                    + "address, each step commented with its trace line, the capture's verdicts as expectations")
    Path toScenario;

    @Option(names = "--platform", paramLabel = "FILE.dmas",
            description = "with --to-scenario: the platform (and devices, by BDF) to import; default: a generated one to edit")
    Path platform;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        return DmasCli.guarded(err, () -> {
            try {
                if (toScenario != null || platform != null) return export(stdout, err);
                TraceText text = new TraceText(stdout, err);
                TraceService.Outcome o = Batch.service().trace(new TraceService.Request(paths, out, junit), text);
                o.messages().forEach(err::println);
                if (o.results().stream().anyMatch(r -> !r.unreadable())) stdout.println(TraceText.footer(o.results()));
                for (Path p : o.reports()) stdout.println("report: " + Text.display(p));
                if (stdout.checkError()) {
                    err.println("dmas: cannot write to the standard output (closed, or the device is full): the output is lost");
                    return DmasCli.EXIT_INVALID;
                }
                return o.exitCode();
            } finally {
                stdout.flush();
                err.flush();
            }
        });
    }

    private int export(PrintWriter stdout, PrintWriter err) {
        if (toScenario == null) {
            err.println("dmas: --platform goes with --to-scenario OUT.dmas");
            return DmasCli.EXIT_INVALID;
        }
        if (paths.size() != 1) {
            err.println("dmas: --to-scenario writes one capture: give exactly one FILE (got " + paths.size() + ")");
            return DmasCli.EXIT_INVALID;
        }
        TraceService.Exported x = Batch.service().traceToScenario(paths.get(0), toScenario, platform);
        if (x.problem() != null) {
            err.println(x.problem());
            return x.exitCode();
        }
        BatchService.Checked c = Batch.service().check(BatchService.Request.commandLine(List.of(x.file().toString()), null));
        TextReport.diagnostics(c.loaded().diagnostics(), err);
        int omitted = x.written().omitted().size();
        stdout.println("wrote " + Text.display(x.file()) + ": " + Text.plural(x.written().steps(), "step") + " for "
                + Text.plural(x.written().result().counts().events(), "event")
                + (omitted > 0 ? " (" + omitted + " not written: see the comments at their lines)" : "")
                + "; run it with ./dmas run " + Text.display(x.file()));
        return c.exitCode();
    }
}

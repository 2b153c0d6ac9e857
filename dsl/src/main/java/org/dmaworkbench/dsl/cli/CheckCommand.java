package org.dmaworkbench.dsl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.TextReport;
import org.dmaworkbench.dsl.batch.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmas check}: parse, link and validate; print the diagnostics; run nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates .dmas files (imports included) and prints diagnostics as file:line:col: error|warning: message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no error (warnings allowed)", "2:some error, or no .dmas file found"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = ".dmas files or directories (searched recursively)")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        return DmasCli.guarded(err, () -> {
            try {
                BatchService.Checked c = Batch.service().check(BatchService.Request.commandLine(paths, null));
                Workspace.Loaded l = c.loaded();
                TextReport.diagnostics(l.diagnostics(), err);
                err.flush();
                c.messages().forEach(err::println);
                if (l.files() > 0) {
                    out.println("checked " + Text.plural(l.files(), "file") + ": " + Text.plural(l.errors(), "error") + ", "
                            + Text.plural(l.warnings(), "warning"));
                }
                if (out.checkError()) {
                    err.println("dmas: cannot write to the standard output (closed, or the device is full)");
                    return DmasCli.EXIT_INVALID;
                }
                return c.exitCode();
            } finally {
                out.flush();
                err.flush();
            }
        });
    }
}

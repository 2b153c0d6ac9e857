package org.dmaworkbench.dsl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dmaworkbench.dsl.batch.Version;
import org.dmaworkbench.dsl.batch.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dmas}: the command line of the DMA Scenario Workbench ({@code run}, {@code check}, {@code trace},
 * {@code lsp}). Exit codes: 0 every expectation met (or the input is valid), 1 some expectation not
 * met, 2 invalid input or usage. Never prints a stack trace: anything unexpected is reported as
 * {@code dmas: internal error: <message>} with exit code 2.
 */
@Command(name = "dmas", mixinStandardHelpOptions = true, versionProvider = DmasCli.VersionProvider.class,
        description = "Runs IOMMU / DMA-API scenarios written in the .dmas language on the simulator.",
        subcommands = {RunCommand.class, CheckCommand.class, TraceCommand.class, LspCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expectation met (run) / no error (check)", "1:some expectation not met",
                "2:invalid input or usage (diagnostics printed as file:line:col), or an internal error"},
        footer = {"", "Examples:", "  dmas run examples/", "  dmas run --format json,junit,html --out build/dmas tests/",
                "  dmas check platforms/spr.dmas", "  dmas trace capture.txt.gz", "  dmas lsp"})
public final class DmasCli implements Callable<Integer> {
    /** Exit code: every expectation met. */
    public static final int EXIT_OK = 0;
    /** Exit code: some expectation not met. */
    public static final int EXIT_NOT_MET = 1;
    /** Exit code: invalid input, usage error, internal error. */
    public static final int EXIT_INVALID = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("dmas: missing command (run, check, trace or lsp)");
        spec.commandLine().usage(err);
        return EXIT_INVALID;
    }

    /** The configured command line: picocli's default streams. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DmasCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("dmas: internal error: " + Workspace.message(ex));
            cmd.getErr().flush();
            return EXIT_INVALID;
        });
        return cl;
    }

    /** The configured command line writing to the given streams (tests, embedding). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl;
    }

    /** Runs the command on a thread with a large stack (deeply nested input parses), then exits with its code. */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            try {
                System.err.println("dmas: internal error: " + Workspace.message(e));
                System.err.flush();
            } finally {
                if (MAIN_THREAD.equals(t.getName())) Runtime.getRuntime().halt(EXIT_INVALID);
            }
        });
        int[] code = {EXIT_INVALID};
        Thread worker = new Thread(null, () -> code[0] = commandLine().execute(args), MAIN_THREAD, 512L << 20);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        System.exit(code[0]);
    }

    private static final String MAIN_THREAD = "dmas-main";

    /**
     * Runs a command body; anything it throws (errors included: stack overflow, out of memory)
     * becomes {@code dmas: internal error: <message>} and exit code 2.
     */
    static int guarded(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (Throwable e) { // the top of the command: no stack trace ever reaches the user
            err.println("dmas: internal error: " + Workspace.message(e));
            err.flush();
            return EXIT_INVALID;
        }
    }

    /** The tool's version: the jar manifest's Implementation-Version, else Maven's pom.properties, else "dev". */
    static String version() {
        return Version.get();
    }

    /** picocli's --version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"dmas " + version() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}

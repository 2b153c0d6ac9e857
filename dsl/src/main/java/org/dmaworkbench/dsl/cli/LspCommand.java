package org.dmaworkbench.dsl.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dmaworkbench.dsl.batch.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmas lsp}: the language server on stdin/stdout: {@code DmasLanguageServer.main} of the
 * dsl.ide module when it has one, else Xtext's {@code ServerLauncher.main}. The
 * language's IDE services live in the {@code dsl.ide} module, built after this one, so both are
 * looked up by reflection; without them the command says so and exits 2.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Starts the language server (Language Server Protocol over stdin/stdout) for editors.",
                "Needs the dsl.ide module on the class path (the ./dmas launcher adds it when built)."})
final class LspCommand implements Callable<Integer> {
    static final String IDE_SETUP = "org.dmaworkbench.dsl.ide.DmasIdeSetup";
    static final String SERVER_LAUNCHER = "org.eclipse.xtext.ide.server.ServerLauncher";
    /** The dsl.ide module's own entry point (Xtext's ServerLauncher with the language's server module); preferred when present. */
    static final String IDE_SERVER = "org.dmaworkbench.dsl.ide.server.DmasLanguageServer";

    private static Method mainOf(String className, ClassLoader cl) {
        try {
            return Class.forName(className, true, cl).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "passed to Xtext's ServerLauncher: -log, -trace, -noValidate")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return DmasCli.guarded(err, () -> {
            ClassLoader cl = LspCommand.class.getClassLoader();
            Method main;
            try {
                Class.forName(IDE_SETUP, false, cl);
                main = mainOf(IDE_SERVER, cl);
                if (main == null) main = mainOf(SERVER_LAUNCHER, cl);
                if (main == null) throw new ClassNotFoundException(SERVER_LAUNCHER);
            } catch (ClassNotFoundException | LinkageError e) {
                err.println("dmas: the language server is not available: the dsl.ide module (" + IDE_SETUP
                        + ") is not on the class path. Build it with `./mvnw -pl dsl.ide -am package -DskipTests` "
                        + "and start it through ./dmas lsp, which adds dsl.ide/target/dmas-dsl-ide-*.jar.");
                err.flush();
                return DmasCli.EXIT_INVALID;
            }
            try {
                main.invoke(null, (Object) args.toArray(new String[0]));
            } catch (InvocationTargetException e) {
                err.println("dmas: internal error: the language server failed: " + Workspace.message(e.getCause()));
                err.flush();
                return DmasCli.EXIT_INVALID;
            }
            return DmasCli.EXIT_OK;
        });
    }
}

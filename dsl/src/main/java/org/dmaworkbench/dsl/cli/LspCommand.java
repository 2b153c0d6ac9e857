package org.dmaworkbench.dsl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmas lsp}: the language server on stdin/stdout, the {@link LanguageServerProvider} that the
 * dsl.ide module registers as a service (the ./dmas launcher puts that jar on the class path);
 * without it the command says so and exits 2.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Starts the language server (Language Server Protocol over stdin/stdout) for editors.",
                "Needs the dsl.ide module on the class path (the ./dmas launcher adds it when built)."})
final class LspCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "passed to Xtext's ServerLauncher: -log, -trace, -noValidate")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return DmasCli.guarded(err, () -> {
            var server = ServiceLoader.load(LanguageServerProvider.class, LspCommand.class.getClassLoader()).findFirst();
            if (server.isEmpty()) {
                err.println("dmas: the language server is not available: the dsl.ide module is not on the class path. Build it with "
                        + "`./mvnw -pl dsl.ide -am package -DskipTests` and start it through ./dmas lsp, which adds "
                        + "dsl.ide/target/dmas-dsl-ide-*.jar.");
                err.flush();
                return DmasCli.EXIT_INVALID;
            }
            server.get().serve(args.toArray(new String[0]));
            return DmasCli.EXIT_OK;
        });
    }
}

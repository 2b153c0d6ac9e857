package org.dmaworkbench.dsl.ide.server.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.JsonReport;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code workspace/executeCommand dmas.run [uri, scenario?]}: the file as saved, run through the
 * batch service every front end uses ({@code ./dmas run FILE --scenario =NAME}), failing steps
 * published as diagnostics on their lines, met expectations as inlay hints, the results JSON
 * ({@code dmas-report.json}'s content, plus the exit code) as the answer.
 */
public final class RunCommand {
    /** What the file's lines are, to place hints at their ends. */
    private final List<String> lines;
    private final Path file;
    private final String scenario;

    /** A run of {@code file} (one scenario or benchmark by name, or all when null); {@code text} is the file's text. */
    public RunCommand(Path file, String scenario, String text) {
        this.file = file;
        this.scenario = scenario;
        this.lines = text == null ? List.of() : List.of(text.split("\n", -1));
    }

    /**
     * Starts {@code dmas.run [uri, name?]} on a thread of its own: the file as saved (a warning when
     * the editor holds unsaved changes, {@code openText} gives its text or null), the answer when it
     * ends; cancelling the future ({@code $/cancelRequest}) interrupts the run, which stops between steps.
     */
    public static CompletableFuture<Object> start(List<Object> arguments, Function<String, String> openText, RunState runs,
            LanguageClient client, Runnable after) {
        Either<Path, String> file = file(arguments);
        if (file.isRight()) return failed(ResponseErrorCode.InvalidParams, file.getRight());
        String uri = text(arguments.get(0));
        String saved;
        try {
            saved = Files.readString(file.getLeft());
        } catch (IOException | RuntimeException e) {
            return failed(ResponseErrorCode.InvalidParams, "dmas.run: cannot read " + file.getLeft() + ": " + e.getMessage());
        }
        String open = openText.apply(uri);
        if (open != null && !open.equals(saved) && client != null) {
            client.showMessage(new MessageParams(MessageType.Warning,
                    "dmas run: ran " + file.getLeft().getFileName() + " as saved; its unsaved changes are not part of this run"));
        }
        RunCommand command = new RunCommand(file.getLeft(), name(arguments), saved);
        Thread[] worker = new Thread[1];
        CompletableFuture<Object> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterrupt) {
                Thread t = worker[0];
                if (t != null) t.interrupt();
                return super.cancel(mayInterrupt);
            }
        };
        worker[0] = new Thread(() -> {
            try {
                result.complete(command.run(uri, runs));
                after.run();
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                        "dmas.run failed: " + e, null)));
            }
        }, "dmas run " + file.getLeft().getFileName());
        worker[0].setDaemon(true);
        worker[0].start();
        return result;
    }

    private static <T> CompletableFuture<T> failed(ResponseErrorCode code, String message) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(new ResponseErrorException(new ResponseError(code, message, null)));
        return f;
    }

    private static String text(Object arg) {
        return arg instanceof JsonPrimitive p && p.isString() ? p.getAsString() : arg instanceof String s ? s : null;
    }

    /** The file a {@code dmas.run} names, or an explanation why it names none. */
    static Either<Path, String> file(List<Object> arguments) {
        String uri = arguments == null || arguments.isEmpty() ? null : text(arguments.get(0));
        if (uri == null) return Either.forRight("dmas.run takes the file's URI and, optionally, a scenario or benchmark name");
        try {
            URI u = URI.createURI(uri);
            Path path = u.isFile() ? Paths.get(u.toFileString()) : null;
            if (path == null || !Files.isRegularFile(path)) return Either.forRight("dmas.run: no file " + uri + " on disk");
            return Either.forLeft(path);
        } catch (RuntimeException e) {
            return Either.forRight("dmas.run: not a file URI: " + uri);
        }
    }

    /** The scenario or benchmark name of a {@code dmas.run}, or null for the whole file. */
    static String name(List<Object> arguments) {
        return arguments == null || arguments.size() < 2 ? null : text(arguments.get(1));
    }

    /** Runs, tells {@code state} for {@code uri}, and answers the results JSON. */
    public JsonElement run(String uri, RunState state) {
        BatchService batch = Batch.service();
        Workspace.Options options = new Workspace.Options(file.getParent(), List.of(), null);
        BatchService.Request req = BatchService.Request.files(List.of(file), options,
                scenario == null ? null : scenario::equals, scenario == null ? null : "=" + scenario, 1, List.of(file.toString()));
        List<Diagnostic> failing = new ArrayList<>();
        List<InlayHint> met = new ArrayList<>();
        BatchService.Outcome o = batch.run(req, new BatchService.Listener() {
            @Override
            public void step(ScenarioProgram p, StepResult r) {
                if (Boolean.FALSE.equals(r.met())) failing.add(failure(r));
                else if (Boolean.TRUE.equals(r.met())) met.add(hint(r));
            }

            @Override
            public void scenarioDone(ScenarioRun run) {
                if (run.errorMessage() != null && run.errorLine() > 0) {
                    failing.add(diagnostic(run.errorLine(), run.errorMessage()));
                }
            }
        });
        state.ran(uri, failing, met);
        JsonObject answer = JsonParser.parseString(JsonReport.render(o.results())).getAsJsonObject();
        answer.addProperty("exitCode", o.exitCode());
        if (!o.messages().isEmpty()) answer.addProperty("message", String.join("\n", o.messages()));
        return answer;
    }

    private Diagnostic failure(StepResult r) {
        String why = r.failure() != null ? r.failure() : "expected " + r.expected() + ", got " + r.outcome();
        return diagnostic(r.line(), why + (r.explanation() == null || r.explanation().isEmpty() ? "" : " (" + r.explanation() + ")"));
    }

    private Diagnostic diagnostic(int line, String message) {
        return new Diagnostic(lineRange(line), message, DiagnosticSeverity.Error, RunState.SOURCE);
    }

    private InlayHint hint(StepResult r) {
        Range range = lineRange(r.line());
        InlayHint h = new InlayHint(range.getEnd(), Either.forLeft("✓ " + r.expected()));
        h.setKind(InlayHintKind.Parameter);
        h.setPaddingLeft(true);
        if (r.explanation() != null && !r.explanation().isEmpty()) h.setTooltip(r.explanation());
        return h;
    }

    /** The step's line (1-based), from its first non-blank character to its end. */
    private Range lineRange(int line) {
        int l = Math.max(0, line - 1);
        String text = l < lines.size() ? lines.get(l).replaceAll("\r$", "") : "";
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) start++;
        return new Range(new Position(l, start), new Position(l, text.length()));
    }
}

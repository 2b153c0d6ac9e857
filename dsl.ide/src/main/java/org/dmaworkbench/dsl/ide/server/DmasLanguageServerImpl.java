package org.dmaworkbench.dsl.ide.server;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.dmaworkbench.dsl.ide.server.run.RunCommand;
import org.dmaworkbench.dsl.ide.server.run.RunLenses;
import org.dmaworkbench.dsl.ide.server.run.RunState;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.BuildManager;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's server, tolerant of clients that name the workspace only through
 * {@code workspaceFolders} without announcing the workspace-folders capability: Xtext then builds
 * its workspace from {@code rootUri}, which is null (a NullPointerException). The first folder
 * becomes the root. Errors are the protocol's, never an "Internal error" with a stack trace: an
 * unknown method is -32601, a request on a document that is neither open nor on disk -32602 naming
 * it, an unknown {@code workspace/executeCommand} -32602; positions past a line or the document
 * mean its end ({@link TolerantDocument}); a {@code didChange} that does not fit the server's text
 * is not applied and the client is told, with the way out (reopen the file).
 */
public class DmasLanguageServerImpl extends LanguageServerImpl {

    private final RunState runs = new RunState();
    private volatile ClientCapabilities clientCapabilities;

    /** The URIs the client has open, as it wrote them; read on LSP4J's message thread, where didOpen/didClose arrive in order. */
    private final Set<String> open = ConcurrentHashMap.newKeySet();

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        clientCapabilities = params.getCapabilities();
        if (params.getRootUri() == null && params.getRootPath() == null && params.getWorkspaceFolders() != null
                && !params.getWorkspaceFolders().isEmpty() && !announcesWorkspaceFolders(params)) {
            params.setRootUri(params.getWorkspaceFolders().get(0).getUri());
        }
        return super.initialize(params);
    }

    /**
     * A command no language registered is an "invalid params" error naming the command (Xtext's
     * registry answers it with a NullPointerException, an "Internal error" and a stack trace on stderr).
     */
    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        String command = params == null ? null : params.getCommand();
        if (RunLenses.RUN.equals(command)) return run(params);
        List<String> known = new ArrayList<>(commands());
        known.add(RunLenses.RUN);
        if (command == null || !known.contains(command)) {
            return failed(ResponseErrorCode.InvalidParams, "unknown command: " + (command == null ? "(none)" : command)
                    + "; this server has " + (known.isEmpty() ? "no commands" : "only " + known));
        }
        return super.executeCommand(params);
    }

    /** The client, wrapped so that a file's run results and its validation share each publication ({@link RunState}). */
    @Override
    public void connect(LanguageClient client) {
        super.connect(runs.wrap(client, () -> refresh(false)));
    }

    /** Xtext's capabilities, plus runs: code lenses, inlay hints, the {@code dmas.run} command. */
    @Override
    protected ServerCapabilities createServerCapabilities(InitializeParams params) {
        ServerCapabilities caps = super.createServerCapabilities(params);
        caps.setCodeLensProvider(new CodeLensOptions(false));
        caps.setInlayHintProvider(true);
        List<String> commands = new ArrayList<>(caps.getExecuteCommandProvider() == null ? List.of()
                : caps.getExecuteCommandProvider().getCommands());
        if (!commands.contains(RunLenses.RUN)) commands.add(RunLenses.RUN);
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(commands));
        return caps;
    }

    /** Asks the client to fetch code lenses again (a file gained or lost its errors), or inlay hints (a run ended, a file changed). */
    private void refresh(boolean hints) {
        LanguageClient client = getLanguageClient();
        WorkspaceClientCapabilities ws = clientCapabilities == null ? null : clientCapabilities.getWorkspace();
        if (client == null || ws == null) return;
        if (hints && ws.getInlayHint() != null && Boolean.TRUE.equals(ws.getInlayHint().getRefreshSupport())) client.refreshInlayHints();
        if (!hints && ws.getCodeLens() != null && Boolean.TRUE.equals(ws.getCodeLens().getRefreshSupport())) client.refreshCodeLenses();
    }

    /** "▶ Run file" and "▶ Run" per scenario and benchmark, while the file has no error. */
    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return onDocument(params.getTextDocument(), () -> {
            String uri = params.getTextDocument().getUri();
            if (runs.hasErrors(uri)) return CompletableFuture.completedFuture(List.of());
            URI u = getURI(params.getTextDocument());
            return getRequestManager().runRead(cancel -> getWorkspaceManager().doRead(u, (doc, resource) -> RunLenses.of(uri, resource)));
        });
    }

    /** The met expectations of the file's last run, at the ends of their lines (none once the file changed). */
    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return onDocument(params.getTextDocument(), () -> {
            Range r = params.getRange();
            List<InlayHint> in = runs.hints(params.getTextDocument().getUri()).stream()
                    .filter(h -> r == null || h.getPosition().getLine() >= r.getStart().getLine() && h.getPosition().getLine() <= r.getEnd().getLine())
                    .toList();
            return CompletableFuture.completedFuture(in);
        });
    }

    /** {@code dmas.run [uri, name?]}: off the message thread, cancellable ({@link RunCommand#start}). */
    private CompletableFuture<Object> run(ExecuteCommandParams params) {
        return RunCommand.start(params.getArguments(), this::openText, runs, getLanguageClient(), () -> refresh(true));
    }

    /** The open document's text as the server holds it, or null when it is not open. */
    private String openText(String uri) {
        if (!open.contains(uri)) return null;
        try {
            return getRequestManager().runRead(cancel -> getWorkspaceManager().doRead(URI.createURI(uri),
                    (doc, resource) -> doc == null ? null : doc.getContents())).get();
        } catch (Exception e) {
            return null;
        }
    }

    /** A request no service provides: -32601 "method not found" (Xtext throws UnsupportedOperationException, an internal error). */
    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
        if (!getExtensionProviders().containsKey(method)) {
            return failed(ResponseErrorCode.MethodNotFound, "unknown method: " + method);
        }
        return super.request(method, parameter);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        if (params.getTextDocument() != null && params.getTextDocument().getUri() != null) open.add(params.getTextDocument().getUri());
        super.didOpen(params);
    }

    /** A change: the file's run results no longer describe it. */
    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        if (params.getTextDocument() != null && runs.changed(params.getTextDocument().getUri())) refresh(true);
        super.didChange(params);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        if (params.getTextDocument() != null) open.remove(params.getTextDocument().getUri());
        super.didClose(params);
    }

    /** A change that does not fit the server's text is not applied: the client hears why and how to resynchronise. */
    @Override
    protected BuildManager.Buildable toBuildable(DidChangeTextDocumentParams params) {
        if (getWorkspaceManager() instanceof DmasWorkspaceManager wm && params.getTextDocument() != null) {
            TolerantDocument current = wm.openDocument(getURI(params.getTextDocument()));
            String bad = current == null ? null : current.badChange(params.getContentChanges());
            if (bad != null) {
                String uri = params.getTextDocument().getUri();
                String message = "dmas: the editor's text of " + uri + " and the language server's differ (" + bad
                        + "); the change was not applied. Close and reopen the file to resynchronise.";
                if (getLanguageClient() != null) {
                    getLanguageClient().showMessage(new MessageParams(MessageType.Error, message));
                    getLanguageClient().logMessage(new MessageParams(MessageType.Error, message));
                }
                return BuildManager.Buildable.NO_BUILD;
            }
        }
        return super.toBuildable(params);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return onDocument(params.getTextDocument(), () -> super.completion(params));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return onDocument(params.getTextDocument(), () -> super.definition(params));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return onDocument(params.getTextDocument(), () -> super.references(params));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return onDocument(params.getTextDocument(), () -> super.documentSymbol(params));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return onDocument(params.getTextDocument(), () -> super.hover(params));
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return onDocument(params.getTextDocument(), () -> super.signatureHelp(params));
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return onDocument(params.getTextDocument(), () -> super.documentHighlight(params));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return onDocument(params.getTextDocument(), () -> super.codeAction(params));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return onDocument(params.getTextDocument(), () -> super.formatting(params));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
        return onDocument(params.getTextDocument(), () -> super.rangeFormatting(params));
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return onDocument(params.getTextDocument(), () -> super.rename(params));
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        return onDocument(params.getTextDocument(), () -> super.prepareRename(params));
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return onDocument(params.getTextDocument(), () -> super.foldingRange(params));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return onDocument(params.getTextDocument(), () -> super.semanticTokensFull(params));
    }

    /** {@code request} when the document is open or on disk; otherwise -32602 naming it (Xtext reads the missing file and fails). */
    private <T> CompletableFuture<T> onDocument(TextDocumentIdentifier doc, Supplier<CompletableFuture<T>> request) {
        String uri = doc == null ? null : doc.getUri();
        if (uri == null) return failed(ResponseErrorCode.InvalidParams, "the request names no textDocument.uri");
        if (!open.contains(uri) && !onDisk(uri)) {
            return failed(ResponseErrorCode.InvalidParams, "no document " + uri + ": it is not open (textDocument/didOpen) and not a file on disk");
        }
        return request.get();
    }

    private static boolean onDisk(String uri) {
        try {
            URI u = URI.createURI(uri);
            return u.isFile() && Files.isRegularFile(Paths.get(u.toFileString()));
        } catch (RuntimeException notAFileUri) {
            return false;
        }
    }

    private static <T> CompletableFuture<T> failed(ResponseErrorCode code, String message) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(new ResponseErrorException(new ResponseError(code, message, null)));
        return f;
    }

    /** The registered commands; none before the registry is initialized (it is only when the client can execute commands). */
    private List<String> commands() {
        try {
            return getCommandRegistry().getCommands();
        } catch (NullPointerException notInitialized) {
            return List.of();
        }
    }

    private static boolean announcesWorkspaceFolders(InitializeParams params) {
        var caps = params.getCapabilities();
        return caps != null && caps.getWorkspace() != null && Boolean.TRUE.equals(caps.getWorkspace().getWorkspaceFolders());
    }
}

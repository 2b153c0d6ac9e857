package org.dmaworkbench.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dmas lsp}: the launcher's {@code main} as a separate process, spoken to over its stdio
 * the way an editor does (initialize with a rootUri, open a file, get diagnostics and a hover).
 */
class DmasLanguageServerTest {

    /** A client that keeps what the server publishes. */
    static final class Client implements LanguageClient {
        final LinkedBlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

        @Override public void telemetryEvent(Object object) { }
        @Override public void publishDiagnostics(PublishDiagnosticsParams d) { diagnostics.add(d); }
        @Override public void showMessage(MessageParams m) { }
        @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) { return CompletableFuture.completedFuture(null); }
        @Override public void logMessage(MessageParams m) { }
    }

    @Test
    void mainServesTheLanguageOverStdio(@TempDir Path workspace) throws Exception {
        serve(workspace, true);
    }

    /** Some clients send only workspaceFolders (without announcing the capability): the first folder is the root. */
    @Test
    void workspaceFoldersAloneAreEnough(@TempDir Path workspace) throws Exception {
        serve(workspace, false);
    }

    private void serve(Path workspace, boolean rootUri) throws Exception {
        Path file = workspace.resolve("bad.dmas");
        String text = "scenario \"s\" on nowhere {\n    probe dsa0\n}\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), DmasLanguageServer.class.getName())
                .redirectError(workspace.resolve("stderr.txt").toFile()).start();
        java.util.concurrent.Future<Void> listening = null;
        try {
            Client client = new Client();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(), server.getOutputStream());
            listening = launcher.startListening();
            LanguageServer remote = launcher.getRemoteProxy();

            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            if (rootUri) init.setRootUri(workspace.toUri().toString());
            else init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
            ClientCapabilities capabilities = new ClientCapabilities();
            TextDocumentClientCapabilities textDocument = new TextDocumentClientCapabilities();
            textDocument.setFoldingRange(new FoldingRangeCapabilities());
            capabilities.setTextDocument(textDocument);
            init.setCapabilities(capabilities);
            InitializeResult result = remote.initialize(init).get(60, TimeUnit.SECONDS);
            var caps = result.getCapabilities();
            assertTrue(caps.getHoverProvider().getLeft());
            assertNotNull(caps.getCompletionProvider());
            assertNotNull(caps.getSemanticTokensProvider());
            assertTrue(caps.getDocumentSymbolProvider().getLeft());
            assertTrue(caps.getFoldingRangeProvider().getLeft());
            assertTrue(caps.getDocumentFormattingProvider().getLeft());
            assertNotNull(caps.getCodeActionProvider());
            remote.initialized(new InitializedParams());

            String uri = file.toUri().toString();
            remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dmas", 1, text)));
            PublishDiagnosticsParams published = null;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < deadline; ) {
                PublishDiagnosticsParams p = client.diagnostics.poll(1, TimeUnit.SECONDS);
                if (p != null && new File(java.net.URI.create(p.getUri())).getName().equals("bad.dmas") && !p.getDiagnostics().isEmpty()) {
                    published = p;
                    break;
                }
            }
            assertNotNull(published, "diagnostics for the unresolved platform");
            assertTrue(published.getDiagnostics().stream().anyMatch(d -> d.getMessage().getLeft().contains("nowhere")),
                    published.getDiagnostics().toString());

            Hover hover = remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 5)))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(hover.getContents().getRight().getValue().contains("iommu_device_use_default_domain()"));

            // an unknown command is an error that names it, not an internal error with a stack trace on stderr
            var unknown = remote.getWorkspaceService().executeCommand(new ExecuteCommandParams("dmas.no-such-command", List.of()));
            ExecutionException e = assertThrows(ExecutionException.class, () -> unknown.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ResponseErrorException, e::toString);
            ResponseError error = ((ResponseErrorException) e.getCause()).getResponseError();
            assertEquals(ResponseErrorCode.InvalidParams.getValue(), error.getCode(), error::toString);
            assertTrue(error.getMessage().contains("unknown command: dmas.no-such-command"), error::toString);

            remote.shutdown().get(30, TimeUnit.SECONDS);
            String stderr = Files.readString(workspace.resolve("stderr.txt"));
            assertFalse(stderr.contains("Exception"), stderr);
        } finally {
            if (listening != null) listening.cancel(true);
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }
}

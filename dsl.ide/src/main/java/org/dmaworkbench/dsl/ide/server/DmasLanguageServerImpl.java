package org.dmaworkbench.dsl.ide.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's server, tolerant of clients that name the workspace only through
 * {@code workspaceFolders} without announcing the workspace-folders capability: Xtext then builds
 * its workspace from {@code rootUri}, which is null (a NullPointerException). The first folder
 * becomes the root. An unknown {@code workspace/executeCommand} is a clear error, not a crash.
 */
public class DmasLanguageServerImpl extends LanguageServerImpl {

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
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
        List<String> known = commands();
        if (command == null || !known.contains(command)) {
            CompletableFuture<Object> f = new CompletableFuture<>();
            f.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "unknown command: " + (command == null ? "(none)" : command) + "; this server has "
                            + (known.isEmpty() ? "no commands" : "only " + known),
                    null)));
            return f;
        }
        return super.executeCommand(params);
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

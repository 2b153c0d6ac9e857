package org.dmaworkbench.dsl.ide.server;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's server, tolerant of clients that name the workspace only through
 * {@code workspaceFolders} without announcing the workspace-folders capability: Xtext then builds
 * its workspace from {@code rootUri}, which is null (a NullPointerException). The first folder
 * becomes the root.
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

    private static boolean announcesWorkspaceFolders(InitializeParams params) {
        var caps = params.getCapabilities();
        return caps != null && caps.getWorkspace() != null && Boolean.TRUE.equals(caps.getWorkspace().getWorkspaceFolders());
    }
}

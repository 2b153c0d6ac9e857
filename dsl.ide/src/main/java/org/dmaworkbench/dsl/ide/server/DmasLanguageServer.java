package org.dmaworkbench.dsl.ide.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerLauncher;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.IFileSystemScanner;
import org.eclipse.xtext.util.Modules2;

/**
 * The language server of {@code .dmas} files over stdio ({@code ./dmas lsp}). Xtext's
 * {@link ServerModule} finds the language through {@code META-INF/services/org.eclipse.xtext.ISetup}
 * ({@code DmasIdeSetup}). Arguments: {@code -log} writes stdout/stderr to
 * {@code org.dmaworkbench.dsl.ide.server.DmasLanguageServer-debug.log}, {@code -trace} traces the
 * JSON-RPC messages, {@code -noValidate} skips message validation.
 *
 * <p>Clients should send {@code rootUri} in {@code initialize}: Xtext 2.42 builds its workspace from
 * it. {@code workspaceFolders} alone (without the capability) used to end in a NullPointerException;
 * {@link DmasLanguageServerImpl} takes the first folder as the root then.
 */
public final class DmasLanguageServer {
    private DmasLanguageServer() { }

    public static void main(String[] args) {
        ServerLauncher.launch(DmasLanguageServer.class.getName(), args, serverModule());
    }

    /** The server's Guice module (the languages come from {@code ISetup} services). */
    public static Module serverModule() {
        return Modules2.mixin(new ServerModule(), binder -> {
            binder.bind(LanguageServerImpl.class).to(DmasLanguageServerImpl.class);
            binder.bind(WorkspaceManager.class).to(DmasWorkspaceManager.class);
            binder.bind(IFileSystemScanner.class).to(DmasFileSystemScanner.class);
        });
    }

    /** Starts a server on the given streams without touching {@code System.in/out} (tests, embedding). */
    public static Future<Void> start(InputStream in, OutputStream out) {
        Injector injector = Guice.createInjector(serverModule());
        LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> launcher = Launcher.createLauncher(server, LanguageClient.class, in, out);
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }
}

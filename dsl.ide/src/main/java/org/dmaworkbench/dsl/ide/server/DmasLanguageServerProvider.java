package org.dmaworkbench.dsl.ide.server;

import org.dmaworkbench.dsl.cli.LanguageServerProvider;

/** {@code dmas lsp}'s language server: {@link DmasLanguageServer} (registered as a service in {@code META-INF/services}). */
public final class DmasLanguageServerProvider implements LanguageServerProvider {
    @Override
    public void serve(String[] args) {
        DmasLanguageServer.main(args);
    }
}

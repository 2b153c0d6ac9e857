package org.dmaworkbench.dsl.cli;

/**
 * The language server as {@code dmas lsp} starts it. The server lives in the {@code dsl.ide} module,
 * built after this one, which provides this interface as a {@link java.util.ServiceLoader} service
 * ({@code META-INF/services/org.dmaworkbench.dsl.cli.LanguageServerProvider}): a typed call, no
 * class names looked up by reflection.
 */
public interface LanguageServerProvider {
    /** Serves the language over stdin/stdout until the client exits; {@code args} are Xtext's ServerLauncher options. */
    void serve(String[] args);
}

package org.dmaworkbench.dsl.ide;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Scopes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.dsl.DmasRuntimeModule;
import org.dmaworkbench.dsl.formatting.DmasFormatter;
import org.dmaworkbench.dsl.ide.server.DmasLanguageServer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.testing.AbstractLanguageServerTest;
import org.eclipse.xtext.util.Modules2;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the language-server tests: a server over the language as {@code DmasIdeSetup} wires it
 * (plus the formatter binding the runtime module is to carry), a workspace in a temporary folder
 * holding the contract's {@code platforms/spr.dmas}, and small helpers that speak LSP the way a
 * client does. Positions in test texts are marked with {@value #CURSOR}.
 */
public abstract class AbstractDmasLanguageServerTest extends AbstractLanguageServerTest {
    public static final String CURSOR = "<|>";

    protected InitializeResult initializeResult;

    protected AbstractDmasLanguageServerTest() {
        super("dmas");
    }

    /** The server {@code ./dmas lsp} runs, over the language as DmasIdeSetup builds it, with {@link DmasFormatter} bound for the runtime layer. */
    @Override
    protected Module getServerModule() {
        return Modules2.mixin(DmasLanguageServer.serverModule(),
                binder -> binder.bind(IResourceServiceProvider.Registry.class).toProvider(AbstractDmasLanguageServerTest::registry)
                        .in(Scopes.SINGLETON));
    }

    static IResourceServiceProvider.Registry registry() {
        Injector injector = new DmasIdeSetup() {
            @Override
            public Injector createInjector() {
                Module formatter = binder -> binder.bind(IFormatter2.class).to(DmasFormatter.class);
                return Guice.createInjector(Modules2.mixin(new DmasRuntimeModule(), new DmasIdeModule(), formatter));
            }
        }.createInjectorAndDoEMFRegistration();
        IResourceServiceProvider.Registry registry = new ResourceServiceProviderRegistryImpl();
        registry.getExtensionToFactoryMap().put("dmas", injector.getInstance(IResourceServiceProvider.class));
        return registry;
    }

    /** The workspace lives in a temporary folder, not in the source tree. */
    @BeforeEach
    @Override
    public void setup() {
        super.setup();
        try {
            root = Files.createTempDirectory("dmas-ls-test").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JUnit 5 assertions for the base class's expectation checks (it would use JUnit 4's). */
    @Override
    public void assertEquals(String expected, String actual) {
        Assertions.assertEquals(expected.replace("\r\n", "\n"), actual.replace("\r\n", "\n"));
    }

    /** Writes {@code platforms/spr.dmas} and the given files, then initializes the server (rootUri and hierarchical symbols). */
    protected void workspace(String... pathsAndTexts) {
        writeFile("platforms/spr.dmas", fixture("platforms/spr.dmas"));
        for (int i = 0; i + 1 < pathsAndTexts.length; i += 2) writeFile(pathsAndTexts[i], pathsAndTexts[i + 1].replace(CURSOR, ""));
        initializeResult = initialize(params -> {
            params.setRootUri(root.toURI().toString());
            ClientCapabilities caps = new ClientCapabilities();
            TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
            DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
            symbols.setHierarchicalDocumentSymbolSupport(true);
            text.setDocumentSymbol(symbols);
            caps.setTextDocument(text);
            params.setCapabilities(caps);
        });
    }

    /** Opens a file (text may carry a cursor marker, which is dropped) and returns its URI. */
    protected String openFile(String path, String text) {
        String content = text.replace(CURSOR, "");
        String written = writeFile(path, content);
        open(written, content);
        return written;
    }

    protected static TextDocumentIdentifier doc(String uri) {
        return new TextDocumentIdentifier(uri);
    }

    /** The position of the cursor marker in {@code text}. */
    protected static Position cursor(String text) {
        int at = text.indexOf(CURSOR);
        if (at < 0) throw new IllegalArgumentException("no " + CURSOR + " in text");
        return position(text, at);
    }

    /** The position of the {@code n}-th (0-based) occurrence of {@code token} in {@code text}, plus {@code delta} characters. */
    protected static Position positionOf(String text, String token, int n, int delta) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = text.indexOf(token, at + 1);
            if (at < 0) throw new IllegalArgumentException("'" + token + "' #" + n + " not in text");
        }
        return position(text.replace(CURSOR, ""), at + delta);
    }

    protected static Position position(String text, int offset) {
        int line = 0, col = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        return new Position(line, col);
    }

    /** Applies LSP text edits to a text, as a client does. */
    protected static String apply(String text, List<? extends TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
        StringBuilder b = new StringBuilder(text);
        for (TextEdit e : sorted) b.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
        return b.toString();
    }

    protected static int offset(String text, Position p) {
        int line = 0, i = 0;
        while (line < p.getLine() && i < text.length()) {
            if (text.charAt(i++) == '\n') line++;
        }
        return Math.min(text.length(), i + p.getCharacter());
    }

    /** Diagnostics the server published for a URI. */
    protected List<Diagnostic> diagnostics(String uri) {
        Map<String, List<Diagnostic>> all = getDiagnostics();
        return all.getOrDefault(uri, List.of());
    }

    /** A test fixture from {@code src/test/resources/fixtures}. */
    protected static String fixture(String path) {
        try (InputStream in = AbstractDmasLanguageServerTest.class.getResourceAsStream("/fixtures/" + path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

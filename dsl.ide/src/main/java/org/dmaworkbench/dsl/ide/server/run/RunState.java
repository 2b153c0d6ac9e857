package org.dmaworkbench.dsl.ide.server.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * What the last {@code dmas.run} of each file left for the editor: failing steps as diagnostics
 * (source {@value #SOURCE}) and met expectations as inlay hints. Both hold until the file changes.
 * The server's diagnostics and the run's share one {@code publishDiagnostics} per file, which
 * replaces all of a file's diagnostics: so the client the server talks to is wrapped ({@link #wrap}),
 * and every publication carries the validation's diagnostics and the run's.
 */
public final class RunState {
    /** The {@code source} of the diagnostics a run publishes. */
    public static final String SOURCE = "dmas run";

    private final Map<String, List<Diagnostic>> validation = new ConcurrentHashMap<>();
    private final Map<String, List<Diagnostic>> run = new ConcurrentHashMap<>();
    private final Map<String, List<InlayHint>> hints = new ConcurrentHashMap<>();
    private volatile LanguageClient client;

    /**
     * A client that publishes each file's validation diagnostics together with its last run's;
     * {@code errorsChanged} runs when a file gains or loses its last error (the run lenses come and go).
     */
    public LanguageClient wrap(LanguageClient delegate, Runnable errorsChanged) {
        LanguageClient wrapped = (LanguageClient) Proxy.newProxyInstance(LanguageClient.class.getClassLoader(),
                new Class<?>[] {LanguageClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("publishDiagnostics") && args != null && args.length == 1
                            && args[0] instanceof PublishDiagnosticsParams p) {
                        boolean before = hasErrors(p.getUri());
                        validation.put(p.getUri(), List.copyOf(p.getDiagnostics()));
                        delegate.publishDiagnostics(merged(p.getUri(), p.getVersion()));
                        if (before != hasErrors(p.getUri())) errorsChanged.run();
                        return null;
                    }
                    if (method.getDeclaringClass() == Object.class) return method.invoke(this, args);
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        client = delegate;
        return wrapped;
    }

    /** Whether the file's last validation found an error (a run is not offered then). */
    public boolean hasErrors(String uri) {
        return validation.getOrDefault(uri, List.of()).stream().anyMatch(d -> d.getSeverity() == DiagnosticSeverity.Error);
    }

    /** A run's results for a file: published at once with the file's validation diagnostics. */
    public void ran(String uri, List<Diagnostic> diagnostics, List<InlayHint> met) {
        run.put(uri, List.copyOf(diagnostics));
        hints.put(uri, List.copyOf(met));
        LanguageClient c = client;
        if (c != null) c.publishDiagnostics(merged(uri, null));
    }

    /** The file changed: its run results no longer describe it (the next validation publishes without them). */
    public boolean changed(String uri) {
        boolean had = run.remove(uri) != null;
        return hints.remove(uri) != null || had;
    }

    /** The met-expectation hints of the file's last run. */
    public List<InlayHint> hints(String uri) {
        return hints.getOrDefault(uri, List.of());
    }

    private PublishDiagnosticsParams merged(String uri, Integer version) {
        List<Diagnostic> all = new ArrayList<>(validation.getOrDefault(uri, List.of()));
        all.addAll(run.getOrDefault(uri, List.of()));
        PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, all);
        p.setVersion(version);
        return p;
    }
}

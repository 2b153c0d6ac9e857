package org.dmaworkbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ide.editor.EditorDocument;
import org.dmaworkbench.dsl.ide.editor.EditorServices;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.xtext.util.CancelIndicator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Eclipse plug-in's bar: content assist ≤ 50 ms at the 95th percentile on a 5,000-line file.
 * Each sample is what Ctrl+Space costs the editor's UI thread right after a keystroke: the
 * keystroke is applied to the open document's model ({@link EditorDocument}, Xtext's partial
 * parser) and {@link EditorServices#complete} answers at the caret, the path the plug-in's
 * {@code DmasContentAssistProcessor} takes. Sampled (Mode.SampleTime): JMH prints p0.95.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ContentAssistBenchmark {
    public static final int LINES = 5_000;

    private EditorServices services;
    private EditorDocument document;
    private int caret;
    private boolean typed;

    @Setup
    public void setup() {
        String text = LanguagePipelineBenchmark.scenario(LINES);
        int middle = text.indexOf("    buffer b" + (LINES / 10) + " ");
        text = text.substring(0, middle) + "    \n" + text.substring(middle);
        caret = middle + 4;
        services = DmasIde.services();
        document = new EditorDocument("file:/bench/generated.dmas", text);
        services.complete(document, caret, CancelIndicator.NullImpl); // parse once, as opening the editor does
    }

    /** Type "d" on an empty statement line of the big scenario (or take it back), then Ctrl+Space. */
    @Benchmark
    public List<CompletionItem> completeAfterKeystroke() {
        if (typed) document.replace(caret, 1, "");
        else document.replace(caret, 0, "d");
        typed = !typed;
        return services.complete(document, typed ? caret + 1 : caret, CancelIndicator.NullImpl);
    }
}

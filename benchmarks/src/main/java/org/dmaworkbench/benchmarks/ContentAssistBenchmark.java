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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Eclipse plug-in's bar: content assist ≤ 50 ms at the 95th percentile on a 5,000-line file,
 * through the path the plug-in takes ({@code DmasContentAssistProcessor} → {@link EditorServices#complete}
 * on the open document's {@link EditorDocument}). Sampled (Mode.SampleTime): JMH prints p0.95.
 *
 * <p>The editor applies each keystroke to the model in a background job (Xtext's partial parser,
 * {@link EditorDocument#flush}), so Ctrl+Space on the UI thread finds it current:
 * {@link #ctrlSpace} measures the request after the keystroke was applied (the keystroke itself is
 * per-invocation setup), {@link #keystrokeUpdate} measures that background update alone; a request
 * that comes while the update still runs waits for its rest. Two file shapes: 100 scenarios of 50
 * lines (how files are written) and one scenario of 5,000 lines (the partial parser's worst case:
 * a new statement between two others reparses the whole enclosing scenario).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ContentAssistBenchmark {
    public static final int LINES = 5_000;

    @Param({ "scenarios", "one-scenario" })
    public String shape;

    private EditorServices services;
    private EditorDocument document;
    private int caret;
    private boolean typed;

    /** About {@code lines} lines: a platform, a device, then scenarios of 5 statements × 9 plus a probe. */
    public static String manyScenarios(int lines) {
        StringBuilder b = new StringBuilder(LanguagePipelineBenchmark.PLATFORM);
        int n = 2;
        for (int s = 0; n < lines; s++) {
            b.append("scenario \"s").append(s).append("\" on spr {\n    probe dsa0\n");
            for (int i = 0; i < 9; i++) LanguagePipelineBenchmark.mapReadUnmap(b, i);
            b.append("}\n");
            n += 48;
        }
        return b.toString();
    }

    @Setup
    public void setup() {
        String text;
        int line;
        if (shape.equals("one-scenario")) {
            text = LanguagePipelineBenchmark.scenario(LINES);
            line = text.indexOf("    buffer b" + (LINES / 10) + " ");
        } else {
            text = manyScenarios(LINES);
            line = text.indexOf("    buffer b5 ", text.indexOf("scenario \"s50\""));
        }
        text = text.substring(0, line) + "    \n" + text.substring(line); // an empty statement line in the middle
        caret = line + 4;
        services = DmasIde.services();
        document = new EditorDocument("file:/bench/generated.dmas", text);
        services.complete(document, caret, CancelIndicator.NullImpl); // parse once, as opening the editor does
    }

    private void keystroke() {
        if (typed) document.replace(caret, 1, "");
        else document.replace(caret, 0, "d");
        typed = !typed;
    }

    /** Before each Ctrl+Space: the keystroke ("d" typed on the empty line, or taken back) and its background model update. */
    @State(Scope.Thread)
    public static class AfterKeystroke {
        @Setup(Level.Invocation)
        public void typeAndUpdate(ContentAssistBenchmark b) {
            b.keystroke();
            b.document.flush();
        }
    }

    /** Ctrl+Space after the keystroke: what the UI thread waits for. */
    @Benchmark
    public List<CompletionItem> ctrlSpace(AfterKeystroke typedBefore) {
        return services.complete(document, typed ? caret + 1 : caret, CancelIndicator.NullImpl);
    }

    /** The background model update of one keystroke (typing "d", then taking it back, alternately). */
    @Benchmark
    public boolean keystrokeUpdate() {
        keystroke();
        document.flush();
        return document.stale();
    }
}

package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkResult;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;
import org.dmaworkbench.runtime.state.StateDiff;

/**
 * {@code dmas-report.html}: one self-contained page (inline CSS and SVG, no scripts, no external
 * resources): the summary, diagnostics, every scenario's steps with verdict icons, findings,
 * dma-debug messages and counters, and per benchmark a table and a bar chart of the mean map and
 * unmap latency per policy. All text from the input or the simulator is escaped.
 *
 * <p>Written as the run goes: the files' part into a spill, each scenario when it is done (its rows
 * kept meanwhile, at most {@link #SHOWN_STEPS} + {@link #SHOWN_FAILING} shown and count rows for the
 * steps folded in between), and at the end the head and summary followed by that part.
 */
public final class HtmlReport implements ReportWriter {
    public static final String FILE_NAME = "dmas-report.html";
    /** Steps of a scenario shown in full; after them only steps whose expectation was not met, the rest folded into count rows. */
    public static final int SHOWN_STEPS = 1000;
    /** Unmet steps shown after the first {@link #SHOWN_STEPS}; later ones are folded too (counted, in the JSON report). */
    public static final int SHOWN_FAILING = 1000;

    private static final String MET = "<span class=\"icon met\" title=\"expectation met\">&#10004;</span>";
    private static final String NOT_MET = "<span class=\"icon notmet\" title=\"expectation not met\">&#10008;</span>";
    private static final String NONE = "<span class=\"icon none\" title=\"no expectation\">&#8226;</span>";

    private final Path target;
    private final Spill files;
    private final Writer out;
    private boolean inFile;
    private boolean fileEmpty;
    /** The rows of the running scenario's steps table: at most SHOWN_STEPS + 2 * SHOWN_FAILING + 1 rows. */
    private final StringBuilder rows = new StringBuilder();
    /** The state told for the coming step, and the last one shown (what the next one's changes are against). */
    private IommuState pendingState, previousState;
    private long stepsSeen, failingShown, folded, foldedNotMet;
    private int foldFrom, foldTo;

    private HtmlReport(Path target, Spill files) {
        this.target = target;
        this.files = files;
        this.out = files.writer();
    }

    /** A report written to {@code dir}/{@value #FILE_NAME} (which exists), the files' part spilled beside it. */
    public static HtmlReport to(Path dir) throws IOException {
        return new HtmlReport(dir.resolve(FILE_NAME), Spill.inFile(dir, FILE_NAME + ".files"));
    }

    /** The report of a finished run as a string. */
    public static String render(RunResults r) {
        try {
            HtmlReport h = new HtmlReport(null, Spill.inMemory());
            Replay.run(r, h);
            StringWriter w = new StringWriter();
            h.document(r, w);
            return w.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override public void fileStarted(FileRun f) throws IOException {
        closeFile();
        out.write("<section class=\"file\">\n<h2>" + e(f.file()) + "</h2>\n");
        inFile = true;
        fileEmpty = true;
    }

    @Override public void scenarioStarted(ScenarioProgram p) {
        rows.setLength(0);
        pendingState = previousState = null;
        stepsSeen = failingShown = folded = foldedNotMet = 0;
    }

    @Override public void state(ScenarioProgram p, StepResult r, IommuState s) { pendingState = s; }

    @Override public void step(ScenarioProgram p, StepResult st) {
        IommuState state = pendingState;
        pendingState = null;
        stepsSeen++;
        boolean shown = stepsSeen <= SHOWN_STEPS || !st.passed() && failingShown++ < SHOWN_FAILING;
        if (!shown) {
            if (folded++ == 0) foldFrom = st.line();
            foldTo = st.line();
            if (!st.passed()) foldedNotMet++;
            return;
        }
        fold();
        row(rows, p.file(), st, state, state == null || previousState == null ? null : StateDiff.between(previousState, state));
        if (state != null) previousState = state;
    }

    /** The count row of the steps folded since the last shown one. */
    private void fold() {
        if (folded == 0) return;
        rows.append("<tr class=\"folded\"><td></td><td><code>").append(foldFrom).append("&#8211;").append(foldTo)
                .append("</code></td><td colspan=\"2\" class=\"muted\">").append(folded).append(folded == 1 ? " step" : " steps")
                .append(foldedNotMet == 0 ? " (all met or without expectation)" : " (" + foldedNotMet + " not met)")
                .append(" not shown: dmas-report.json has every step</td></tr>\n");
        folded = foldedNotMet = 0;
    }

    @Override public void scenarioDone(ScenarioRun s) throws IOException {
        fold();
        StringBuilder h = new StringBuilder(rows.length() + 4096);
        scenario(h, s, rows);
        rows.setLength(0);
        out.append(h);
        fileEmpty = false;
    }

    @Override public void benchmarkDone(BenchmarkRun b) throws IOException {
        StringBuilder h = new StringBuilder();
        benchmark(h, b);
        out.append(h);
        fileEmpty = false;
    }

    @Override public void fileDone(FileRun f) throws IOException {
        closeFile();
    }

    private void closeFile() throws IOException {
        if (!inFile) return;
        if (fileEmpty) out.write("<p class=\"muted\">Nothing to run in this file.</p>\n");
        out.write("</section>\n");
        inFile = false;
    }

    @Override public List<Path> finish(RunResults r) throws IOException {
        try (Writer w = Spill.fileWriter(target)) {
            document(r, w);
        } finally {
            abandon();
        }
        return List.of(target);
    }

    @Override public void abandon() {
        files.delete();
    }

    /** The page: head, summary, diagnostics, then the files the spill holds. */
    private void document(RunResults r, Writer w) throws IOException {
        closeFile();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>dmas report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>dmas report</h1>\n<p class=\"meta\">").append(e(r.started().toString())).append(" &#183; dmas ")
                .append(e(Version.get())).append(" &#183; <code>dmas run ").append(e(String.join(" ", r.arguments())))
                .append("</code></p>\n");
        summary(h, r);
        if (!r.diagnostics().isEmpty()) diagnostics(h, r.diagnostics());
        w.append(h);
        files.copyTo(w);
        w.write("</body>\n</html>\n");
    }

    private static void summary(StringBuilder h, RunResults r) {
        long failed = r.scenarios() - r.scenariosPassed();
        h.append("<div class=\"summary ").append(r.exitCode() == 0 ? "pass" : "fail").append("\">\n");
        h.append("<div><b>").append(r.exitCode() == 0 ? "All expectations met" : r.exitCode() == 1 ? "Some expectations not met" : "Invalid input")
                .append("</b> (exit ").append(r.exitCode()).append(")</div>\n");
        h.append("<div>").append(r.scenarios()).append(" scenario(s): ").append(r.scenariosPassed()).append(" passed, ").append(failed)
                .append(" failed</div>\n");
        h.append("<div>").append(r.expectationsMet()).append(" of ").append(r.expectations()).append(" expectation(s) met</div>\n");
        h.append("<div>").append(r.benchmarks()).append(" benchmark(s): ").append(r.policiesRun()).append(" policies run, ")
                .append(r.policiesRefused()).append(" refused</div>\n");
        h.append("<div>").append(r.errors()).append(" error(s), ").append(r.warnings()).append(" warning(s)</div>\n");
        h.append("</div>\n");
    }

    private static void diagnostics(StringBuilder h, List<Diagnostic> diags) {
        h.append("<h2>Diagnostics</h2>\n<table class=\"diags\">\n<tr><th>where</th><th>severity</th><th>message</th></tr>\n");
        for (Diagnostic d : diags) {
            h.append("<tr class=\"").append(d.severity().label()).append("\"><td><code>").append(e(d.location())).append("</code></td><td>")
                    .append(d.severity().label()).append("</td><td>").append(e(d.message())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** One row of a steps table. */
    private static void row(StringBuilder h, String file, StepResult st, IommuState state, StateDiff diff) {
        String icon = st.met() == null ? NONE : st.met() ? MET : NOT_MET;
        h.append("<tr class=\"").append(st.passed() ? "" : "notmet").append("\"><td>").append(icon).append("</td><td><code>")
                .append(e(file)).append(':').append(st.line()).append("</code></td><td><code>").append(e(st.text()))
                .append("</code></td><td>").append(e(st.explanation()));
        if (!st.passed()) {
            h.append("<div class=\"why\"><b>expected</b> <code>").append(e(st.expected())).append("</code>: ")
                    .append(e(st.failure())).append("</div>");
        }
        for (Finding f : st.findings()) {
            h.append("<div class=\"finding\"><b>finding ").append(e(f.kind() == null ? "?" : f.kind().dslName())).append("</b>: ")
                    .append(e(f.message())).append("</div>");
        }
        for (String d : st.dmaDebug()) h.append("<div class=\"dmadebug\"><b>dma-debug</b>: ").append(e(d)).append("</div>");
        if (state != null) StateHtml.details(h, state, diff);
        h.append("</td></tr>\n");
    }

    private static void scenario(StringBuilder h, ScenarioRun s, CharSequence rows) {
        var res = s.result();
        h.append("<details class=\"scenario ").append(s.passed() ? "pass" : "fail").append("\"").append(s.passed() ? "" : " open=\"open\"").append(">\n");
        h.append("<summary>").append(s.passed() ? MET : NOT_MET).append(" <b>").append(e(res.name())).append("</b> <code>")
                .append(e(s.file())).append(':').append(res.line()).append("</code>");
        if (s.platform() != null) h.append(" on <code>").append(e(s.platform())).append("</code>");
        h.append(" <span class=\"muted\">").append(s.met()).append('/').append(s.expectations()).append(" expectations met, ")
                .append(e(Text.ms(res.simulatedNs()))).append(" simulated</span></summary>\n");
        if (res.error() != null) {
            h.append("<p class=\"error\">The scenario stopped at <code>").append(e(s.file())).append(':').append(s.errorLine())
                    .append("</code>: ").append(e(s.errorMessage())).append("</p>\n");
        }
        h.append("<table class=\"steps\">\n<tr><th></th><th>line</th><th>step</th><th>what happened</th></tr>\n");
        h.append(rows);
        h.append("</table>\n");
        if (!res.findings().isEmpty()) {
            h.append("<h4>Findings</h4>\n<ul class=\"findings\">\n");
            for (Finding f : res.findings()) {
                h.append("<li><code>").append(e(s.file())).append(':').append(f.line()).append("</code> <b>")
                        .append(e(f.kind() == null ? "?" : f.kind().dslName())).append("</b>: ").append(e(f.message())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (!res.dmaDebug().isEmpty()) {
            h.append("<h4>dma-debug</h4>\n<pre class=\"dmadebug\">");
            for (String d : res.dmaDebug()) h.append(e(d)).append('\n');
            h.append("</pre>\n");
        }
        counters(h, res.counters());
        if (!res.bootLog().isEmpty()) {
            h.append("<details class=\"boot\"><summary>boot log</summary>\n<pre>");
            for (String l : res.bootLog()) h.append(e(l)).append('\n');
            h.append("</pre></details>\n");
        }
        h.append("</details>\n");
    }

    private static void counters(StringBuilder h, Map<String, Long> counters) {
        if (counters.isEmpty()) return;
        h.append("<h4>Counters</h4>\n<table class=\"counters\">\n");
        int shown = 0;
        for (var c : counters.entrySet()) {
            if (c.getValue() == null || c.getValue() == 0) continue;
            h.append("<tr><td><code>").append(e(c.getKey())).append("</code></td><td class=\"num\">").append(c.getValue()).append("</td></tr>\n");
            shown++;
        }
        if (shown == 0) h.append("<tr><td class=\"muted\" colspan=\"2\">all zero</td></tr>\n");
        h.append("</table>\n");
    }

    private static void benchmark(StringBuilder h, BenchmarkRun b) {
        var spec = b.spec();
        h.append("<div class=\"benchmark ").append(b.passed() ? "pass" : "fail").append("\">\n<h3>").append(b.passed() ? "&#9201; " : NOT_MET + " ")
                .append(e(spec.name())).append(" <code>").append(e(spec.file())).append(':').append(spec.line()).append("</code></h3>\n");
        h.append("<p class=\"muted\">");
        if (b.platform() != null) h.append("platform <code>").append(e(b.platform())).append("</code>, ");
        h.append("device <code>").append(e(spec.device())).append("</code>, ").append(spec.threads()).append(" thread(s) &#215; ")
                .append(spec.iterations()).append(" iterations, granule ").append(spec.granule()).append(" page(s), direction ")
                .append(e(spec.direction())).append(", dma-bits ").append(spec.dmaBits()).append(", mode ").append(e(spec.mode()))
                .append("</p>\n");
        if (b.error() != null) {
            h.append("<p class=\"error\">The benchmark did not run: ").append(e(b.error())).append("</p>\n</div>\n");
            return;
        }
        h.append("<table class=\"bench\">\n<tr><th>policy</th><th>domain</th><th>map &#181;s</th><th>sd</th><th>unmap &#181;s</th><th>sd</th>"
                + "<th title=\"average map / unmap latency(us) as dma_map_benchmark prints them (100 ns units)\">tool prints</th>"
                + "<th>loops</th><th>simulated</th></tr>\n");
        for (BenchmarkTable.Row row : b.rows()) {
            h.append("<tr><td><code>").append(e(ProgramExecutor.policyName(row.policy()))).append("</code></td>");
            if (!row.ok()) {
                h.append("<td colspan=\"8\" class=\"refused\">refused: ").append(e(row.error())).append("</td></tr>\n");
                continue;
            }
            MapBenchmarkResult m = row.result();
            h.append("<td>").append(e(m.domain())).append("</td><td class=\"num\">").append(us(m.avgMapNs())).append("</td><td class=\"num\">")
                    .append(us(m.mapStddevNs())).append("</td><td class=\"num\">").append(us(m.avgUnmapNs())).append("</td><td class=\"num\">")
                    .append(us(m.unmapStddevNs())).append("</td><td class=\"num\">").append(f1(m.avgMapUs())).append(" / ")
                    .append(f1(m.avgUnmapUs())).append("</td><td class=\"num\">").append(m.loops()).append("</td><td class=\"num\">")
                    .append(e(Text.ms(m.totalSimNs()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append(chart(b.rows()));
        h.append("</div>\n");
    }

    /** Horizontal grouped bars: per policy the mean map and unmap latency (exact ns means, shown in µs). */
    public static String chart(List<BenchmarkTable.Row> rows) {
        int labelW = 110, barW = 420, valueW = 90, rowH = 46, top = 30;
        int width = labelW + barW + valueW, height = top + rows.size() * rowH + 10;
        double max = 0;
        for (BenchmarkTable.Row r : rows) {
            if (!r.ok()) continue;
            max = Math.max(max, Math.max(r.result().avgMapNs(), r.result().avgUnmapNs()));
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"mean map and unmap latency per policy\">\n", width, height, width, height));
        s.append("<title>mean map / unmap latency per policy (&#181;s)</title>\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"#1e88e5\" class=\"map\"/><text x=\"%d\" y=\"16\">map</text>", labelW, labelW + 16));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"#fb8c00\" class=\"unmap\"/><text x=\"%d\" y=\"16\">unmap</text>\n",
                labelW + 70, labelW + 86));
        int y = top;
        for (BenchmarkTable.Row r : rows) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", labelW - 8, y + 25,
                    e(ProgramExecutor.policyName(r.policy()))));
            if (!r.ok()) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"refused\">refused by the platform</text>\n", labelW, y + 25));
            } else {
                bar(s, labelW, y + 4, barW, max, r.result().avgMapNs(), "map", "#1e88e5");
                bar(s, labelW, y + 22, barW, max, r.result().avgUnmapNs(), "unmap", "#fb8c00");
            }
            y += rowH;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void bar(StringBuilder s, int x, int y, int barW, double max, double ns, String cls, String fill) {
        double w = max <= 0 ? 0 : Math.max(ns > 0 ? 1 : 0, ns / max * barW);
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\" class=\"%s\"><title>%s %.3f &#181;s</title></rect>",
                x, y, w, fill, cls, cls, ns / 1000.0));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"val\">%.3f &#181;s</text>\n", x + w + 4, y + 13, ns / 1000.0));
    }

    private static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    /** Exact simulated nanoseconds shown in µs with three decimals. */
    private static String us(double ns) { return String.format(Locale.ROOT, "%.3f", ns / 1000.0); }

    private static String e(String s) { return Text.html(s); }

    private static final String CSS = ReportStyle.BASE + """
            tr.notmet { background: #fff3f3; } tr.folded td { font-style: italic; }
            tr.error td { color: #b71c1c; } tr.warning td { color: #8d6e00; }
            details.scenario { border: 1px solid #ddd; border-radius: 6px; margin: 0.6em 0; padding: 0.3em 0.8em; }
            details.scenario.fail { border-color: #e57373; }
            .met { color: #2e7d32; } .notmet { color: #c62828; } .none { color: #9e9e9e; }
            .why { color: #c62828; margin-top: 2px; }
            .finding { color: #6a1b9a; margin-top: 2px; } .dmadebug { color: #e65100; margin-top: 2px; }
            pre.dmadebug { white-space: pre-wrap; }
            .error { color: #b71c1c; } .refused { color: #757575; font-style: italic; }
            .benchmark { border: 1px solid #ddd; border-radius: 6px; margin: 0.8em 0; padding: 0.3em 0.8em; }
            svg.chart text { font-size: 12px; fill: #333; } svg.chart .val { fill: #555; font-size: 11px; }
            svg.chart rect.map { fill: #1e88e5; } svg.chart rect.unmap { fill: #fb8c00; }
            svg.chart text.refused { fill: #9e9e9e; font-style: italic; }
            """ + StateHtml.CSS;
}

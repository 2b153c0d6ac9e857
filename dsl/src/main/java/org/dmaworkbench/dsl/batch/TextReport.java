package org.dmaworkbench.dsl.batch;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkParams;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * The text form of a run's parts (the console writes them as they come: {@link TextStream}): each
 * step with its verdict ({@code ok} met, {@code NOT} not met, {@code -} no expectation), {@code file:line}, the statement, the explanation, findings and dma-debug
 * messages; failing steps add the expectation and why it failed; then the benchmark tables, a recap of
 * the failures and a summary.
 */
public final class TextReport {
    private TextReport() { }

    /** Diagnostics, at most {@link Workspace#MAX_SHOWN_PER_FILE} per file. */
    public static void diagnostics(List<Diagnostic> diags, PrintWriter err) {
        Map<String, Integer> shown = new LinkedHashMap<>();
        Map<String, Integer> hidden = new LinkedHashMap<>();
        for (Diagnostic d : diags) {
            if (d.severity() == Diagnostic.Severity.INFO) continue;
            int n = shown.merge(d.file(), 1, Integer::sum);
            if (n <= Workspace.MAX_SHOWN_PER_FILE) err.println(d);
            else hidden.merge(d.file(), 1, Integer::sum);
        }
        hidden.forEach((f, n) -> err.println(f + ": ... and " + Text.plural(n, "more diagnostic") + " not shown"));
    }

    /** After the files: the recap of failures (when any) and the summary line. */
    public static void footer(RunResults r, PrintWriter out) {
        String failures = failures(r);
        if (!failures.isEmpty()) out.print("\n" + failures);
        out.println();
        out.println(summary(r));
    }

    public static String scenarioHeader(ScenarioRun s) {
        var res = s.result();
        StringBuilder b = new StringBuilder();
        b.append(s.passed() ? "PASS  " : "FAIL  ").append(s.file()).append(':').append(res.line()).append("  ")
                .append(Text.oneLine(res.name())).append("  [");
        if (s.platform() != null) b.append("on ").append(s.platform()).append(", ");
        b.append(Text.plural(s.stepCount(), "step")).append(", ").append(s.met()).append('/').append(s.expectations())
                .append(" expectations met, ").append(Text.ms(res.simulatedNs())).append(" simulated]");
        return b.toString();
    }

    /** One scenario: its header line and every step. Also the JUnit report's system-out. */
    public static String scenario(ScenarioRun s) {
        StringBuilder b = new StringBuilder();
        b.append(scenarioHeader(s)).append('\n');
        var res = s.result();
        int w = 0;
        for (StepResult st : res.steps()) w = Math.max(w, (s.file() + ":" + st.line()).length());
        for (StepResult st : res.steps()) step(b, s.file(), w, st);
        if (s.omittedSteps() > 0) b.append(omitted(s)).append('\n');
        if (res.error() != null) b.append(stopped(s)).append('\n');
        return b.toString();
    }

    /** The line of a stopped scenario: {@code ERROR  file:line  the scenario stopped: why}. */
    static String stopped(ScenarioRun s) {
        return String.format(Locale.ROOT, "%5s  %s:%d  the scenario stopped: %s", "ERROR", s.file(), s.errorLine(), Text.oneLine(s.errorMessage()));
    }

    /** The count line of the steps a long scenario's kept results leave out. */
    static String omitted(ScenarioRun s) {
        return "       ... " + Text.plural(s.omittedSteps(), "more step") + " not kept (" + s.omittedFailures()
                + " of them not met): the report files have every step";
    }

    /** One step: verdict, {@code file:line} padded to {@code width}, the statement, the explanation; why it failed; findings, dma-debug. */
    static void step(StringBuilder b, String file, int width, StepResult st) {
        String pad = " ".repeat(8);
        String verdict = st.met() == null ? "-" : st.met() ? "ok" : "NOT";
        String loc = file + ":" + st.line();
        b.append(String.format(Locale.ROOT, "%5s  %-" + Math.max(1, width) + "s  %s", verdict, loc, Text.oneLine(st.text())));
        if (st.explanation() != null && !st.explanation().isEmpty()) b.append("  -> ").append(Text.oneLine(st.explanation()));
        b.append('\n');
        if (!st.passed()) {
            b.append(pad).append("expected: ").append(Text.oneLine(st.expected())).append('\n');
            b.append(pad).append("why:      ").append(Text.oneLine(st.failure())).append('\n');
        }
        for (Finding f : st.findings()) b.append(pad).append("finding ").append(Text.oneLine(String.valueOf(f))).append('\n');
        for (String d : st.dmaDebug()) {
            String[] lines = d.split("\\R");
            b.append(pad).append("dma-debug: ").append(Text.oneLine(lines[0])).append('\n');
            for (int i = 1; i < lines.length; i++) b.append(pad).append("           ").append(Text.oneLine(lines[i])).append('\n');
        }
    }

    public static String benchmarkHeader(BenchmarkRun r) {
        var spec = r.spec();
        StringBuilder b = new StringBuilder();
        b.append(r.passed() ? "BENCH " : "FAIL  ").append(spec.file()).append(':').append(spec.line()).append("  ")
                .append(Text.oneLine(spec.name())).append("  [");
        if (r.platform() != null) b.append("on ").append(r.platform()).append(", ");
        b.append("device ").append(spec.device());
        MapBenchmarkParams p = r.params();
        if (p != null) b.append(", ").append(p.threads()).append(" thread(s) x ").append(p.iterations()).append(" iterations");
        if (r.table() != null) {
            b.append(", ").append(r.rows().size() - r.refused()).append(" polic").append(r.rows().size() - r.refused() == 1 ? "y" : "ies")
                    .append(" run, ").append(r.refused()).append(" refused");
        }
        b.append(", ").append(Text.ms(r.wallNs())).append(" wall]");
        return b.toString();
    }

    /** One benchmark: the header, the dma_map_benchmark table (one row per policy), refused policies with why. */
    public static String benchmark(BenchmarkRun r) {
        StringBuilder b = new StringBuilder();
        b.append(benchmarkHeader(r)).append('\n');
        if (r.error() != null) {
            b.append(String.format(Locale.ROOT, "%5s  %s:%d  the benchmark did not run: %s%n", "ERROR", r.spec().file(), r.spec().line(),
                    Text.oneLine(r.error())));
            return b.toString();
        }
        BenchmarkTable t = r.table();
        String[] lines = t.format().split("\n", -1);
        // the first line is the title (in the header already); stop at the blank line before the per-policy kernel output
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) b.append("       ").append(lines[i]).append('\n');
        return b.toString();
    }

    /** "Failures:" and one entry per unmet expectation, stopped scenario or failed benchmark; empty when none. */
    public static String failures(RunResults r) {
        StringBuilder b = new StringBuilder();
        for (FileRun f : r.files()) {
            for (ScenarioRun s : f.scenarios()) {
                for (StepResult st : s.result().steps()) {
                    if (st.passed()) continue;
                    b.append("  ").append(s.file()).append(':').append(st.line()).append(": ").append(Text.oneLine(st.failure()))
                            .append("\n      in \"").append(Text.oneLine(s.result().name())).append("\": ").append(Text.oneLine(st.text()))
                            .append('\n');
                }
                if (s.omittedFailures() > 0) {
                    b.append("  ").append(s.file()).append(':').append(s.result().line()).append(": and ")
                            .append(Text.plural(s.omittedFailures(), "more unmet expectation")).append(" after these (the report files list every step)")
                            .append("\n      in \"").append(Text.oneLine(s.result().name())).append("\"\n");
                }
                if (s.result().error() != null) {
                    b.append("  ").append(s.file()).append(':').append(s.errorLine()).append(": the scenario stopped: ")
                            .append(Text.oneLine(s.errorMessage())).append("\n      in \"").append(Text.oneLine(s.result().name()))
                            .append("\"\n");
                }
            }
            for (BenchmarkRun br : f.benchmarks()) {
                if (br.passed()) continue;
                b.append("  ").append(br.spec().file()).append(':').append(br.spec().line()).append(": the benchmark did not run: ")
                        .append(Text.oneLine(br.error())).append("\n      in \"").append(Text.oneLine(br.spec().name())).append("\"\n");
            }
        }
        return b.isEmpty() ? "" : "Failures:\n" + b;
    }

    public static String summary(RunResults r) {
        return "Summary: " + counts(r) + ". Exit " + r.exitCode()
                + (r.exitCode() == RunResults.OK ? ": all expectations met." : r.exitCode() == RunResults.NOT_MET
                ? ": some expectations not met." : ": invalid input or nothing run.");
    }

    /** What ran and how it went, without the exit code: "2 scenarios (2 passed, 0 failed), 5 of 5 expectations met; 0 benchmarks". */
    public static String counts(RunResults r) {
        StringBuilder b = new StringBuilder();
        long sc = r.scenarios(), passed = r.scenariosPassed();
        b.append(Text.plural(sc, "scenario")).append(" (").append(passed).append(" passed, ").append(sc - passed).append(" failed), ");
        b.append(r.expectationsMet()).append(" of ").append(Text.plural(r.expectations(), "expectation")).append(" met; ");
        b.append(Text.plural(r.benchmarks(), "benchmark"));
        if (r.benchmarks() > 0) {
            b.append(" (").append(r.policiesRun()).append(" polic").append(r.policiesRun() == 1 ? "y" : "ies").append(" run, ")
                    .append(r.policiesRefused()).append(" refused by the platform");
            if (r.benchmarksFailed() > 0) b.append(", ").append(r.benchmarksFailed()).append(" did not run");
            b.append(')');
        }
        if (r.warnings() > 0) b.append("; ").append(Text.plural(r.warnings(), "warning"));
        return b.toString();
    }
}

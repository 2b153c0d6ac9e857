package org.dmaworkbench.dsl.ui.results;

import java.util.Map;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.TextReport;
import org.dmaworkbench.dsl.batch.capture.TraceText;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.run.StepResult;

/** The text the results view shows beside the tree for the selected row. */
final class Details {
    private Details() { }

    static String of(ResultNode n) {
        return switch (n) {
            case ResultNode.StepNode s -> step(s.step());
            case ResultNode.ScenarioNode s -> scenario(s.scenario());
            case ResultNode.BenchmarkNode b -> TextReport.benchmark(b.benchmark());
            case ResultNode.FileNode f -> file(f);
            case ResultNode.OmittedNode o -> o.label() + "\n\nA run keeps the first 1,000 steps of a scenario and up to 1,000 unmet steps"
                    + " after them; dmas-report.json (and the console) have every step.\n";
            case ResultNode.CaptureNode c -> captureSummary(c.capture());
            case ResultNode.DeviceNode d -> device(d);
            case ResultNode.FindingNode f -> finding(f.finding());
            case ResultNode.RelatedNode r -> "line " + r.finding().relatedLine() + ": " + r.finding().related() + "\n\nthe earlier event of:\n"
                    + r.finding().text() + "\n";
            case ResultNode.LiveNode l -> l.label() + "\n\nNo unmap of them is in the capture: a leak, or the capture ended first.\n";
            case ResultNode.MoreFindingsNode m -> m.label() + "\n";
        };
    }

    static String step(StepResult s) {
        StringBuilder sb = new StringBuilder();
        sb.append("line ").append(s.line()).append(": ").append(s.text().strip()).append("\n\n");
        sb.append("outcome:     ").append(s.outcome());
        if (s.value() != null) sb.append(" = ").append(s.value()).append(String.format(" (0x%x)", s.value()));
        sb.append('\n');
        if (s.faultClass() != null) {
            sb.append("fault:       ").append(s.faultClass());
            if (s.faultName() != null) sb.append("  ").append(s.faultName());
            if (s.faultCode() != null) sb.append(String.format("  (code 0x%x)", s.faultCode()));
            sb.append('\n');
        }
        if (s.expected() != null) sb.append("expected:    ").append(s.expected()).append(s.met() != null && s.met() ? "  (met)" : "  (NOT met)").append('\n');
        if (s.failure() != null) sb.append("failure:     ").append(s.failure()).append('\n');
        if (s.explanation() != null) sb.append("\nwhy: ").append(s.explanation()).append('\n');
        if (!s.findings().isEmpty()) {
            sb.append("\nfindings:\n");
            for (Finding f : s.findings()) sb.append("  ").append(f.kind().dslName()).append(": ").append(f.message()).append('\n');
        }
        if (!s.dmaDebug().isEmpty()) {
            sb.append("\ndma-debug:\n");
            for (String d : s.dmaDebug()) sb.append("  DMA-API: ").append(d).append('\n');
        }
        if (!s.events().isEmpty()) {
            sb.append("\nsimulator events:\n");
            for (String e : s.events()) sb.append("  ").append(e).append('\n');
        }
        sb.append("\ncost: ").append(s.costNs()).append(" ns (simulated)\n");
        return sb.toString();
    }

    static String scenario(ScenarioRun s) {
        StringBuilder sb = new StringBuilder(TextReport.scenarioHeader(s)).append("\n\n");
        if (s.result().error() != null) sb.append("stopped: ").append(s.result().error()).append("\n\n");
        if (!s.result().findings().isEmpty()) {
            sb.append("findings:\n");
            for (Finding f : s.result().findings()) sb.append("  line ").append(f.line()).append("  ").append(f.kind().dslName()).append(": ").append(f.message()).append('\n');
            sb.append('\n');
        }
        if (!s.result().dmaDebug().isEmpty()) {
            sb.append("dma-debug reports:\n");
            for (String d : s.result().dmaDebug()) sb.append("  DMA-API: ").append(d).append('\n');
            sb.append('\n');
        }
        sb.append("counters:\n");
        for (Map.Entry<String, Long> e : s.result().counters().entrySet()) {
            if (e.getValue() != 0) sb.append(String.format("  %-36s %d%n", e.getKey(), e.getValue()));
        }
        sb.append("\nsimulated time: ").append(s.result().simulatedNs()).append(" ns\n");
        return sb.toString();
    }

    /** The file's own summary (what ran in it), not the whole run's. */
    static String file(ResultNode.FileNode f) {
        FileRun run = f.file();
        long passed = run.scenarios().stream().filter(ScenarioRun::passed).count();
        long expectations = run.scenarios().stream().mapToLong(ScenarioRun::expectations).sum();
        long met = run.scenarios().stream().mapToLong(ScenarioRun::met).sum();
        long benchFailed = run.benchmarks().stream().filter(b -> !b.passed()).count();
        StringBuilder sb = new StringBuilder(run.file()).append("\n\n");
        sb.append(Text.plural(run.scenarios().size(), "scenario")).append(" (").append(passed).append(" passed, ")
                .append(run.scenarios().size() - passed).append(" failed), ").append(met).append(" of ")
                .append(Text.plural(expectations, "expectation")).append(" met; ").append(Text.plural(run.benchmarks().size(), "benchmark"));
        if (benchFailed > 0) sb.append(" (").append(benchFailed).append(" did not run)");
        sb.append('.');
        if (f.run().cancelled()) sb.append("\n(cancelled)");
        return sb.toString();
    }

    /** What {@code ./dmas trace} prints after a capture's findings: what was read and skipped, each device's statistics. */
    static String captureSummary(CaptureResult r) {
        if (r.unreadable()) return r.problem() + "\n";
        java.io.StringWriter w = new java.io.StringWriter();
        TraceText.summary(r, new java.io.PrintWriter(w, true));
        return w.toString();
    }

    static String device(ResultNode.DeviceNode d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.stats() != null ? TraceText.device(d.stats()) : d.device() + ": no dma: event in the capture").append("\n\n");
        for (CaptureFinding f : d.findings().subList(0, Math.min(d.findings().size(), 50))) sb.append(f.text()).append('\n');
        if (d.findings().size() > 50) sb.append("... and ").append(d.findings().size() - 50).append(" more\n");
        return sb.toString();
    }

    static String finding(CaptureFinding f) {
        StringBuilder sb = new StringBuilder(f.text()).append("\n\n");
        sb.append("kind:    ").append(f.kind().label()).append('\n');
        sb.append("event:   ").append(f.event()).append(" (line ").append(f.line()).append(")\n");
        if (f.check() != null) sb.append("check:   dma-debug ").append(f.check()).append('\n');
        if (f.dmaAddr() != 0) sb.append("address: 0x").append(Long.toHexString(f.dmaAddr())).append('\n');
        if (f.relatedLine() > 0) sb.append("earlier: line ").append(f.relatedLine()).append(" (its row below this one jumps there)\n");
        if (f.kind() == CaptureFinding.Kind.UNCERTAIN) sb.append("\nUncertain: it depends on events the capture may lack; not a violation.\n");
        return sb.toString();
    }
}

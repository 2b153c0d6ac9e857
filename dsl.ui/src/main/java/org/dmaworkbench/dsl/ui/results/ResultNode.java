package org.dmaworkbench.dsl.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.DeviceStats;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * A row of the results tree: file > scenario > step, or file > benchmark; for a kernel capture check
 * (capture >) device > finding (> the earlier event it conflicts with), and the mappings live at the end.
 */
public sealed interface ResultNode {
    enum Verdict { PASSED, FAILED, ERROR, NEUTRAL }

    RunRecord run();
    String label();
    Verdict verdict();
    /** The 1-based line in {@link #file()} this row jumps to. */
    int line();
    /** The name of the file this row belongs to, as the run reports it. */
    String fileName();
    List<ResultNode> children();

    record FileNode(RunRecord run, FileRun file) implements ResultNode {
        public String label() { return file.file(); }
        public Verdict verdict() {
            boolean failed = file.scenarios().stream().anyMatch(s -> !s.passed()) || file.benchmarks().stream().anyMatch(b -> !b.passed());
            if (failed) return Verdict.FAILED;
            return file.scenarios().isEmpty() && file.benchmarks().isEmpty() ? Verdict.NEUTRAL : Verdict.PASSED;
        }
        public int line() { return 1; }
        public String fileName() { return file.file(); }
        public List<ResultNode> children() {
            List<ResultNode> out = new ArrayList<>();
            for (ScenarioRun s : file.scenarios()) out.add(new ScenarioNode(run, s));
            for (BenchmarkRun b : file.benchmarks()) out.add(new BenchmarkNode(run, b));
            return out;
        }
    }

    record ScenarioNode(RunRecord run, ScenarioRun scenario) implements ResultNode {
        public String label() {
            return scenario.result().name() + "  (" + scenario.met() + "/" + scenario.expectations() + " expectations met)";
        }
        public Verdict verdict() {
            if (scenario.result().error() != null) return Verdict.ERROR;
            return scenario.passed() ? Verdict.PASSED : Verdict.FAILED;
        }
        public int line() { return scenario.result().line(); }
        public String fileName() { return scenario.file(); }
        public List<ResultNode> children() {
            List<ResultNode> out = new ArrayList<>();
            for (StepResult s : scenario.result().steps()) out.add(new StepNode(run, scenario, s));
            if (scenario.omittedSteps() > 0) out.add(new OmittedNode(run, scenario));
            return out;
        }
    }

    record StepNode(RunRecord run, ScenarioRun scenario, StepResult step) implements ResultNode {
        public String label() {
            String outcome = step.faultName() != null ? "fault " + step.faultName()
                    : step.explanation() != null && !step.explanation().isBlank() ? step.explanation() : step.outcome();
            if (outcome.length() > 90) outcome = outcome.substring(0, 87) + "...";
            return step.line() + ": " + step.text().strip() + "  \u2192 " + outcome;
        }
        public Verdict verdict() {
            if (step.met() == null) return Verdict.NEUTRAL;
            return step.met() ? Verdict.PASSED : Verdict.FAILED;
        }
        public int line() { return step.line(); }
        public String fileName() { return scenario.file(); }
        public List<ResultNode> children() { return List.of(); }
    }

    /**
     * The steps of a long scenario the run did not keep (it keeps the first 1,000 and up to 1,000 unmet
     * ones after them: {@code ProgramExecutor.Retention.BOUNDED}); the report files have every step.
     */
    record OmittedNode(RunRecord run, ScenarioRun scenario) implements ResultNode {
        public String label() {
            return "... " + scenario.omittedSteps() + " more steps not kept (" + scenario.omittedFailures() + " of them not met): see the report files";
        }
        public Verdict verdict() { return scenario.omittedFailures() > 0 ? Verdict.FAILED : Verdict.NEUTRAL; }
        public int line() { return scenario.result().line(); }
        public String fileName() { return scenario.file(); }
        public List<ResultNode> children() { return List.of(); }
    }

    record BenchmarkNode(RunRecord run, BenchmarkRun benchmark) implements ResultNode {
        public String label() { return "benchmark " + benchmark.spec().name(); }
        public Verdict verdict() { return benchmark.passed() ? (benchmark.refused() > 0 ? Verdict.ERROR : Verdict.PASSED) : Verdict.FAILED; }
        public int line() { return benchmark.spec().line(); }
        public String fileName() { return benchmark.spec().file(); }
        public List<ResultNode> children() { return List.of(); }
    }

    /** Findings shown per device; the console and the markers have them all (up to the check's 10,000). */
    int SHOWN_FINDINGS = 1000;

    /** The rows of a capture check's tree: its devices when one file was checked, else a row per file. */
    static List<ResultNode> captureRows(RunRecord run) {
        List<ResultNode> out = new ArrayList<>();
        List<CaptureResult> results = run.captures().results();
        for (CaptureResult r : results) {
            if (results.size() == 1 && !r.unreadable()) out.addAll(devices(run, r));
            else out.add(new CaptureNode(run, r));
        }
        return out;
    }

    /** One row per device: those with statistics in order of appearance, then those only findings name. */
    static List<ResultNode> devices(RunRecord run, CaptureResult r) {
        Map<String, List<CaptureFinding>> by = new LinkedHashMap<>();
        Map<String, DeviceStats> stats = new LinkedHashMap<>();
        for (DeviceStats d : r.devices()) {
            stats.put(d.device(), d);
            by.put(d.device(), new ArrayList<>());
        }
        for (CaptureFinding f : r.findings()) by.computeIfAbsent(f.device() == null || f.device().isEmpty() ? "(no device)" : f.device(), k -> new ArrayList<>()).add(f);
        List<ResultNode> out = new ArrayList<>();
        for (Map.Entry<String, List<CaptureFinding>> e : by.entrySet()) out.add(new DeviceNode(run, r, e.getKey(), stats.get(e.getKey()), e.getValue()));
        return out;
    }

    private static Verdict verdict(CaptureFinding f) {
        return f.kind() == CaptureFinding.Kind.UNCERTAIN ? Verdict.NEUTRAL : Verdict.FAILED;
    }

    /** A file of a capture check of several files (or one that could not be read). */
    record CaptureNode(RunRecord run, CaptureResult capture) implements ResultNode {
        public String label() {
            return capture.unreadable() ? capture.problem() : capture.file() + "  (" + capture.violations() + " violations, "
                    + capture.faults() + " faults, " + capture.uncertain() + " uncertain)";
        }
        public Verdict verdict() {
            if (capture.unreadable()) return Verdict.ERROR;
            return capture.anyFound() ? Verdict.FAILED : Verdict.PASSED;
        }
        public int line() { return 1; }
        public String fileName() { return capture.file(); }
        public List<ResultNode> children() { return capture.unreadable() ? List.of() : devices(run, capture); }
    }

    /** A device of a capture: its findings, then its mappings still live at the end. */
    record DeviceNode(RunRecord run, CaptureResult capture, String device, DeviceStats stats, List<CaptureFinding> findings) implements ResultNode {
        public String label() {
            long v = findings.stream().filter(f -> f.kind() == CaptureFinding.Kind.VIOLATION).count();
            long f = findings.stream().filter(x -> x.kind() == CaptureFinding.Kind.FAULT).count();
            long u = findings.size() - v - f;
            StringBuilder sb = new StringBuilder(device).append("  (");
            sb.append(v).append(v == 1 ? " violation, " : " violations, ").append(f).append(f == 1 ? " fault" : " faults");
            if (u > 0) sb.append(", ").append(u).append(" uncertain");
            if (stats != null) sb.append("; ").append(stats.maps()).append(" maps, ").append(stats.liveAtEnd()).append(" live at the end");
            return sb.append(')').toString();
        }
        public Verdict verdict() {
            for (CaptureFinding f : findings) if (f.kind() != CaptureFinding.Kind.UNCERTAIN) return Verdict.FAILED;
            return Verdict.PASSED;
        }
        public int line() { return findings.isEmpty() ? (stats != null && stats.liveAtEnd() > 0 ? (int) stats.oldestLiveLine() : 1) : (int) findings.get(0).line(); }
        public String fileName() { return capture.file(); }
        public List<ResultNode> children() {
            List<ResultNode> out = new ArrayList<>();
            for (CaptureFinding f : findings.subList(0, Math.min(findings.size(), SHOWN_FINDINGS))) out.add(new FindingNode(run, capture, f));
            if (findings.size() > SHOWN_FINDINGS) out.add(new MoreFindingsNode(run, capture, findings.size() - SHOWN_FINDINGS));
            if (stats != null && stats.liveAtEnd() > 0) out.add(new LiveNode(run, capture, stats));
            return out;
        }
    }

    /** A violation, fault or uncertain verdict at its trace line; its child is the earlier event it conflicts with. */
    record FindingNode(RunRecord run, CaptureResult capture, CaptureFinding finding) implements ResultNode {
        public String label() {
            String m = finding.message().replace("\n", " ");
            if (m.length() > 110) m = m.substring(0, 107) + "...";
            return "line " + finding.line() + ": " + finding.kind().label() + ": " + m;
        }
        public Verdict verdict() { return ResultNode.verdict(finding); }
        public int line() { return (int) Math.min(Integer.MAX_VALUE, finding.line()); }
        public String fileName() { return capture.file(); }
        public List<ResultNode> children() {
            return finding.relatedLine() > 0 ? List.of(new RelatedNode(run, capture, finding)) : List.of();
        }
    }

    /** The earlier event a finding conflicts with ("mapped at line 16"): double-click jumps there. */
    record RelatedNode(RunRecord run, CaptureResult capture, CaptureFinding finding) implements ResultNode {
        public String label() {
            String r = finding.related() == null || finding.related().isEmpty() ? "the earlier event" : finding.related();
            return "line " + finding.relatedLine() + ": " + r;
        }
        public Verdict verdict() { return Verdict.NEUTRAL; }
        public int line() { return (int) Math.min(Integer.MAX_VALUE, finding.relatedLine()); }
        public String fileName() { return capture.file(); }
        public List<ResultNode> children() { return List.of(); }
    }

    /** The mappings of a device still live at the end of the capture: double-click jumps to the oldest. */
    record LiveNode(RunRecord run, CaptureResult capture, DeviceStats stats) implements ResultNode {
        public String label() {
            return stats.liveAtEnd() + " mappings live at the end (" + stats.liveBytesAtEnd() + " bytes), the oldest mapped at line "
                    + stats.oldestLiveLine() + " (0x" + Long.toHexString(stats.oldestLiveAddr()) + ")";
        }
        public Verdict verdict() { return Verdict.NEUTRAL; }
        public int line() { return (int) Math.min(Integer.MAX_VALUE, stats.oldestLiveLine()); }
        public String fileName() { return capture.file(); }
        public List<ResultNode> children() { return List.of(); }
    }

    /** Findings of a device past {@link #SHOWN_FINDINGS}. */
    record MoreFindingsNode(RunRecord run, CaptureResult capture, int more) implements ResultNode {
        public String label() { return "... " + more + " more findings: see the console and the Problems view"; }
        public Verdict verdict() { return Verdict.NEUTRAL; }
        public int line() { return 1; }
        public String fileName() { return capture.file(); }
        public List<ResultNode> children() { return List.of(); }
    }
}

package org.dmaworkbench.dsl.ui.results;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.run.StepResult;

/** A row of the results tree: file > scenario > step, or file > benchmark. */
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
}

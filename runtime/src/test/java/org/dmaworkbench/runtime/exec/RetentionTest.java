package org.dmaworkbench.runtime.exec;

import static org.dmaworkbench.runtime.program.Arg.num;
import static org.dmaworkbench.runtime.program.Arg.str;
import static org.dmaworkbench.runtime.program.Arg.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.dmaworkbench.runtime.run.StepResult;
import org.junit.jupiter.api.Test;

/** What a run keeps of a long scenario: every step goes to the listener; the result keeps the first and the unmet ones, counts all. */
class RetentionTest {
    private static ScenarioProgram checks(int n, int failEvery) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // fq.flushes is 0: "== 0" holds, "== 1" does not
            steps.add(Step.call(i + 2, "check", str("fq.flushes"), sym("=="), num(i % failEvery == failEvery - 1 ? 1 : 0)));
        }
        PlatformSpec p = new PlatformSpec("p", List.of(new IommuSpec("smmu0", "arm-smmuv3", 48, 20, 256, 10, false)), "strict", "", 1024, 1,
                Map.of());
        return new ScenarioProgram("long", "t.dmas", 1, p, List.of(), steps);
    }

    @Test
    void aBoundedRunKeepsTheFirstStepsAndTheUnmetOnesUpToTheirLimitAndCountsEveryStep() {
        ScenarioProgram prog = checks(5000, 10); // 500 unmet, 400 of them after the first 1000 steps
        List<StepResult> told = new ArrayList<>();
        ProgramExecutor ex = new ProgramExecutor(ProgramExecutor.nameFilter(null), new ProgramExecutor.Retention(1000, 300));
        ScenarioRun run = ex.run(prog, new ProgramExecutor.Listener() {
            @Override public void step(ScenarioProgram p, StepResult r) { told.add(r); }
        });
        assertEquals(5000, told.size(), "the listener is told every step");
        assertEquals(5000, run.stepCount());
        assertEquals(5000, run.expectations());
        assertEquals(4500, run.met());
        assertFalse(run.passed());
        List<StepResult> kept = run.result().steps();
        assertEquals(1300, kept.size(), "the first 1000 and 300 unmet ones after them");
        assertEquals(told.subList(0, 1000), kept.subList(0, 1000));
        assertEquals(told.stream().skip(1000).filter(s -> !s.passed()).limit(300).toList(), kept.subList(1000, 1300));
        assertEquals(3700, run.omittedSteps());
        assertEquals(100, run.omittedFailures(), "500 unmet: 100 in the first 1000, 300 kept after them, 100 left out");
    }

    @Test
    void theDefaultKeepsEveryStep() {
        ScenarioRun run = new ProgramExecutor((String) null).run(checks(2500, 7));
        assertEquals(2500, run.result().steps().size());
        assertEquals(0, run.omittedSteps());
        assertEquals(0, run.omittedFailures());
        assertEquals(2500 - 2500 / 7, run.met());
    }
}

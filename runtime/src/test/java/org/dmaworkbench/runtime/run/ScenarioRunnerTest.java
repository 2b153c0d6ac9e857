package org.dmaworkbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.program.Arg;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.Expectation;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.junit.jupiter.api.Test;

/** The language issue's contract scenarios run through the runner: every annotated outcome holds. */
class ScenarioRunnerTest {
    private final ScenarioRunner runner = new ScenarioRunner();

    private static StepResult at(ScenarioResult r, int line) {
        return r.steps().stream().filter(s -> s.line() == line).findFirst().orElseThrow();
    }

    @Test
    void globalPasidScenarioMeetsEveryExpectation() {
        ScenarioResult r = runner.run(SeedScenarios.globalPasid());
        assertNull(r.error());
        assertTrue(r.passed(), () -> "failures: " + r.failures());
        assertEquals(0x85, at(r, 14).faultCode(), "VT-d: SM write not permitted");
        assertTrue(at(r, 18).explanation().contains("unmapped at line 15"), at(r, 18).explanation());
        assertTrue(at(r, 18).explanation().contains("flushed at line 17"), at(r, 18).explanation());
        assertTrue(r.counters().get("fq.flushes") >= 1);
    }

    @Test
    void untrustedScenarioMeetsEveryExpectation() {
        ScenarioResult r = runner.run(SeedScenarios.untrusted());
        assertTrue(r.passed(), () -> "failures: " + r.failures() + " error " + r.error());
        assertTrue(at(r, 23).explanation().contains("DMA domain"), at(r, 23).explanation());
        assertTrue(r.counters().get("swiotlb.bounces") >= 1);
    }

    @Test
    void aBrokenExpectationIsReportedWithItsLineAndWhy() {
        ScenarioProgram p = SeedScenarios.globalPasid();
        List<Step> steps = new ArrayList<>(p.steps());
        // expect the stale read after unmap to fault instead: wrong under lazy flushing
        steps.set(12, steps.get(12).expect(Expectation.fault("not-present")));
        ScenarioResult r = runner.run(new ScenarioProgram(p.name(), p.file(), p.line(), p.platform(), p.devices(), steps));
        assertFalse(r.passed());
        assertEquals(1, r.failures().size());
        StepResult f = r.failures().get(0);
        assertEquals(16, f.line());
        assertTrue(f.failure().startsWith("expected fault not-present, but the DMA completed"), f.failure());
    }

    @Test
    void strictPlatformFaultsRightAfterUnmap() {
        ScenarioProgram p = SeedScenarios.globalPasid();
        var strict = new org.dmaworkbench.runtime.program.PlatformSpec("spr", p.platform().iommus(), "lazy", "iommu.strict=1",
                4096, 1, java.util.Map.of());
        ScenarioResult r = runner.run(new ScenarioProgram(p.name(), p.file(), p.line(), strict, p.devices(), p.steps()));
        StepResult stale = at(r, 16);
        assertEquals("fault", stale.outcome(), stale.explanation());
        assertEquals("not-present", stale.faultClass());
        assertFalse(stale.passed());
    }

    @Test
    void unknownNamesStopTheScenarioWithTheLine() {
        ScenarioProgram p = new ScenarioProgram("bad", "bad.dmas", 1, SeedScenarios.spr(), SeedScenarios.devices(),
                List.of(Step.call(2, "dma_map_single", Arg.ref("nosuch"), Arg.ref("buf"), Arg.num(64), Arg.sym("DMA_TO_DEVICE"))));
        ScenarioResult r = runner.run(p);
        assertFalse(r.passed());
        assertEquals("line 2: unknown name 'nosuch'", r.error());
    }

    @Test
    void compiledProgramsRoundTripThroughJsonAndRunTheSame() {
        CompiledFile f = new CompiledFile("seed.dmas", List.of(SeedScenarios.globalPasid(), SeedScenarios.untrusted()), List.of());
        String json = ProgramJson.write(f);
        CompiledFile back = ProgramJson.readCompiledFile(json);
        assertEquals(f, back);
        ScenarioResult a = runner.run(f.scenarios().get(0));
        ScenarioResult b = runner.run(back.scenarios().get(0));
        assertEquals(a.steps().stream().map(StepResult::explanation).toList(), b.steps().stream().map(StepResult::explanation).toList());
        ScenarioResult r2 = ResultJson.read(ResultJson.write(a));
        assertEquals(a.passed(), r2.passed());
        assertEquals(a.steps().size(), r2.steps().size());
        assertNotNull(r2.steps().get(10).faultName());
    }

    @Test
    void malformedJsonIsAReadableError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ProgramJson.readCompiledFile("{\"version\": 7, \"content\": {}}"));
        assertEquals("compiled program format 7, this runtime reads 1", e.getMessage());
    }
}

package org.dmaworkbench.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.program.Expectation;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.dmaworkbench.runtime.state.DomainState;
import org.dmaworkbench.runtime.state.IommuState;
import org.dmaworkbench.runtime.state.IotlbEntryState;
import org.dmaworkbench.runtime.state.StateChange;
import org.dmaworkbench.runtime.state.StateDiff;
import org.dmaworkbench.runtime.state.StateJson;
import org.dmaworkbench.runtime.state.StateText;
import org.junit.jupiter.api.Test;

/** States taken by a run when asked: after which steps, what they hold, their diff, JSON and text. */
class StateRequestTest {
    private final ScenarioRunner runner = new ScenarioRunner();

    private Map<Integer, IommuState> states(ScenarioProgram p, StateRequest req, List<StepResult> steps) {
        Map<Integer, IommuState> out = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        runner.run(p, r -> {
            steps.add(r);
            order.add(r.line());
        }, false, req, (r, s) -> {
            assertFalse(order.contains(r.line()), "a state is told before its step");
            out.put(r.line(), s);
        });
        return out;
    }

    private static DomainState dsaDomain(IommuState s) {
        return s.domain(s.device("dsa0").domain());
    }

    @Test
    void noneTakesNoStateAndAllTakesOneAfterEveryTopLevelStep() {
        List<StepResult> steps = new ArrayList<>();
        assertTrue(states(SeedScenarios.globalPasid(), StateRequest.NONE, steps).isEmpty());
        steps.clear();
        Map<Integer, IommuState> all = states(SeedScenarios.globalPasid(), StateRequest.ALL, steps);
        assertEquals(steps.stream().map(StepResult::line).toList(), List.copyOf(all.keySet()));
        all.forEach((line, s) -> assertEquals(line, s.line()));
    }

    @Test
    void lazyUnmapMakesBothPasidsEntriesStaleAndTheDiffSaysSo() {
        Map<Integer, IommuState> all = states(SeedScenarios.globalPasid(), StateRequest.ALL, new ArrayList<>());
        DomainState at13 = dsaDomain(all.get(13));
        assertEquals(List.of(0, 1), at13.iotlb().stream().map(IotlbEntryState::pasid).toList(), "RID and PASID 1 each cached the page");
        assertTrue(at13.iotlb().stream().noneMatch(IotlbEntryState::stale));
        DomainState at15 = dsaDomain(all.get(15));
        assertTrue(at15.iotlb().stream().allMatch(IotlbEntryState::stale), "unmapped, still cached: " + at15.iotlb());

        StateDiff d = StateDiff.between(all.get(14), all.get(15));
        assertEquals(14, d.fromLine());
        String s = " domain " + at15.id();
        assertEquals(1, count(d, "mappings" + s, StateChange.Kind.REMOVED));
        assertEquals(2, count(d, "iotlb" + s, StateChange.Kind.BECAME_STALE));
        assertEquals(1, count(d, "flush-queue" + s, StateChange.Kind.ADDED));
        assertEquals(1, count(d, "dma-debug dsa0", StateChange.Kind.REMOVED), "dma-debug forgets the entry at unmap");
        assertTrue(d.changes().stream().noneMatch(c -> c.section().startsWith("iova")), "the IOVA stays allocated: " + d.changes());

        StateDiff flushed = StateDiff.between(all.get(16), all.get(17));
        assertEquals(2, count(flushed, "iotlb" + s, StateChange.Kind.REMOVED), "the timer's flush_iotlb_all");
        assertEquals(1, count(flushed, "flush-queue" + s, StateChange.Kind.REMOVED));
        assertEquals(1, count(flushed, "iova" + s, StateChange.Kind.REMOVED), "only then is the IOVA freed");
        assertTrue(StateDiff.between(all.get(17), all.get(18)).changes().stream().noneMatch(c -> c.section().contains("domain")),
                "a faulting read changes nothing cached");

        String text = StateText.render(d, "  ");
        assertTrue(text.startsWith("  changed since line 14\n"), text);
        assertTrue(text.contains("! iotlb" + s + ": PASID 1 "), text);
        assertTrue(text.contains("STALE: unmapped at line 15, not yet invalidated"), text);
    }

    private static long count(StateDiff d, String section, StateChange.Kind kind) {
        return d.changes().stream().filter(c -> c.section().equals(section) && c.kind() == kind).count();
    }

    @Test
    void failingTakesTheStepsWithAnUnmetExpectationAFindingOrADmaDebugReport() {
        ScenarioProgram p = SeedScenarios.globalPasid();
        List<Step> broken = new ArrayList<>(p.steps());
        broken.set(8, broken.get(8).expect(Expectation.fault("not-present"))); // line 12 completes
        ScenarioProgram q = new ScenarioProgram(p.name(), p.file(), p.line(), p.platform(), p.devices(), broken);
        List<StepResult> steps = new ArrayList<>();
        Map<Integer, IommuState> failing = states(q, StateRequest.FAILING, steps);
        assertEquals(steps.stream().filter(StateRequest::failing).map(StepResult::line).toList(), List.copyOf(failing.keySet()));
        assertTrue(failing.containsKey(12), "the unmet expectation");
        assertTrue(failing.containsKey(16), "the stale-iotlb finding (expected, but what a reviewer looks at)");
        assertFalse(failing.containsKey(13));
    }

    @Test
    void aViewGetsTheSameStateForOneStepByRunningAgain() {
        ScenarioProgram p = SeedScenarios.globalPasid();
        Map<Integer, IommuState> all = states(p, StateRequest.ALL, new ArrayList<>());
        assertEquals(all.get(16), ProgramExecutor.stateAfter(p, 16), "runs are deterministic");
        assertNull(ProgramExecutor.stateAfter(p, 99), "no step at that line");
    }

    @Test
    void aStateAndADiffRoundTripThroughJson() {
        Map<Integer, IommuState> all = states(SeedScenarios.globalPasid(), StateRequest.ALL, new ArrayList<>());
        IommuState s = all.get(15);
        String json = StateJson.write(s);
        assertTrue(json.contains("\"iova\": \"0x"), "addresses as hex strings");
        assertTrue(json.contains("\"staleWhy\": null") || json.contains("\"staleWhy\": \"unmapped"), json);
        assertEquals(s, StateJson.read(json));
        String diff = StateJson.write(StateDiff.between(all.get(14), s));
        assertTrue(diff.contains("\"kind\": \"became-stale\""), diff);
        assertNotNull(StateJson.tree(s).getAsJsonObject().get("devices"));
    }

    @Test
    void parsesTheCommandLineSpellings() {
        assertEquals(StateRequest.FAILING, StateRequest.parse(""));
        assertEquals(StateRequest.FAILING, StateRequest.parse("failing"));
        assertEquals(StateRequest.ALL, StateRequest.parse("ALL"));
        assertEquals(StateRequest.NONE, StateRequest.parse("none"));
        assertNull(StateRequest.parse("every"));
    }
}

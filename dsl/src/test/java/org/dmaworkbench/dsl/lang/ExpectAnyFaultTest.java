package org.dmaworkbench.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.StepResult;
import org.junit.jupiter.api.Test;

/** {@code expect fault} without a class means "any fault": a fault of any class meets it, a completed DMA does not. */
class ExpectAnyFaultTest {
    private static final String SCENARIO = """
            import "platforms/lab.dmas"
            scenario "any fault" on spr {
                probe dsa0
                buffer buf = kmalloc(4096)
                dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)
                dma_mapping_error(dsa0, a)                                expect false
                dma dsa0 write a len 64                                   expect fault
                dma dsa0 read 0x7000000 len 64                            expect fault
                dma dsa0 read a len 64                                    expect fault
            }
            """;

    @Test
    void anyFaultClassMeetsItAndACompletedDmaDoesNot() {
        Pipeline p = Pipeline.run(SCENARIO);
        assertTrue(p.errorsAndWarnings().isEmpty(), p::describe);
        ScenarioResult r = p.results.get(0);
        StepResult writeNotPermitted = step(r, 7), notPresent = step(r, 8), completed = step(r, 9);
        assertEquals("write-not-permitted", writeNotPermitted.faultClass());
        assertTrue(writeNotPermitted.met(), writeNotPermitted::toString);
        assertEquals("not-present", notPresent.faultClass());
        assertTrue(notPresent.met(), notPresent::toString);
        assertFalse(completed.met(), completed::toString);
        assertTrue(completed.failure().startsWith("expected fault, but the DMA completed"), completed.failure());
        assertEquals("fault", completed.expected());
    }

    @Test
    void onAStatementThatCannotFaultItIsImpossible() {
        Pipeline p = Pipeline.check("""
                import "platforms/lab.dmas"
                scenario "s" on spr {
                    buffer buf = kmalloc(4096)        expect fault
                }
                """);
        assertEquals(1, p.errors().size(), p::describe);
        assertEquals("org.dmaworkbench.dsl.expect-impossible", p.errors().get(0).getCode());
        assertEquals(3, p.errors().get(0).getLineNumber());
    }

    private static StepResult step(ScenarioResult r, int line) {
        return r.steps().stream().filter(s -> s.line() == line).findFirst().orElseThrow(() -> new AssertionError("no step on line " + line + ": " + r));
    }
}

package org.dmaworkbench.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Broken models (what a user has mid-typing) reach every validator: none may throw. Each check that
 * throws is logged by {@code DmasCheckBase}; {@link LoggedErrors} fails on any.
 */
class BrokenModelValidationTest {

    @Test
    void aCallWithNoNameGetsSyntaxErrorsAndNoValidatorFails() {
        try (LoggedErrors logged = new LoggedErrors()) {
            Pipeline p = Pipeline.check("""
                    import "platforms/lab.dmas"
                    scenario "s" on spr {
                        probe dsa0
                        dma_addr b = ((dsa0, 4096)
                        dma_unmap_single(dsa0, b, 4096, DMA_TO_DEVICE)
                    }
                    """);
            assertFalse(p.errors().isEmpty(), p::describe);
            assertEquals(4, p.errors().get(0).getLineNumber(), p::describe);
            assertEquals(List.of(), logged.messages());
        }
    }
}

package org.dmaworkbench.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Where the validator and the runtime share a rule, they give one answer: the warning or error says what the run does. */
class OneRuleTest {
    private static final String HEAD = "import \"platforms/lab.dmas\"\nscenario \"s\" on spr {\n    probe dsa0\n";

    @Test
    void kmallocAboveKmallocMaxSizeIsWarnedAndReturnsNull() {
        Pipeline p = Pipeline.run(HEAD + "    buffer b = kmalloc(4194305)\n    buffer c = kmalloc(4194304)\n}\n");
        List<Issue> w = p.errorsAndWarnings();
        assertEquals(1, w.size(), p::describe);
        assertEquals(IssueCodes.SIZE_TOO_LARGE, w.get(0).getCode());
        assertEquals(4, w.get(0).getLineNumber());
        assertNull(p.results.get(0).error(), p::describe);
        assertTrue(p.results.get(0).steps().get(1).explanation().contains("returns NULL: above KMALLOC_MAX_SIZE"), p::describe);
        assertTrue(p.results.get(0).steps().get(2).explanation().startsWith("kmalloc 'c'"), p::describe);
    }

    @Test
    void anAccessAboveTheRuntimesBoundIsAnErrorOnItsLength() {
        Pipeline p = Pipeline.check(HEAD + "    buffer b = kmalloc(64)\n    cpu write b len 2 GiB\n    dma dsa0 read 0x1000 len 4096 GiB\n}\n");
        List<Issue> e = p.errors();
        assertEquals(2, e.size(), p::describe);
        assertEquals(List.of(5, 6), e.stream().map(Issue::getLineNumber).toList(), p::describe);
        assertTrue(e.get(1).getMessage().contains("one access moves at most 1 GiB"), p::describe);
    }
}

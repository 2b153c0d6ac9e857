package org.dmaworkbench.dsl.validation;

import static org.eclipse.xtext.diagnostics.Severity.ERROR;
import static org.eclipse.xtext.diagnostics.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Concern 7: units and sizes (bad/sizes.dmas; limits themselves in good/limits.dmas). */
class SizeValidationTest {
    private final ValidationFixture f = ValidationFixture.of("bad/sizes.dmas");

    @Test
    void zeroSizedAllocation() {
        f.assertAt(IssueCodes.ZERO_SIZE, WARNING, "kmalloc(0)", "0");
    }

    @Test
    void kmallocAboveKmallocMaxSize() {
        Issue i = f.assertAt(IssueCodes.SIZE_TOO_LARGE, WARNING, "kmalloc(8 MiB)", "8 MiB");
        assertArrayEquals(new String[] {"4194304"}, i.getData());
        assertTrue(i.getMessage().contains("KMALLOC_MAX_SIZE is 4 MiB on x86"), i.getMessage());
        f.assertAt(IssueCodes.SIZE_TOO_LARGE, WARNING, "vmalloc(2 GiB)", "2 GiB");
    }

    @Test
    void allocPagesOrderAboveMaxPageOrder() {
        Issue i = f.assertAt(IssueCodes.ORDER_TOO_LARGE, ERROR, "alloc_pages(11)", "11");
        assertArrayEquals(new String[] {"10"}, i.getData());
    }

    @Test
    void zeroLengthAccess() {
        f.assertAt(IssueCodes.ZERO_LENGTH, WARNING, "dma dsa0 read 0x1000 len 0", "0");
        f.assertAt(IssueCodes.ZERO_LENGTH, WARNING, "cpu write v len 0", "0");
    }

    @Test
    void repeatCountZeroOrAboveTheRunnersBound() {
        f.assertAt(IssueCodes.REPEAT_COUNT, WARNING, "repeat 0 {", "0");
        Issue i = f.assertAt(IssueCodes.REPEAT_COUNT, ERROR, "repeat 2000000", "2000000");
        assertArrayEquals(new String[] {"1000000"}, i.getData());
    }

    @Test
    void durationAboveAnHour() {
        f.assertAt(IssueCodes.LONG_DURATION, WARNING, "advance 7200 sec", "7200 sec");
    }

    @Test
    void costOverrideMustNameACostModelComponent() {
        Issue i = f.assertAt(IssueCodes.UNKNOWN_COST, ERROR, "cost syncWait", "syncWait");
        assertArrayEquals(new String[] {"syncWaitNs"}, i.getData());
    }

    @Test
    void limitsThemselvesAreFine() {
        ValidationFixture.of("good/limits.dmas").assertNoErrorsOrWarnings();
    }
}

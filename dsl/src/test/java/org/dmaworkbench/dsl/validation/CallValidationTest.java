package org.dmaworkbench.dsl.validation;

import static org.eclipse.xtext.diagnostics.Severity.ERROR;
import static org.eclipse.xtext.diagnostics.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Concern 1: calls, arguments, handles (bad/calls.dmas). */
class CallValidationTest {
    private final ValidationFixture f = ValidationFixture.of("bad/calls.dmas");

    @Test
    void unknownCallSuggestsTheClosestName() {
        Issue i = f.assertAt(IssueCodes.UNKNOWN_CALL, ERROR, "dma_map_singel", "dma_map_singel");
        assertEquals("dma_map_single", i.getData()[0], "the closest name first");
        assertTrue(i.getData().length <= 3, () -> String.join(", ", i.getData()));
        assertTrue(i.getMessage().contains("did you mean dma_map_single"), i.getMessage());
    }

    @Test
    void tooFewArgumentsOnTheName() {
        Issue i = f.assertAt(IssueCodes.WRONG_ARG_COUNT, ERROR, "b2 = kmalloc()", "kmalloc");
        assertArrayEquals(new String[] {"kmalloc(size)"}, i.getData());
    }

    @Test
    void tooManyArgumentsOnTheFirstSurplusOne() {
        f.assertAt(IssueCodes.WRONG_ARG_COUNT, ERROR, "kmalloc(64, 128)", "128");
    }

    @Test
    void deviceWhereABufferIsExpected() {
        Issue i = f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "dma_map_single(dsa0, dsa0", "dsa0");
        assertArrayEquals(new String[] {"buffer"}, i.getData());
        assertTrue(i.getMessage().contains("not device dsa0"), i.getMessage());
    }

    @Test
    void handleWhereADeviceIsExpected() {
        f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "dma_map_single(b3,", "b3");
    }

    @Test
    void nestedCallResultTypeIsChecked() {
        Issue i = f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "b3, default_domain(dsa0)", "default_domain(dsa0)");
        assertTrue(i.getMessage().contains("default_domain() result (domain)"), i.getMessage());
        f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "kmalloc(dma_mapping_error(dsa0, a))", "dma_mapping_error(dsa0, a)");
    }

    @Test
    void symbolMustBeOneOfTheParametersSpellings() {
        Issue i = f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "64, IOMMU_READ)", "IOMMU_READ");
        assertArrayEquals(new String[] {"DMA_BIDIRECTIONAL", "DMA_TO_DEVICE", "DMA_FROM_DEVICE"}, i.getData());
        f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "IOMMU_READ|DMA_TO_DEVICE", "IOMMU_READ|DMA_TO_DEVICE");
    }

    @Test
    void handleDeclaredWithAnotherTypeThanTheCallReturns() {
        Issue i = f.assertAt(IssueCodes.HANDLE_TYPE_MISMATCH, ERROR, "pasid x = kmalloc", "pasid");
        assertArrayEquals(new String[] {"buffer"}, i.getData());
        Issue bool = f.assertAt(IssueCodes.HANDLE_TYPE_MISMATCH, ERROR, "int e = dma_mapping_error", "int");
        assertArrayEquals(new String[0], bool.getData());
    }

    @Test
    void duplicateHandleShadowsTheEarlierOne() {
        Issue i = f.assertAt(IssueCodes.DUPLICATE_HANDLE, WARNING, "buffer b3 = kmalloc(32)", "b3");
        assertTrue(i.getMessage().contains("line 8"), i.getMessage());
        f.assertAt(IssueCodes.DUPLICATE_HANDLE, WARNING, "buffer dsa0", "dsa0");
    }

    @Test
    void dmaAndCpuOperandsAreTyped() {
        f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "read \"0x1000\"", "\"0x1000\"");
        f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "pasid buf read", "buf");
        f.assertAt(IssueCodes.ARG_TYPE_MISMATCH, ERROR, "cpu read a", "a");
    }
}

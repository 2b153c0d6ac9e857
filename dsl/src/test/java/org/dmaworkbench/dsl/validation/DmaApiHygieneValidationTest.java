package org.dmaworkbench.dsl.validation;

import static org.eclipse.xtext.diagnostics.Severity.ERROR;
import static org.eclipse.xtext.diagnostics.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Concern 5: DMA-API hygiene as dma-debug reports it (bad/hygiene.dmas; deliberate misuse in good/streaming.dmas). */
class DmaApiHygieneValidationTest {
    private final ValidationFixture f = ValidationFixture.of("bad/hygiene.dmas");

    @Test
    void mappingNotCheckedBeforeItsUnmap() {
        Issue i = f.assertAt(IssueCodes.MISSING_MAPPING_ERROR_CHECK, WARNING, "dma_addr a =", "a");
        assertArrayEquals(new String[] {"dsa0", "a"}, i.getData());
        assertTrue(i.getMessage().contains("unmapped at line 8") && i.getMessage().contains("failed to check map error"), i.getMessage());
    }

    @Test
    void mappingNeverCheckedUntilTheScenarioEnds() {
        Issue i = f.assertAt(IssueCodes.MISSING_MAPPING_ERROR_CHECK, WARNING, "dma_addr c =", "c");
        assertArrayEquals(new String[] {"dsa0", "c"}, i.getData());
    }

    @Test
    void unmapOfSomethingNeverMapped() {
        f.assertAt(IssueCodes.UNMAP_NOT_MAPPED, ERROR, "dma_unmap_single(dsa0, buf", "buf");
        f.assertAt(IssueCodes.UNMAP_NOT_MAPPED, ERROR, "dsa0, 0x1000, 256", "0x1000");
        Issue i = f.assertAt(IssueCodes.UNMAP_NOT_MAPPED, ERROR, "dsa0, cb, 4096", "cb");
        assertTrue(i.getMessage().contains("dma_free_coherent"), i.getMessage());
        f.assertAt(IssueCodes.UNMAP_NOT_MAPPED, ERROR, "b + 64", "b + 64");
        assertTrue(f.withCode(IssueCodes.ARG_TYPE_MISMATCH).isEmpty(), "one diagnostic per mistake:" + f.describe());
    }

    @Test
    void unmapSizeAndDirectionDifferFromTheMap() {
        Issue size = f.assertAt(IssueCodes.UNMAP_SIZE_MISMATCH, WARNING, "a, 128, DMA_FROM_DEVICE", "128");
        assertArrayEquals(new String[] {"256"}, size.getData());
        assertTrue(size.getMessage().contains("device driver frees DMA memory with different size"), size.getMessage());
        Issue dir = f.assertAt(IssueCodes.UNMAP_DIRECTION_MISMATCH, WARNING, "a, 128, DMA_FROM_DEVICE", "DMA_FROM_DEVICE");
        assertArrayEquals(new String[] {"DMA_TO_DEVICE"}, dir.getData());
    }

    @Test
    void misuseTheStatementExpectsFromDmaDebugIsNotReported() {
        ValidationFixture good = ValidationFixture.of("good/streaming.dmas");
        good.assertNoErrorsOrWarnings();
        assertTrue(good.text.contains("expect dma-debug \"device driver failed to check map error\""), "the fixture keeps its deliberate cases");
    }
}

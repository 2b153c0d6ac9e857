package org.dmaworkbench.dsl.validation;

import static org.eclipse.xtext.diagnostics.Severity.ERROR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Concern 4: statically impossible expectations and unknown names in them (bad/expectations.dmas). */
class ExpectationValidationTest {
    private final ValidationFixture f = ValidationFixture.of("bad/expectations.dmas");

    @Test
    void faultAndFindingOnlyOnAccesses() {
        Issue i = f.assertAt(IssueCodes.EXPECT_IMPOSSIBLE, ERROR, "expect fault not-present", "expect fault not-present");
        assertTrue(i.getMessage().contains("a call to kmalloc cannot"), i.getMessage());
        f.assertAt(IssueCodes.EXPECT_IMPOSSIBLE, ERROR, "expect finding use-after-free", "expect finding use-after-free");
    }

    @Test
    void valueExpectationsNeedAResultOfTheirKind() {
        f.assertAt(IssueCodes.EXPECT_IMPOSSIBLE, ERROR, "probe dsa0", "expect true");
        f.assertAt(IssueCodes.EXPECT_IMPOSSIBLE, ERROR, "expect IOMMU_PASID_INVALID", "expect IOMMU_PASID_INVALID");
        f.assertAt(IssueCodes.EXPECT_IMPOSSIBLE, ERROR, "expect DMA_MAPPING_ERROR", "expect DMA_MAPPING_ERROR");
        f.assertAt(IssueCodes.EXPECT_IMPOSSIBLE, ERROR, "iommu_alloc_global_pasid(dsa0)", "expect false");
        f.assertAt(IssueCodes.EXPECT_IMPOSSIBLE, ERROR, "expect -EINVAL", "expect -EINVAL");
        f.assertAt(IssueCodes.EXPECT_IMPOSSIBLE, ERROR, "dma dsa0 read a len 64", "expect 0");
    }

    @Test
    void faultCodeMustBeTheArchitecturesCode() {
        Issue i = f.assertAt(IssueCodes.WRONG_FAULT_CODE, ERROR, "write-not-permitted 0x71", "0x71");
        assertArrayEquals(new String[] {"0x85"}, i.getData());
        assertTrue(i.getMessage().contains("intel-vtd reports write-not-permitted on a write as 0x85"), i.getMessage());
        ValidationFixture good = ValidationFixture.of("good/pasids.dmas");
        assertTrue(good.withCode(IssueCodes.WRONG_FAULT_CODE).isEmpty(), "RISC-V 13 or 15 for not-present, either:" + good.describe());
    }

    @Test
    void unknownDmaDebugMessage() {
        Issue i = f.assertAt(IssueCodes.UNKNOWN_DMA_DEBUG_MESSAGE, ERROR, "dma-debug \"device driver frees memory twice\"", "\"device driver frees memory twice\"");
        assertArrayEquals(new String[] {"device driver frees DMA memory with different size"}, i.getData());
    }

    @Test
    void unknownErrno() {
        Issue i = f.assertAt(IssueCodes.UNKNOWN_ERRNO, ERROR, "-EFOO", "EFOO");
        assertTrue(i.getMessage().contains("EINVAL"), i.getMessage());
    }

    @Test
    void unknownCounterListsCloseNames() {
        Issue i = f.assertAt(IssueCodes.UNKNOWN_COUNTER, ERROR, "check iotlb.invalidation", "iotlb.invalidation");
        assertEquals("iotlb.invalidations", i.getData()[0]);
    }
}

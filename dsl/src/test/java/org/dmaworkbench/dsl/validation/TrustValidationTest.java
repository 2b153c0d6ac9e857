package org.dmaworkbench.dsl.validation;

import static org.eclipse.xtext.diagnostics.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Concern 6: KVA and bypass asked for an untrusted device (bad/trust.dmas). */
class TrustValidationTest {

    @Test
    void kvaAndBypassForADeviceBehindAnExternalFacingPort() {
        ValidationFixture f = ValidationFixture.of("bad/trust.dmas");
        Issue kva = f.assertAt(IssueCodes.KVA_UNTRUSTED, WARNING, "tbt_nic, KVA", "KVA");
        assertArrayEquals(new String[] {"tbt_nic", "KVA"}, kva.getData());
        assertTrue(kva.getMessage().contains("the platform will refuse") && kva.getMessage().contains("expect IOMMU_PASID_INVALID"),
                kva.getMessage());
        f.assertAt(IssueCodes.KVA_UNTRUSTED, WARNING, "tbt_nic, BYPASS", "BYPASS");
    }

    @Test
    void notReportedForIovaOrWhenTheRefusalIsExpected() {
        ValidationFixture good = ValidationFixture.of("good/pasids.dmas");
        assertTrue(good.withCode(IssueCodes.KVA_UNTRUSTED).isEmpty(), good::describe);
        assertTrue(good.text.contains("iommu_dma_pasid_enable(tbt_nic, KVA)                 expect IOMMU_PASID_INVALID"));
        assertTrue(good.text.contains("iommu_dma_pasid_enable(tbt_nic, IOVA)"));
    }
}

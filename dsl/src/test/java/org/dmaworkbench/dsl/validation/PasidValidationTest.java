package org.dmaworkbench.dsl.validation;

import static org.eclipse.xtext.diagnostics.Severity.ERROR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Concern 3: PASIDs within max_pasids (bad/pasids.dmas; deliberate refusals in good/pasids.dmas). */
class PasidValidationTest {
    private final ValidationFixture f = ValidationFixture.of("bad/pasids.dmas");

    @Test
    void literalPasidBeyondTheDevicesRange() {
        Issue i = f.assertAt(IssueCodes.PASID_OUT_OF_RANGE, ERROR, "dsa0, 0x100000)", "0x100000");
        assertArrayEquals(new String[] {"1048575"}, i.getData());
        f.assertAt(IssueCodes.PASID_OUT_OF_RANGE, ERROR, "dma dsa0 pasid 0x100000", "0x100000");
    }

    @Test
    void rangeIsTheNarrowerOfDeviceAndIommu() {
        Issue i = f.assertAt(IssueCodes.PASID_OUT_OF_RANGE, ERROR, "nic1, 256", "256");
        assertArrayEquals(new String[] {"255"}, i.getData());
    }

    @Test
    void anyPasidOnADeviceWithoutPasidBits() {
        Issue i = f.assertAt(IssueCodes.PASID_UNSUPPORTED, ERROR, "tbt_nic, kp", "kp");
        assertArrayEquals(new String[] {"tbt_nic"}, i.getData());
        assertTrue(i.getMessage().contains("no pasid-bits"), i.getMessage());
        f.assertAt(IssueCodes.PASID_UNSUPPORTED, ERROR, "dma tbt_nic pasid 1", "1");
    }

    @Test
    void expectedRefusalIsNotReported() {
        ValidationFixture good = ValidationFixture.of("good/pasids.dmas");
        assertTrue(good.withCode(IssueCodes.PASID_OUT_OF_RANGE).isEmpty(), good::describe);
        assertTrue(good.text.contains("0x100000)                 expect -EINVAL"), "the fixture keeps its deliberate case");
    }
}

package org.dmaworkbench.dsl.validation;

import static org.eclipse.xtext.diagnostics.Severity.ERROR;
import static org.eclipse.xtext.diagnostics.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Concern 2: devices and platforms (bad/devices.dmas, bad/imports.dmas). */
class DevicePlatformValidationTest {
    private final ValidationFixture f = ValidationFixture.of("bad/devices.dmas");

    @Test
    void deviceBehindAnotherPlatformsIommuAtItsFirstUse() {
        Issue i = f.assertAt(IssueCodes.DEVICE_NOT_ON_PLATFORM, ERROR, "probe d5", "d5");
        assertArrayEquals(new String[] {"d5", "p2"}, i.getData());
        assertTrue(i.getMessage().contains("IOMMU v1 of platform p1"), i.getMessage());
        f.assertAt(IssueCodes.DEVICE_NOT_ON_PLATFORM, ERROR, "device d5  dma-bits", "d5");
    }

    @Test
    void unknownIommuArchListsTheKnownOnes() {
        Issue i = f.assertAt(IssueCodes.UNKNOWN_IOMMU_ARCH, ERROR, "arch intel_vtd", "intel_vtd");
        assertArrayEquals(new String[] {"intel-vtd"}, i.getData());
        assertTrue(i.getMessage().contains("intel-vtd, arm-smmuv3, riscv-iommu"), i.getMessage());
    }

    @Test
    void malformedOrMissingBdf() {
        f.assertAt(IssueCodes.MALFORMED_BDF, ERROR, "bdf 0000:6a:20.0", "0000:6a:20.0");
        f.assertAt(IssueCodes.MALFORMED_BDF, ERROR, "device d2", "d2");
    }

    @Test
    void duplicateBdfOnOnePlatform() {
        Issue i = f.assertAt(IssueCodes.DUPLICATE_BDF, ERROR, "device d7 { bdf 00:04.0", "00:04.0");
        assertArrayEquals(new String[] {"d6"}, i.getData());
    }

    @Test
    void pasidBitsAboveTwentyAndClippedToTheIommu() {
        f.assertAt(IssueCodes.PASID_BITS_RANGE, ERROR, "pasid-bits 24", "24");
        f.assertAt(IssueCodes.PASID_BITS_RANGE, ERROR, "pasid-bits 21", "21");
        Issue i = f.assertAt(IssueCodes.PASID_BITS_CLIPPED, WARNING, "iommu v3  pasid-bits 16", "16");
        assertArrayEquals(new String[] {"8"}, i.getData());
    }

    @Test
    void dmaMaskOutsideTwelveToSixtyFour() {
        Issue i = f.assertAt(IssueCodes.DMA_MASK_RANGE, ERROR, "dma-mask 8", "8");
        assertArrayEquals(new String[] {"12"}, i.getData());
        f.assertAt(IssueCodes.DMA_MASK_RANGE, ERROR, "dma-bits 70", "70");
    }

    @Test
    void addressWidthNotAPageTableDepth() {
        Issue i = f.assertAt(IssueCodes.ADDRESS_WIDTH, WARNING, "address-width 40", "40");
        assertArrayEquals(new String[] {"39"}, i.getData());
    }

    @Test
    void coherentAndNonCoherent() {
        f.assertAt(IssueCodes.COHERENCE_CONFLICT, ERROR, "coherent  non-coherent", "non-coherent");
    }

    @Test
    void duplicateNamesInOneFileAndAcrossImports() {
        f.assertAt(IssueCodes.DUPLICATE_NAME, ERROR, "platform p1 { }", "p1");
        f.assertAt(IssueCodes.DUPLICATE_NAME, ERROR, "device d7 { bdf 00:05.0", "d7");
        ValidationFixture imports = ValidationFixture.of("bad/imports.dmas");
        Issue i = imports.assertAt(IssueCodes.DUPLICATE_NAME, ERROR, "device dsa0", "dsa0");
        assertTrue(i.getMessage().contains("lab.dmas"), i.getMessage());
        imports.assertAt(IssueCodes.DUPLICATE_BDF, ERROR, "device dsa0", "0000:6a:01.0");
    }
}

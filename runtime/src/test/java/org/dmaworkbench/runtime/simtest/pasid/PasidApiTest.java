package org.dmaworkbench.runtime.simtest.pasid;

import static org.dmaworkbench.runtime.iommu.PasidAllocator.IOMMU_PASID_INVALID;
import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertFault;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.dmaworkbench.runtime.simtest.Machines.readPasid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuCore;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The merged PASID API: iommu_alloc_global_pasid / iommu_free_global_pasid and
 * iommu_attach_device_pasid / iommu_replace_device_pasid / iommu_detach_device_pasid (§1.3).
 */
class PasidApiTest {
    static final int RW = IoMapping.PROT_READ | IoMapping.PROT_WRITE;
    static final long IOVA = 0x40_0000L;

    SimulatedSystem sys;
    IommuCore core;
    Device dsa;      // 20 PASID bits
    Device small;    // 2 PASID bits: max_pasids 4
    Device nopasid;  // no PASID capability
    Device legacy;   // no IOMMU

    @BeforeEach
    void boot() {
        sys = Machines.strict(VTD,
                Machines.dsa(),
                DeviceSpec.of("small", "0000:6b:00.0", IOMMU).withPasidBits(2),
                DeviceSpec.of("nic", "0000:3b:00.0", IOMMU),
                DeviceSpec.of("legacy", "0000:00:1f.0", null).withPasidBits(20));
        core = sys.iommu;
        dsa = sys.device("dsa");
        small = sys.device("small");
        nopasid = sys.device("nic");
        legacy = sys.device("legacy");
    }

    /** An UNMANAGED domain with IOVA mapped to a fresh page; returns the domain, the PA is in {@link #lastPa}. */
    long lastPa;

    IommuDomain domainWithPage(Device d) {
        IommuDomain dom = core.pagingDomainAlloc(d);
        lastPa = sys.kernel.allocPages("page", 0, 0).phys(0);
        assertEquals(0, core.map(dom, IOVA, lastPa, 4096, RW, null));
        return dom;
    }

    @Nested
    class GlobalPasidAllocator {
        @Test
        void deviceWithoutPasidCapabilityGetsInvalid() {
            assertEquals(0, nopasid.maxPasids());
            assertEquals(IOMMU_PASID_INVALID, core.allocGlobalPasid(nopasid));
        }

        @Test
        void iommuWithoutPasidSupportMakesMaxPasidsZero() {
            SimulatedSystem s = Machines.boot(new IommuSpec(IOMMU, VTD, 48, 0, 256, 10, false), "strict", "", Machines.dsa());
            Device d = s.device("dsa");
            assertEquals(0, d.maxPasids(), "max_pasids = min(PCI capability, IOMMU instance)");
            assertEquals(IOMMU_PASID_INVALID, s.iommu.allocGlobalPasid(d));
        }

        @Test
        void maxPasidsIsTheSmallerOfDeviceAndIommu() {
            SimulatedSystem s = Machines.boot(new IommuSpec(IOMMU, VTD, 48, 8, 256, 10, false), "strict", "", Machines.dsa());
            assertEquals(256, s.device("dsa").maxPasids());
            assertEquals(1 << 20, dsa.maxPasids());
            assertEquals(4, small.maxPasids());
        }

        @Test
        void allocationStartsAtOneBecauseZeroIsIommuNoPasid() {
            assertEquals(1, core.allocGlobalPasid(dsa));
            assertEquals(2, core.allocGlobalPasid(dsa));
        }

        @Test
        void theSpaceIsSystemWideNotPerDevice() {
            assertEquals(1, core.allocGlobalPasid(dsa));
            assertEquals(2, core.allocGlobalPasid(small));
            assertEquals(3, core.allocGlobalPasid(dsa));
        }

        @Test
        void exhaustionReturnsInvalidAndFreeingMakesRoom() {
            assertEquals(1, core.allocGlobalPasid(small));
            assertEquals(2, core.allocGlobalPasid(small));
            assertEquals(3, core.allocGlobalPasid(small));
            assertEquals(IOMMU_PASID_INVALID, core.allocGlobalPasid(small), "range is [1, max_pasids - 1]");
            assertEquals(4, core.allocGlobalPasid(dsa), "a wider device still fits above the small one's range");
            assertTrue(core.freeGlobalPasid(2));
            assertEquals(2, core.allocGlobalPasid(small), "the lowest free PASID is reused");
        }

        @Test
        void freeingInvalidOrUnallocatedPasidWarns() {
            assertFalse(core.freeGlobalPasid(IOMMU_PASID_INVALID));
            assertFalse(core.freeGlobalPasid(7));
            int p = core.allocGlobalPasid(dsa);
            assertTrue(core.freeGlobalPasid(p));
            assertFalse(core.freeGlobalPasid(p), "double free");
        }
    }

    @Nested
    class AttachDevicePasid {
        @Test
        void pasidZeroIsIommuNoPasidEINVAL() {
            assertEquals(Errno.EINVAL.ret(), core.attachDevicePasid(domainWithPage(dsa), dsa, 0));
        }

        @Test
        void pasidAtOrBeyondMaxPasidsIsEINVAL() {
            IommuDomain d = domainWithPage(small);
            assertEquals(Errno.EINVAL.ret(), core.attachDevicePasid(d, small, 4));
            assertEquals(0, core.attachDevicePasid(d, small, 3));
        }

        @Test
        void deviceWithoutPasidsAlwaysFailsEINVAL() {
            assertEquals(Errno.EINVAL.ret(), core.attachDevicePasid(domainWithPage(nopasid), nopasid, 1));
        }

        @Test
        void alreadyAttachedPasidIsEBUSYAndKeepsTheFirstDomain() {
            IommuDomain first = domainWithPage(dsa);
            long firstPa = lastPa;
            IommuDomain second = domainWithPage(dsa);
            assertEquals(0, core.attachDevicePasid(first, dsa, 5));
            assertEquals(Errno.EBUSY.ret(), core.attachDevicePasid(second, dsa, 5));
            assertEquals(Errno.EBUSY.ret(), core.attachDevicePasid(first, dsa, 5), "even with the same domain");
            assertSame(first, core.domainForDevPasid(dsa, 5));
            assertEquals(firstPa, assertClean(readPasid(sys, dsa, 5, IOVA, 64)));
        }

        @Test
        void blockedDomainIsEOPNOTSUPP() {
            assertEquals(Errno.EOPNOTSUPP.ret(), core.attachDevicePasid(dsa.group().blockingDomain(), dsa, 1));
        }

        @Test
        void deviceWithoutGroupIsENODEV() {
            assertEquals(Errno.ENODEV.ret(), core.attachDevicePasid(domainWithPage(dsa), legacy, 1));
        }

        @Test
        void attachedPasidTranslatesThroughItsDomainWhileTheRidDoesNot() {
            IommuDomain d = domainWithPage(dsa);
            assertEquals(0, core.attachDevicePasid(d, dsa, 1));
            assertEquals(lastPa + 0x40, assertClean(readPasid(sys, dsa, 1, IOVA + 0x40, 64)));
            assertFault(read(sys, dsa, IOVA, 64), FaultClass.NOT_PRESENT, 0x71);
        }

        @Test
        void ownerCannotBeClaimedWhilePasidsAreAttached() {
            assertEquals(0, core.attachDevicePasid(domainWithPage(dsa), dsa, 1));
            assertEquals(Errno.EBUSY.ret(), core.groupClaimDmaOwner(dsa.group(), "vfio"));
        }
    }

    @Nested
    class ReplaceDevicePasid {
        @Test
        void notAttachedIsEINVAL() {
            assertEquals(Errno.EINVAL.ret(), core.replaceDevicePasid(domainWithPage(dsa), dsa, 1, true));
            assertNull(core.domainForDevPasid(dsa, 1));
        }

        @Test
        void withoutHandleIsEINVALAndKeepsTheOldDomain() {
            IommuDomain a = domainWithPage(dsa);
            IommuDomain b = domainWithPage(dsa);
            assertEquals(0, core.attachDevicePasid(a, dsa, 1));
            assertEquals(Errno.EINVAL.ret(), core.replaceDevicePasid(b, dsa, 1, false));
            assertSame(a, core.domainForDevPasid(dsa, 1));
        }

        @Test
        void pasidZeroIsEINVAL() {
            assertEquals(Errno.EINVAL.ret(), core.replaceDevicePasid(domainWithPage(dsa), dsa, 0, true));
        }

        @Test
        void replaceSwitchesTranslationWithoutStaleEntries() {
            IommuDomain a = domainWithPage(dsa);
            long paA = lastPa;
            IommuDomain b = domainWithPage(dsa);
            long paB = lastPa;
            assertEquals(0, core.attachDevicePasid(a, dsa, 1));
            assertEquals(paA, assertClean(readPasid(sys, dsa, 1, IOVA, 64)));
            assertEquals(0, core.replaceDevicePasid(b, dsa, 1, true));
            assertSame(b, core.domainForDevPasid(dsa, 1));
            assertEquals(paB, assertClean(readPasid(sys, dsa, 1, IOVA, 64)));
        }

        @Test
        void noGroupIsENODEV() {
            assertEquals(Errno.ENODEV.ret(), core.replaceDevicePasid(domainWithPage(dsa), legacy, 1, true));
        }
    }

    @Nested
    class DetachDevicePasid {
        @Test
        void dmaWithTheDetachedPasidFaultsPasidNotAttached() {
            IommuDomain d = domainWithPage(dsa);
            assertEquals(0, core.attachDevicePasid(d, dsa, 1));
            assertClean(readPasid(sys, dsa, 1, IOVA, 64)); // cached in the IOTLB
            core.detachDevicePasid(d, dsa, 1);
            assertNull(core.domainForDevPasid(dsa, 1));
            assertFault(readPasid(sys, dsa, 1, IOVA, 64), FaultClass.PASID_NOT_ATTACHED, 0x59);
        }

        @Test
        void detachedPasidCanBeAttachedAgain() {
            IommuDomain d = domainWithPage(dsa);
            assertEquals(0, core.attachDevicePasid(d, dsa, 1));
            core.detachDevicePasid(d, dsa, 1);
            assertEquals(0, core.attachDevicePasid(d, dsa, 1), "the pasid_array entry was erased");
        }

        @Test
        void detachWithTheWrongDomainChangesNothing() {
            IommuDomain d = domainWithPage(dsa);
            IommuDomain other = domainWithPage(dsa);
            assertEquals(0, core.attachDevicePasid(d, dsa, 1));
            core.detachDevicePasid(other, dsa, 1);
            assertSame(d, core.domainForDevPasid(dsa, 1));
        }

        @Test
        void ridDmaIsUnaffectedByPasidDetach() {
            long addr = sys.dma.mapSingle(dsa, sys.kernel.allocPages("rx", 0, 0), 0, 4096,
                    org.dmaworkbench.runtime.sim.DmaDirection.BIDIRECTIONAL);
            IommuDomain def = core.domainForDev(dsa);
            assertEquals(0, core.attachDevicePasid(def, dsa, 1));
            core.detachDevicePasid(def, dsa, 1);
            assertClean(read(sys, dsa, addr, 64));
            assertFault(readPasid(sys, dsa, 1, addr, 64), FaultClass.PASID_NOT_ATTACHED);
        }
    }
}

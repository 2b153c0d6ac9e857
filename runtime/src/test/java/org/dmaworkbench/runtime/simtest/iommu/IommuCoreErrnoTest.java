package org.dmaworkbench.runtime.simtest.iommu;

import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertFault;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.DomainType;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuCore;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.IommuGroup;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The errno rules of iommu_attach_device / iommu_map / iommu_unmap / iommu_iova_to_phys (iommu-semantics.md §1.3). */
class IommuCoreErrnoTest {
    static final int RW = IoMapping.PROT_READ | IoMapping.PROT_WRITE;
    static final long IOVA = 0x10_0000L;

    SimulatedSystem sys;
    IommuCore core;
    Device nic;
    Device other;   // behind a second IOMMU instance
    Device legacy;  // behind no IOMMU at all
    long pa;        // a page of kernel memory to map

    @BeforeEach
    void boot() {
        PlatformSpec p = Machines.platform("strict", "", IommuSpec.of(IOMMU, VTD), IommuSpec.of("iommu1", VTD));
        sys = SimulatedSystem.boot(p, List.of(
                DeviceSpec.of("nic", "0000:3b:00.0", IOMMU),
                DeviceSpec.of("gpu", "0000:81:00.0", "iommu1"),
                DeviceSpec.of("legacy", "0000:00:1f.0", null)), true);
        core = sys.iommu;
        nic = sys.device("nic");
        other = sys.device("gpu");
        legacy = sys.device("legacy");
        pa = sys.kernel.allocPages("target", 2, 0).phys(0);
    }

    static int errno(Errno e) { return e.ret(); }

    @Nested
    class AttachDevice {
        @Test
        void deviceWithoutGroupIsENODEV() {
            IommuDomain d = core.pagingDomainAlloc(nic);
            assertEquals(errno(Errno.ENODEV), core.attachDevice(d, legacy));
        }

        @Test
        void groupWithMoreThanOneDeviceIsEINVAL() {
            IommuGroup g = nic.group();
            g.devices().add(other); // a multi-function group behind a non-ACS bridge
            IommuDomain d = core.pagingDomainAlloc(nic);
            assertEquals(errno(Errno.EINVAL), core.attachDevice(d, nic));
            assertSame(g.defaultDomain(), g.domain(), "a refused attach leaves the default domain in place");
        }

        @Test
        void domainOfAnotherIommuIsEINVAL() {
            IommuDomain foreign = core.pagingDomainAlloc(other);
            assertEquals(errno(Errno.EINVAL), core.attachDevice(foreign, nic));
            assertSame(nic.group().defaultDomain(), nic.group().domain());
        }

        @Test
        void secondAttachWhileADriverDomainIsAttachedIsEBUSY() {
            IommuDomain first = core.pagingDomainAlloc(nic);
            IommuDomain second = core.pagingDomainAlloc(nic);
            assertEquals(0, core.attachDevice(first, nic));
            assertEquals(errno(Errno.EBUSY), core.attachDevice(second, nic));
            assertSame(first, nic.group().domain());
        }

        @Test
        void attachAfterDetachSucceedsAgain() {
            IommuDomain first = core.pagingDomainAlloc(nic);
            IommuDomain second = core.pagingDomainAlloc(nic);
            assertEquals(0, core.attachDevice(first, nic));
            assertEquals(0, core.detachDevice(first, nic));
            assertSame(nic.group().defaultDomain(), nic.group().domain(), "detach returns to the default domain");
            assertEquals(0, core.attachDevice(second, nic));
            assertSame(second, nic.group().domain());
        }

        @Test
        void requireDirectDeviceRefusesTheBlockedDomain() {
            SimulatedSystem s = Machines.strict(VTD,
                    new DeviceSpec("igfx", "0000:00:02.0", IOMMU, 0, false, false, true, false, true, 64, "i915"));
            Device igfx = s.device("igfx");
            assertEquals(errno(Errno.EINVAL), s.iommu.attachDevice(igfx.group().blockingDomain(), igfx));
            assertSame(igfx.group().defaultDomain(), igfx.group().domain());
        }

        @Test
        void attachedUnmanagedDomainTranslatesTheDevicesDma() {
            IommuDomain d = core.pagingDomainAlloc(nic);
            assertEquals(0, core.map(d, IOVA, pa, 4096, RW, null));
            assertEquals(0, core.attachDevice(d, nic));
            assertEquals(pa + 0x10, assertClean(read(sys, nic, IOVA + 0x10, 16)));
        }
    }

    @Nested
    class Map {
        IommuDomain d;

        @BeforeEach
        void domain() { d = core.pagingDomainAlloc(nic); }

        @Test
        void identityDomainIsNotPagingEINVAL() {
            IommuDomain id = core.domainAlloc(DomainType.IDENTITY, nic.iommu(), null, null);
            assertEquals(errno(Errno.EINVAL), core.map(id, IOVA, pa, 4096, RW, null));
        }

        @Test
        void blockedDomainIsNotPagingEINVAL() {
            assertEquals(errno(Errno.EINVAL), core.map(nic.group().blockingDomain(), IOVA, pa, 4096, RW, null));
        }

        @Test
        void unalignedIovaPaddrOrSizeIsEINVAL() {
            assertEquals(errno(Errno.EINVAL), core.map(d, IOVA + 0x800, pa, 4096, RW, null));
            assertEquals(errno(Errno.EINVAL), core.map(d, IOVA, pa + 0x200, 4096, RW, null));
            assertEquals(errno(Errno.EINVAL), core.map(d, IOVA, pa, 100, RW, null));
            assertEquals(0, d.pageTable().liveMappings(), "nothing may be installed by a refused map");
        }

        @Test
        void zeroSizeIsEINVAL() {
            assertEquals(errno(Errno.EINVAL), core.map(d, IOVA, pa, 0, RW, null));
        }

        @Test
        void iovaBeyondTheApertureIsEINVAL() {
            long top = 1L << 48; // 48-bit input address width
            assertEquals(errno(Errno.EINVAL), core.map(d, top - 4096, pa, 8192, RW, null));
            assertEquals(0, core.map(d, top - 4096, pa, 4096, RW, null));
        }

        @Test
        void overlappingMapIsEEXISTAndChangesNothing() {
            assertEquals(0, core.map(d, IOVA + 0x1000, pa, 4096, RW, null));
            assertEquals(errno(Errno.EEXIST), core.map(d, IOVA, pa + 0x1000, 0x3000, RW, null));
            assertEquals(0, core.iovaToPhys(d, IOVA), "no part of the refused range is mapped (rolled back)");
            assertEquals(0, core.iovaToPhys(d, IOVA + 0x2000));
            assertEquals(pa, core.iovaToPhys(d, IOVA + 0x1000), "the existing mapping is untouched");
            assertEquals(1, d.pageTable().liveMappings());
        }

        @Test
        void successfulMapTranslatesEveryByte() {
            assertEquals(0, core.map(d, IOVA, pa, 0x3000, RW, null));
            assertEquals(pa, core.iovaToPhys(d, IOVA));
            assertEquals(pa + 0x2abc, core.iovaToPhys(d, IOVA + 0x2abc));
            assertEquals(0, core.iovaToPhys(d, IOVA + 0x3000), "one past the end is not mapped");
        }

        @Test
        void alignedTwoMegabyteRangeUsesOneLeaf() {
            long big = sys.kernel.allocPages("huge", 10, 0).phys(0); // 4 MiB: contains an aligned 2 MiB block
            long pa2m = (big + (1L << 21) - 1) & -(1L << 21);
            long before = sys.ctx.counters.pteWrites;
            assertEquals(0, core.map(d, 1L << 30, pa2m, 1L << 21, RW, null));
            assertEquals(1, sys.ctx.counters.pteWrites - before, "iommu_pgsize picks one 2 MiB leaf");
            assertEquals(1L << 21, d.pageTable().leafSize((1L << 30) + 0x12345));
        }
    }

    @Nested
    class Unmap {
        IommuDomain d;

        @BeforeEach
        void domain() { d = core.pagingDomainAlloc(nic); }

        @Test
        void returnsTheBytesUnmapped() {
            assertEquals(0, core.map(d, IOVA, pa, 0x2000, RW, null));
            assertEquals(0x2000, core.unmap(d, IOVA, 0x2000));
            assertEquals(0, core.iovaToPhys(d, IOVA));
            assertEquals(0, d.pageTable().liveMappings());
        }

        @Test
        void unalignedUnmapReturnsZeroAndKeepsTheMapping() {
            assertEquals(0, core.map(d, IOVA, pa, 0x2000, RW, null));
            assertEquals(0, core.unmap(d, IOVA + 0x800, 0x1000));
            assertEquals(0, core.unmap(d, IOVA, 0x1800));
            assertEquals(pa, core.iovaToPhys(d, IOVA));
        }

        @Test
        void nonPagingDomainUnmapsNothing() {
            IommuDomain id = core.domainAlloc(DomainType.IDENTITY, nic.iommu(), null, null);
            assertEquals(0, core.unmap(id, IOVA, 0x1000));
            assertEquals(0, core.unmap(nic.group().blockingDomain(), IOVA, 0x1000));
        }

        @Test
        void stopsAtTheFirstHole() {
            assertEquals(0, core.map(d, IOVA, pa, 0x1000, RW, null));
            assertEquals(0, core.map(d, IOVA + 0x2000, pa + 0x2000, 0x1000, RW, null)); // hole at +0x1000
            assertEquals(0x1000, core.unmap(d, IOVA, 0x3000));
            assertEquals(pa + 0x2000, core.iovaToPhys(d, IOVA + 0x2000), "the mapping after the hole survives");
        }

        @Test
        void cannotSplitOneMapping() {
            assertEquals(0, core.map(d, IOVA, pa, 0x2000, RW, null));
            assertEquals(0, core.unmap(d, IOVA, 0x1000), "the first half of one iommu_map range");
            assertEquals(0, core.unmap(d, IOVA + 0x1000, 0x1000), "the second half");
            assertEquals(pa + 0x1000, core.iovaToPhys(d, IOVA + 0x1000));
        }

        @Test
        void aggregatesWholeAdjacentMappings() {
            assertEquals(0, core.map(d, IOVA, pa, 0x1000, RW, null));
            assertEquals(0, core.map(d, IOVA + 0x1000, pa + 0x1000, 0x2000, RW, null));
            assertEquals(0x3000, core.unmap(d, IOVA, 0x3000));
            assertEquals(0, d.pageTable().liveMappings());
        }

        @Test
        void endsWithAnIotlbSyncSoTheDeviceFaultsAtOnce() {
            assertEquals(0, core.map(d, IOVA, pa, 0x1000, RW, null));
            assertEquals(0, core.attachDevice(d, nic));
            assertClean(read(sys, nic, IOVA, 64)); // the IOTLB now caches the page
            long syncs = sys.ctx.counters.syncs;
            long invs = sys.ctx.counters.invalidations;
            assertEquals(0x1000, core.unmap(d, IOVA, 0x1000));
            assertEquals(1, sys.ctx.counters.syncs - syncs, "iommu_unmap ends with iotlb_sync");
            assertEquals(1, sys.ctx.counters.invalidations - invs);
            assertFault(read(sys, nic, IOVA, 64), FaultClass.NOT_PRESENT, 0x71);
        }

        @Test
        void unmapFastLeavesTheIotlbToTheCaller() {
            assertEquals(0, core.map(d, IOVA, pa, 0x1000, RW, null));
            assertEquals(0, core.attachDevice(d, nic));
            assertClean(read(sys, nic, IOVA, 64));
            long syncs = sys.ctx.counters.syncs;
            assertEquals(0x1000, core.unmapFast(d, IOVA, 0x1000));
            assertEquals(0, sys.ctx.counters.syncs - syncs, "iommu_unmap_fast does not sync");
            var o = read(sys, nic, IOVA, 64);
            Machines.assertOkWith(o, org.dmaworkbench.runtime.findings.FindingKind.STALE_IOTLB);
        }
    }

    @Nested
    class DmaOwnership {
        @Test
        void claimingAnOwnedGroupIsEPERM() {
            assertEquals(0, core.groupClaimDmaOwner(nic.group(), "vfio"));
            assertSame(nic.group().blockingDomain(), nic.group().domain(), "VFIO starts from the blocking domain");
            assertEquals(errno(Errno.EPERM), core.groupClaimDmaOwner(nic.group(), "iommufd"));
        }

        @Test
        void claimingAGroupWithABoundDriverIsEPERM() {
            assertEquals(0, core.deviceUseDefaultDomain(nic));
            assertEquals(errno(Errno.EPERM), core.groupClaimDmaOwner(nic.group(), "vfio"));
        }

        @Test
        void claimingWhileADriverDomainIsAttachedIsEBUSY() {
            assertEquals(0, core.attachDevice(core.pagingDomainAlloc(nic), nic));
            assertEquals(errno(Errno.EBUSY), core.groupClaimDmaOwner(nic.group(), "vfio"));
        }

        @Test
        void driverProbeOnAVfioOwnedGroupIsEBUSY() {
            assertEquals(0, core.groupClaimDmaOwner(nic.group(), "vfio"));
            assertEquals(errno(Errno.EBUSY), core.deviceUseDefaultDomain(nic));
            core.groupReleaseDmaOwner(nic.group());
            assertSame(nic.group().defaultDomain(), nic.group().domain());
            assertEquals(0, core.deviceUseDefaultDomain(nic));
        }

        @Test
        void driverProbeWithoutADefaultDomainIsEPROBE_DEFER() {
            Device tbt = new Device("tbt", org.dmaworkbench.runtime.iommu.Bdf.parse("0000:07:00.0"), nic.iommu(), 0,
                    false, false, true, true, false, 64, "tbt");
            assertEquals(errno(Errno.EINVAL), core.probeDevice(tbt, DomainType.IDENTITY));
            assertEquals(errno(Errno.EPROBE_DEFER), core.deviceUseDefaultDomain(tbt));
        }

        @Test
        void detachOfAnOwnedGroupReturnsToTheBlockingDomain() {
            assertEquals(0, core.groupClaimDmaOwner(nic.group(), "vfio"));
            IommuDomain user = core.pagingDomainAlloc(nic);
            assertEquals(0, core.attachDevice(user, nic), "attach from the blocking domain is allowed");
            assertEquals(0, core.detachDevice(user, nic));
            assertSame(nic.group().blockingDomain(), nic.group().domain());
        }
    }

    @Nested
    class IovaToPhys {
        @Test
        void identityDomainReturnsTheIova() {
            IommuDomain id = core.domainAlloc(DomainType.IDENTITY, nic.iommu(), null, null);
            assertEquals(0x1234_5678L, core.iovaToPhys(id, 0x1234_5678L));
        }

        @Test
        void blockedDomainReturnsZero() {
            assertEquals(0, core.iovaToPhys(nic.group().blockingDomain(), 0x1234_5000L));
        }

        @Test
        void unmappedIovaInAPagingDomainReturnsZero() {
            assertEquals(0, core.iovaToPhys(core.pagingDomainAlloc(nic), IOVA));
        }
    }
}

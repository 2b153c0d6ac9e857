package org.dmaworkbench.runtime.simtest.iommu;

import static org.dmaworkbench.runtime.simtest.Machines.IOMMU;
import static org.dmaworkbench.runtime.simtest.Machines.MS;
import static org.dmaworkbench.runtime.simtest.Machines.VTD;
import static org.dmaworkbench.runtime.simtest.Machines.assertClean;
import static org.dmaworkbench.runtime.simtest.Machines.assertFault;
import static org.dmaworkbench.runtime.simtest.Machines.assertOkWith;
import static org.dmaworkbench.runtime.simtest.Machines.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.DomainType;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IommuGroup;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Default-domain selection (Kconfig × iommu.passthrough= / iommu.strict=), the untrusted-device
 * override, and writes to /sys/kernel/iommu_groups/N/type (§1.3, §1.4).
 */
class DefaultDomainTest {

    static DomainType defaultType(SimulatedSystem s, String dev) {
        return s.device(dev).group().defaultDomain().type();
    }

    @ParameterizedTest(name = "Kconfig {0} + \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "passthrough | ''                                    | IDENTITY",
            "strict      | ''                                    | DMA",
            "lazy        | ''                                    | DMA_FQ",
            "lazy        | iommu.strict=1                        | DMA",
            "lazy        | iommu.strict=y                        | DMA",
            "strict      | iommu.strict=0                        | DMA_FQ",
            "strict      | iommu.passthrough=1                   | IDENTITY",
            "lazy        | iommu.passthrough=1 iommu.strict=1    | IDENTITY",
            "passthrough | iommu.passthrough=0                   | DMA_FQ",
            "passthrough | iommu.passthrough=0 iommu.strict=1    | DMA",
            "passthrough | iommu.strict=1                        | IDENTITY",
    })
    void kconfigAndCommandLineChooseTheDefaultDomainType(String kconfig, String cmdline, DomainType expected) {
        SimulatedSystem s = Machines.boot(VTD, kconfig, cmdline, Machines.nic());
        assertEquals(expected, defaultType(s, "nic"));
        assertEquals(expected, s.iommu.policy().global());
        assertSame(s.device("nic").group().defaultDomain(), s.device("nic").group().domain(), "the default domain is attached");
    }

    @Test
    void bootLogStatesTypeAndInvalidationPolicy() {
        assertTrue(Machines.boot(VTD, "lazy", "", Machines.nic()).bootLog().stream()
                .anyMatch(l -> l.contains("Default domain type: Translated") && l.contains("policy: lazy mode")));
        assertTrue(Machines.boot(VTD, "lazy", "iommu.strict=1", Machines.nic()).bootLog().stream()
                .anyMatch(l -> l.contains("policy: strict mode")));
        assertTrue(Machines.boot(VTD, "passthrough", "", Machines.nic()).bootLog().stream()
                .anyMatch(l -> l.contains("Default domain type: Passthrough") && !l.contains("policy")));
    }

    @Nested
    class Untrusted {
        @ParameterizedTest
        @CsvSource({"passthrough,''", "lazy,''", "strict,''", "lazy,iommu.passthrough=1", "strict,iommu.strict=0"})
        void untrustedDeviceAlwaysGetsAStrictDmaDomain(String kconfig, String cmdline) {
            SimulatedSystem s = Machines.boot(VTD, kconfig, cmdline, Machines.nic(), Machines.thunderbolt());
            assertEquals(DomainType.DMA, defaultType(s, "tbt"));
            assertNull(Machines.flushQueue(s, s.device("tbt")), "no flush queue: every unmap is synchronous");
            assertTrue(s.bootLog().stream().anyMatch(l -> l.contains("0000:07:00.0: marking as untrusted")));
        }

        @Test
        void trustedNeighbourKeepsThePlatformPolicy() {
            SimulatedSystem s = Machines.boot(VTD, "passthrough", "", Machines.nic(), Machines.thunderbolt());
            assertEquals(DomainType.IDENTITY, defaultType(s, "nic"));
            assertEquals(DomainType.DMA, defaultType(s, "tbt"));
        }

        @Test
        void driverOverrideToIdentityRefusesToProbe() {
            SimulatedSystem s = Machines.strict(VTD);
            Device tbt = new Device("tbt", Bdf.parse("0000:07:00.0"), s.iommuInstance(IOMMU), 0, false, false, true,
                    true, false, 64, "thunderbolt-net");
            assertEquals(Errno.EINVAL.ret(), s.iommu.probeDevice(tbt, DomainType.IDENTITY));
            assertNull(tbt.group().defaultDomain());
            assertSame(tbt.group().blockingDomain(), tbt.group().domain(), "the refused device stays blocked");
            assertFault(read(s, tbt, 0x1000, 64), FaultClass.BLOCKED);
        }

        @Test
        void sysfsCannotMakeAnUntrustedGroupIdentityOrLazy() {
            SimulatedSystem s = Machines.lazy(VTD, Machines.thunderbolt());
            IommuGroup g = s.device("tbt").group();
            assertEquals(Errno.EINVAL.ret(), s.iommu.groupStoreType(g, "identity", true));
            assertEquals(Errno.EINVAL.ret(), s.iommu.groupStoreType(g, "DMA-FQ", true));
            assertEquals(DomainType.DMA, g.defaultDomain().type());
        }
    }

    @Nested
    class SysfsType {
        SimulatedSystem s = Machines.strict(VTD, Machines.nic());
        Device nic = s.device("nic");
        IommuGroup g = nic.group();

        @Test
        void withoutCapSysAdminAndRawioIsEACCES() {
            assertEquals(Errno.EACCES.ret(), s.iommu.groupStoreType(g, "identity", false));
            assertEquals(DomainType.DMA, g.defaultDomain().type());
        }

        @ParameterizedTest
        @CsvSource({"blocked", "unmanaged", "dma", "passthrough", "DMA_FQ"})
        void unknownTypeNameIsEINVAL(String value) {
            assertEquals(Errno.EINVAL.ret(), s.iommu.groupStoreType(g, value, true));
        }

        @Test
        void trailingNewlineFromEchoIsAccepted() {
            assertEquals(0, s.iommu.groupStoreType(g, "identity\n", true));
            assertEquals(DomainType.IDENTITY, g.defaultDomain().type());
        }

        @Test
        void changeWithABoundDriverIsEPERM() {
            assertEquals(0, s.iommu.deviceUseDefaultDomain(nic)); // driver probe
            assertEquals(Errno.EPERM.ret(), s.iommu.groupStoreType(g, "identity", true));
            assertEquals(DomainType.DMA, g.defaultDomain().type());
            s.iommu.deviceUnuseDefaultDomain(nic); // unbind
            assertEquals(0, s.iommu.groupStoreType(g, "identity", true));
            assertEquals(DomainType.IDENTITY, g.defaultDomain().type());
            assertSame(g.defaultDomain(), g.domain());
        }

        @Test
        void dmaFqBackToDmaWithABoundDriverIsEPERM() {
            SimulatedSystem lazy = Machines.lazy(VTD, Machines.nic());
            Device d = lazy.device("nic");
            assertEquals(0, lazy.iommu.deviceUseDefaultDomain(d));
            assertEquals(Errno.EPERM.ret(), lazy.iommu.groupStoreType(d.group(), "DMA", true));
            assertEquals(DomainType.DMA_FQ, d.group().defaultDomain().type());
        }

        @Test
        void autoMeansThePlatformDefault() {
            SimulatedSystem lazy = Machines.lazy(VTD, Machines.nic());
            IommuGroup lg = lazy.device("nic").group();
            assertEquals(0, lazy.iommu.groupStoreType(lg, "identity", true));
            assertEquals(DomainType.IDENTITY, lg.defaultDomain().type());
            assertEquals(0, lazy.iommu.groupStoreType(lg, "auto", true));
            assertEquals(DomainType.DMA_FQ, lg.defaultDomain().type());
        }

        @Test
        void identityGroupDmaIsUntranslated() {
            assertEquals(0, s.iommu.groupStoreType(g, "identity", true));
            Allocation buf = s.kernel.allocPages("buf", 0, 0);
            long addr = s.dma.mapSingle(nic, buf, 0, 4096, DmaDirection.TO_DEVICE);
            assertEquals(buf.phys(0), addr, "dma-direct: the DMA address is the physical address");
            assertEquals(buf.phys(0), assertClean(read(s, nic, addr, 64)));
        }

        @Test
        void dmaToDmaFqIsAllowedLiveWithABoundDriver() {
            assertEquals(0, s.iommu.deviceUseDefaultDomain(nic));
            assertEquals(0, s.iommu.groupStoreType(g, "DMA-FQ", true));
            assertEquals(DomainType.DMA_FQ, g.defaultDomain().type());
            assertSame(g.defaultDomain(), g.domain());
            assertNotNull(Machines.flushQueue(s, nic), "the flush queue was initialised in place");

            // and the domain now behaves lazily
            Allocation buf = s.kernel.allocPages("buf", 0, 0);
            long addr = s.dma.mapSingle(nic, buf, 0, 4096, DmaDirection.BIDIRECTIONAL);
            assertClean(read(s, nic, addr, 64));
            s.dma.unmapPage(nic, addr, 4096, DmaDirection.BIDIRECTIONAL);
            assertOkWith(read(s, nic, addr, 64), FindingKind.STALE_IOTLB);
            s.advance(10 * MS);
            assertFault(read(s, nic, addr, 64), FaultClass.NOT_PRESENT);
        }
        @Test
        void dmaToDmaFqKeepsTheLiveMappings() {
            assertEquals(0, s.iommu.deviceUseDefaultDomain(nic));
            Allocation buf = s.kernel.allocPages("buf", 0, 0);
            long addr = s.dma.mapSingle(nic, buf, 0, 4096, DmaDirection.BIDIRECTIONAL);
            assertEquals(0, s.iommu.groupStoreType(g, "DMA-FQ", true));
            // The kernel only flips domain->type and initialises the FQ: the same page table stays attached.
            assertEquals(buf.phys(0), s.iommu.iovaToPhys(g.defaultDomain(), addr));
            assertEquals(buf.phys(0), assertClean(read(s, nic, addr, 64)));
            assertNotNull(s.dma.find(nic, addr), "dma_unmap must still find the mapping");
        }

        @Test
        void sameTypeIsANoOp() {
            var before = g.defaultDomain();
            assertEquals(0, s.iommu.groupStoreType(g, "DMA", true));
            assertSame(before, g.defaultDomain());
        }
    }
}

package org.dmaworkbench.runtime.simtest.property;

import static org.dmaworkbench.runtime.simtest.Machines.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.findings.FindingKind;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.simtest.property.DriverModel.Handle;
import org.dmaworkbench.runtime.simtest.property.DriverModel.Seen;
import org.dmaworkbench.runtime.simtest.property.DriverModel.Step;
import org.dmaworkbench.runtime.system.SimulatedSystem;

/**
 * Strict and lazy invalidation as properties over random driver programs (map / unmap / device
 * read on a handful of page buffers): strict never serves a stale translation, and a lazy domain
 * whose flush queue has drained is indistinguishable from a strict one.
 */
class FlushPolicyPropertiesTest {

    @Provide
    Arbitrary<String> arches() { return Arbitraries.of(Machines.VTD, Machines.SMMU); }

    @Provide
    Arbitrary<List<Step>> programs() {
        Arbitrary<Integer> kind = Arbitraries.frequency(Tuple.of(35, 0), Tuple.of(25, 1), Tuple.of(40, 2));
        return Combinators.combine(kind, Arbitraries.integers().between(0, DriverModel.SLOTS - 1),
                        Arbitraries.integers().between(1, DriverModel.SLOT_PAGES * 4096), Arbitraries.integers().between(0, 100_000))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    static boolean stale(DmaOutcome o) {
        return o.findings().stream().anyMatch(f -> f.kind() == FindingKind.STALE_IOTLB);
    }

    /** Reads {@code addr} and checks it against what the driver has mapped right now. */
    static void assertMatchesLiveMappings(DriverModel m, long addr) {
        Handle live = m.liveCovering(addr);
        DmaOutcome o = m.read(addr);
        assertFalse(stale(o), () -> "stale translation at 0x" + Long.toHexString(addr) + ": " + o.findings());
        if (live == null) {
            assertFalse(o.ok(), () -> "no live mapping covers 0x" + Long.toHexString(addr) + " but: " + o.explanation());
            assertEquals(FaultClass.NOT_PRESENT, o.faultClass(), o::explanation);
        } else {
            assertTrue(o.ok(), o::explanation);
            assertEquals(live.phys + (addr - live.dmaAddr), o.touched().get(0).pa());
        }
    }

    // ------------------------------------------------------------------ (b)

    @Property(tries = 80)
    void strictModeNeverServesAStaleTranslation(@ForAll("programs") List<Step> program, @ForAll("arches") String arch,
                                                @ForAll boolean ats) {
        SimulatedSystem s = Machines.boot(arch, "strict", "", Machines.nic().withAts(ats, false));
        DriverModel m = new DriverModel(s, "nic");
        for (Step st : program) {
            switch (st.kind()) {
                case 0 -> m.map(st.slot(), st.size());
                case 1 -> {
                    Handle h = m.mappedSlot[st.slot()];
                    if (h == null) continue;
                    assertMatchesLiveMappings(m, h.dmaAddr);   // the device uses (and caches) it
                    m.unmap(st.slot());
                    DmaOutcome after = m.read(h.dmaAddr);        // ... and tries again right after the unmap
                    assertFalse(after.ok(), () -> "DMA after strict unmap completed: " + after.explanation());
                    assertEquals(FaultClass.NOT_PRESENT, after.faultClass());
                    assertFalse(stale(after));
                }
                default -> {
                    Handle h = m.pick(st.pick());
                    if (h != null) assertMatchesLiveMappings(m, h.dmaAddr + DriverModel.offset(h, st.pick()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ (c)

    /** Boots a lazy and a strict twin running the same program. */
    static DriverModel[] twins(String arch) {
        DriverModel lazy = new DriverModel(Machines.boot(arch, "lazy", "", Machines.nic()), "nic");
        DriverModel strict = new DriverModel(Machines.boot(arch, "strict", "", Machines.nic()), "nic");
        for (int i = 0; i < DriverModel.SLOTS; i++) {
            assertEquals(lazy.slots[i].phys(0), strict.slots[i].phys(0), "precondition: identical memory layout");
        }
        return new DriverModel[] {lazy, strict};
    }

    /**
     * All maps first, then unmaps and reads: both machines hand out identical IOVAs, so after the
     * lazy flush queue drains, every IOVA used must give the same outcome (completed + PA, or fault).
     */
    @Property(tries = 80)
    void lazyEqualsStrictAtEveryIovaOnceTheQueueHasDrained(@ForAll("programs") List<Step> program, @ForAll("arches") String arch) {
        DriverModel[] t = twins(arch);
        DriverModel lazy = t[0], strict = t[1];
        for (int i = 0; i < DriverModel.SLOTS; i++) {
            int size = program.get(i % program.size()).size();
            assertEquals(lazy.map(i, size).dmaAddr, strict.map(i, size).dmaAddr, "same IOVA before any free");
        }
        for (Step st : program) {
            if (st.kind() == 0) continue; // no remapping: IOVAs stay identical
            lazy.apply(st);
            strict.apply(st);
        }
        lazy.sys.advance(10 * MS);
        assertEquals(0, Machines.flushQueue(lazy.sys, lazy.dev).pending());
        for (int i = 0; i < lazy.handles.size(); i++) {
            Handle hl = lazy.handles.get(i), hs = strict.handles.get(i);
            for (long off : new long[] {0, hl.size - 8}) {
                DmaOutcome ol = lazy.read(hl.dmaAddr + off);
                DmaOutcome os = strict.read(hs.dmaAddr + off);
                assertEquals(Seen.of(os), Seen.of(ol), () -> "handle " + hl.slot + " live=" + hl.live + ": lazy "
                        + ol.explanation() + " / strict " + os.explanation());
                assertFalse(stale(ol), ol.findings()::toString);
            }
        }
    }

    /**
     * Interleaved maps and unmaps: strict reuses IOVAs at once and lazy only after the flush, so
     * the IOVAs differ; once drained, each machine's reads must match its live mappings exactly,
     * live handles must reach the same PAs, and the set of PAs reachable through all IOVAs ever
     * used must be the same on both.
     */
    @Property(tries = 80)
    void interleavedProgramsConvergeOnceTheQueueHasDrained(@ForAll("programs") List<Step> program, @ForAll("arches") String arch) {
        DriverModel[] t = twins(arch);
        DriverModel lazy = t[0], strict = t[1];
        for (Step st : program) {
            lazy.apply(st);
            strict.apply(st);
        }
        lazy.sys.advance(10 * MS);
        List<Set<Long>> reached = new ArrayList<>();
        for (DriverModel m : t) {
            Set<Long> pas = new HashSet<>();
            for (Handle h : m.handles) {
                assertMatchesLiveMappings(m, h.dmaAddr);
                DmaOutcome o = m.read(h.dmaAddr);
                if (o.ok()) pas.add(o.touched().get(0).pa());
            }
            reached.add(pas);
        }
        assertEquals(reached.get(1), reached.get(0), "PAs reachable through the IOVAs used (lazy vs strict)");
        for (int i = 0; i < lazy.handles.size(); i++) {
            Handle hl = lazy.handles.get(i), hs = strict.handles.get(i);
            assertEquals(hs.live, hl.live);
            if (hl.live) assertEquals(Seen.of(strict.read(hs.dmaAddr)), Seen.of(lazy.read(hl.dmaAddr)));
        }
        for (int slot = 0; slot < DriverModel.SLOTS; slot++) {
            if (lazy.mappedSlot[slot] == null) assertNull(strict.mappedSlot[slot]);
        }
    }
}

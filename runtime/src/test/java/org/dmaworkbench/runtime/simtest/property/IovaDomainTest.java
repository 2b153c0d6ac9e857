package org.dmaworkbench.runtime.simtest.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Disabled;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dmaworkbench.runtime.cost.CostModel;
import org.dmaworkbench.runtime.dma.IovaDomain;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * drivers/iommu/iova.c semantics of the DMA API's IOVA allocator: size-aligned, below the limit,
 * never two live ranges overlapping, whatever the alloc/free sequence and the rcache do.
 */
class IovaDomainTest {
    static final long PFN_4G = 1L << 20;

    /** One step: kind 0 = alloc below 4 GiB, 1 = alloc below the aperture, 2 = alloc below a random limit, 3 = free. */
    record Op(int kind, int pages, int r) { }

    record Range(long pfn, long pages) {
        long end() { return pfn + pages; } // exclusive
        boolean overlaps(Range o) { return pfn < o.end() && o.pfn < end(); }
    }

    static IovaDomain domain(long endPfn) {
        return new IovaDomain(new SimContext(CostModel.defaults(), false), 1, endPfn);
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> pages = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 8)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(9, 64)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(65, 600)));
        return Combinators.combine(Arbitraries.integers().between(0, 3), pages, Arbitraries.integers().between(0, 1 << 20))
                .as(Op::new).list().ofMinSize(1).ofMaxSize(250);
    }

    /** Runs the ops, checking every allocation; returns the live ranges at the end. */
    static List<Range> run(IovaDomain iovad, long endPfn, List<Op> ops) {
        List<Range> live = new ArrayList<>();
        for (Op op : ops) {
            if (op.kind() == 3) {
                if (live.isEmpty()) continue;
                Range victim = live.remove(op.r() % live.size());
                iovad.free(victim.pfn(), victim.pages());
                continue;
            }
            long limit = switch (op.kind()) {
                case 0 -> PFN_4G - 1;
                case 1 -> endPfn;
                default -> 1 + op.r() % endPfn;
            };
            long pfn = iovad.alloc(op.pages(), limit);
            if (pfn == 0) continue; // no room below this limit
            Range got = new Range(pfn, op.pages());
            long align = Long.bitCount(op.pages()) == 1 ? op.pages() : Long.highestOneBit(op.pages()) << 1;
            assertTrue(pfn >= 1, () -> "pfn 0 is never handed out: " + got);
            assertTrue(got.end() - 1 <= Math.min(limit, endPfn), () -> got + " exceeds limit " + limit);
            assertEquals(0, pfn % align, () -> got + " is not size-aligned to " + align);
            for (Range r : live) {
                assertTrue(!r.overlaps(got), () -> got + " overlaps live " + r);
            }
            live.add(got);
        }
        long sum = live.stream().mapToLong(Range::pages).sum();
        assertEquals(sum, iovad.livePages());
        return live;
    }

    @Property(tries = 300)
    void liveRangesNeverOverlapAndStayBelowTheLimit(@ForAll("ops") List<Op> ops) {
        long end = (1L << 24) - 1; // a 36-bit aperture: both the 32-bit and the high region are in play
        run(domain(end), end, ops);
    }

    @Property(tries = 300)
    void tinyApertureUnderPressureStillNeverOverlaps(@ForAll("ops") List<Op> ops) {
        long end = 1023; // 4 MiB of IOVA space: frequent exhaustion, holes and merges
        run(domain(end), end, ops);
    }

    @Example
    void freedRangesAreReusedAfterTheyAreFreed() {
        IovaDomain d = domain(1023);
        long a = d.alloc(4, 1023);
        d.free(a, 4);
        assertEquals(a, d.alloc(4, 1023), "the rcache returns the same size at once");
        assertEquals(4, d.livePages());
    }

    @Example
    void allocationIsTopDownBelowTheLimit() {
        IovaDomain d = domain((1L << 36) - 1);
        assertEquals(PFN_4G - 1, d.alloc(1, PFN_4G - 1), "first 32-bit allocation is the highest page below 4 GiB");
        assertEquals(PFN_4G - 4, d.alloc(2, PFN_4G - 1), "next, size-aligned below it");
    }

    @Example
    void exhaustedDomainReturnsZero() {
        IovaDomain d = domain(15);
        for (int i = 0; i < 15; i++) assertNotEquals(0, d.alloc(1, 15));
        assertEquals(0, d.alloc(1, 15));
    }

    @Example
    void cachedRangesAreGivenBackWhenTheTreeIsExhausted() {
        IovaDomain d = domain(15);
        long[] pfns = new long[15];
        for (int i = 0; i < 15; i++) pfns[i] = d.alloc(1, 15);
        for (long p : pfns) d.free(p, 1); // all parked in the order-0 rcache
        assertEquals(0, d.livePages());
        assertNotEquals(0, d.alloc(2, 15), "an empty domain must satisfy a 2-page request");
    }
}

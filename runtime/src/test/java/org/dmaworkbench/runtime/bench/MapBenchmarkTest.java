package org.dmaworkbench.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dmaworkbench.runtime.cost.CostModel;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.sim.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relations the RFC thread argues about, measured with the simulated dma_map_benchmark. Expected
 * values are derived from {@link CostModel#defaults()} (the platform has no overrides), not copied from
 * output.
 */
class MapBenchmarkTest {
    private static final CostModel C = CostModel.defaults();
    private static final IommuSpec SMMU = IommuSpec.of("smmu0", "arm-smmuv3");
    /** Kconfig default lazy, dma-debug off; 512 MiB is plenty for 16 one-page buffers. */
    private static final PlatformSpec PLATFORM =
            new PlatformSpec("hisi-like", List.of(SMMU), "lazy", "dma_debug=off", 512, 16, Map.of());
    private static final DeviceSpec DEV = DeviceSpec.of("bench", "0000:7d:00.0", "smmu0").withPasidBits(20);
    /** Enough loops that the 256-slot flush-queue ring fills several times. */
    private static final long N = 256 * 8 + 1;
    private static final MapBenchmarkParams P = MapBenchmarkParams.defaults().withIterations(N);
    /** FQ ring size of the platform's IOMMU (IOVA_DEFAULT_FQ_SIZE). */
    private static final int FQ = SMMU.fqEntries();
    /** Entries a ring holds before it is full: fq_full() is ((tail + 1) & mod_mask) == head, so N slots hold N - 1. */
    private static final int RING = FQ - 1;

    private static MapBenchmarkResult run(MapBenchmarkParams p, Policy policy) {
        return MapBenchmark.run(PLATFORM, DEV, p, policy);
    }

    /** Strict unmap of one page on SMMUv3 (one TLBI per domain, no ATS): clear, command, sync + queue wait, free. */
    private static long strictUnmapNs(int threads) {
        return C.pteClearNs() + C.invCommandNs() + C.syncWaitNs() + C.contentionNs(threads) + C.iovaFreeNs();
    }

    @Test
    void strictLatenciesFollowTheCostModel() {
        MapBenchmarkResult s = run(P, Policy.STRICT);
        assertEquals("DMA domain 2", s.domain());
        assertEquals(N, s.loops());
        // first map misses the rcache (tree search), every later one reuses the IOVA just freed
        double map = (C.iovaAllocTreeNs() + C.pteWriteNs() + (N - 1) * (C.iovaAllocRcacheNs() + C.pteWriteNs())) / (double) N;
        assertEquals(map, s.avgMapNs(), 1e-6);
        assertEquals(strictUnmapNs(1), s.avgUnmapNs(), 1e-9);
        assertEquals(0.0, s.unmapStddevNs(), 1e-9);
        assertEquals(strictUnmapNs(1) / 100, s.avgUnmap100ns());
        assertEquals(N, s.counter("iotlb.syncs"));
        assertEquals(N, s.counter("dma.maps"));
        assertEquals(N, s.counter("dma.unmaps"));
        assertEquals(1, s.counter("iova.rcache_misses"));
    }

    @Test
    void passthroughAndKvaFastAreFarBelowStrict() {
        MapBenchmarkResult strict = run(P, Policy.STRICT);
        MapBenchmarkResult pt = run(P, Policy.PASSTHROUGH);
        MapBenchmarkResult fast = run(P, Policy.KVA_FAST);

        assertTrue(pt.domain().startsWith("identity"), pt.domain());
        assertEquals(C.directMapNs(), pt.avgMapNs(), 1e-9);
        assertEquals(0.0, pt.avgUnmapNs(), 1e-9);
        assertTrue(fast.domain().startsWith("KVA fast"), fast.domain());
        assertEquals(0.0, fast.avgMapNs(), 1e-9);
        assertEquals(0.0, fast.avgUnmapNs(), 1e-9);
        assertEquals(0, fast.counter("pgtable.pte_writes"));

        // far below: under a quarter of strict's map, and strict's unmap is the sync wait and more
        assertTrue(pt.avgMapNs() * 4 < strict.avgMapNs(), pt.avgMapNs() + " vs " + strict.avgMapNs());
        assertTrue(fast.avgMapNs() * 4 < strict.avgMapNs());
        assertTrue(strict.avgUnmapNs() >= C.syncWaitNs());
        assertTrue(pt.avgUnmapNs() * 4 < strict.avgUnmapNs());
        assertTrue(fast.avgUnmapNs() * 4 < strict.avgUnmapNs());
    }

    @Test
    void lazyUnmapIsFarBelowStrictAndFlushesEveryRing() {
        MapBenchmarkResult strict = run(P, Policy.STRICT);
        MapBenchmarkResult lazy = run(P, Policy.LAZY);
        assertTrue(lazy.domain().startsWith("DMA-FQ"), lazy.domain());

        // a full ring is flushed by the unmap that finds it full: the first after every RING queued entries
        long flushes = (N - 1) / RING;
        assertEquals(flushes, lazy.counter("fq.flushes"));
        assertEquals(flushes, lazy.counter("iotlb.syncs"));
        long flushNs = C.invCommandNs() + C.syncWaitNs() + (long) RING * C.iovaFreeNs(); // flush_iotlb_all + fq_ring_free
        double expected = C.pteClearNs() + C.fqEnqueueNs() + flushes * (double) flushNs / N;
        assertEquals(expected, lazy.avgUnmapNs(), 1e-6);

        assertTrue(lazy.avgUnmapNs() * 2 < strict.avgUnmapNs(), lazy.avgUnmapNs() + " vs " + strict.avgUnmapNs());
        // the periodic flush makes the latency spiky
        assertTrue(lazy.unmapStddevNs() > 0);
        assertTrue(lazy.unmapStddev100ns() > 0);
    }

    @Test
    void lazyTimerFlushesOutsideTheMeasuredUnmaps() {
        // with a 10 ms transmission delay the fq_timer always fires first, in timer context
        MapBenchmarkParams p = P.withIterations(50).withTransDelayNs(MapBenchmarkParams.MAX_TRANS_DELAY_NS);
        MapBenchmarkResult lazy = run(p, Policy.LAZY);
        assertEquals(49, lazy.counter("fq.flushes"));
        assertEquals(C.pteClearNs() + C.fqEnqueueNs(), lazy.avgUnmapNs(), 1e-9);
        assertEquals(0.0, lazy.unmapStddevNs(), 1e-9);
        assertTrue(lazy.totalSimNs() >= 50 * MapBenchmarkParams.MAX_TRANS_DELAY_NS);
    }

    @Test
    void strictUnmapGrowsWithThreadsThroughQueueContention() {
        MapBenchmarkParams p = P.withIterations(200);
        MapBenchmarkResult one = run(p, Policy.STRICT);
        MapBenchmarkResult sixteen = run(p.withThreads(16), Policy.STRICT);
        assertEquals(16 * 200, sixteen.loops());
        assertTrue(sixteen.avgUnmapNs() > one.avgUnmapNs());
        assertEquals(strictUnmapNs(16), sixteen.avgUnmapNs(), 1e-9);
        assertEquals(C.contentionNs(16) - C.contentionNs(1), sixteen.avgUnmapNs() - one.avgUnmapNs(), 1e-9);
        // map takes no queue lock: IOVA allocation plus the PTE write, whatever the thread count
        long loops = sixteen.loops(), misses = sixteen.counter("iova.rcache_misses");
        double map = (misses * C.iovaAllocTreeNs() + (loops - misses) * C.iovaAllocRcacheNs()) / (double) loops + C.pteWriteNs();
        assertEquals(map, sixteen.avgMapNs(), 1e-6);
    }

    @Test
    void lazyUsesOneFlushQueueRingPerSimulatedCpu() {
        int threads = 4;
        MapBenchmarkResult lazy = run(P.withIterations(RING).withThreads(threads), Policy.LAZY);
        // each CPU has its own ring: RING unmaps per CPU fill every ring, none overflows
        assertEquals(0, lazy.counter("fq.flushes"));
        assertEquals((long) RING * threads, lazy.counter("fq.queued"));
        // one more round: the first CPU finds its ring full and flushes (all rings, as flush_iotlb_all frees them)
        MapBenchmarkResult more = run(P.withIterations(RING + 1).withThreads(threads), Policy.LAZY);
        assertEquals(1, more.counter("fq.flushes"));
    }

    @Test
    void kvaStrictReplicatesAndInvalidatesPerPage() {
        int g = 4;
        MapBenchmarkResult r = run(P.withIterations(100).withGranule(g), Policy.KVA_STRICT);
        assertTrue(r.domain().startsWith("KVA strict"), r.domain());
        assertEquals(g * C.pteWriteNs(), r.avgMapNs(), 1e-9);
        assertEquals(g * (C.pteClearNs() + C.invCommandNs() + C.syncWaitNs()), r.avgUnmapNs(), 1e-9);
        assertEquals(100L * g, r.counter("iotlb.syncs"));
    }

    @Test
    void sgModeMapsEveryEntry() {
        int g = 8;
        MapBenchmarkResult single = run(P.withIterations(100).withGranule(g), Policy.STRICT);
        MapBenchmarkResult sg = run(P.withIterations(100).withGranule(g).withMode(MapMode.SG), Policy.STRICT);
        assertEquals(100L * g, sg.counter("dma.maps"));
        assertEquals(100L * g, sg.counter("iotlb.syncs"));
        assertEquals(g * strictUnmapNs(1), sg.avgUnmapNs(), 1e-9);
        // one 8-page single mapping: g PTE clears but one invalidation + one sync
        assertEquals(g * C.pteClearNs() + C.invCommandNs() + C.syncWaitNs() + C.iovaFreeNs(), single.avgUnmapNs(), 1e-9);
        assertTrue(sg.avgUnmapNs() > single.avgUnmapNs());
    }

    @Test
    void fromDeviceSkipsTheMemset() {
        MapBenchmarkResult bidi = run(P.withIterations(10), Policy.STRICT);
        MapBenchmarkResult from = run(P.withIterations(10).withDirection(DmaDirection.FROM_DEVICE), Policy.STRICT);
        // same CPU cost per operation, but no memset time passes
        assertEquals(bidi.avgMapNs(), from.avgMapNs(), 1e-9);
        assertEquals(10 * C.bounceCopyNs(4096), bidi.totalSimNs() - from.totalSimNs());
    }

    @Test
    void kernelUnitsTruncateEverySample() {
        MapBenchmarkResult pt = run(P.withIterations(100), Policy.PASSTHROUGH);
        assertTrue(C.directMapNs() < 100);
        assertEquals(C.directMapNs(), pt.avgMapNs(), 1e-9);
        assertEquals(0, pt.avgMap100ns()); // a 50 ns map reads as 0 in 100 ns units
        assertEquals(0.0, pt.avgMapUs());
    }

    @Test
    void kernelStddevUsesIntegerArithmetic() {
        LatencyStats s = new LatencyStats();
        for (long ns : new long[] {199, 250, 1000, 99}) s.add(ns);
        // truncated: 1, 2, 10, 0 -> sum 13, sum_sq 105, loops 4 -> avg 3, variance 105/4 - 9 = 17, sqrt 4
        assertEquals(3, s.avg100ns());
        assertEquals(4, s.stddev100ns());
        assertEquals(387.0, s.meanNs(), 1e-9);
        assertEquals(4, LatencyStats.intSqrt(24));
        assertEquals(5, LatencyStats.intSqrt(25));
    }

    static Stream<Arguments> invalidParams() {
        MapBenchmarkParams d = MapBenchmarkParams.defaults();
        return Stream.of(
                Arguments.of(d.withThreads(0), "invalid thread number"),
                Arguments.of(d.withThreads(1025), "invalid thread number"),
                Arguments.of(d.withIterations(0), "invalid iteration count"),
                Arguments.of(d.withIterations(1L << 62), "threads x iterations above 100000000"),
                Arguments.of(d.withThreads(1024).withIterations(1_000_000_000), "threads x iterations above 100000000"),
                Arguments.of(d.withTransDelayNs(10_000_001), "invalid transmission delay"),
                Arguments.of(d.withTransDelayNs(-1), "invalid transmission delay"),
                Arguments.of(d.withGranule(0), "invalid granule size"),
                Arguments.of(d.withGranule(1025), "invalid granule size"),
                Arguments.of(d.withDirection(DmaDirection.NONE), "invalid DMA direction"),
                Arguments.of(d.withDirection(null), "invalid DMA direction"),
                Arguments.of(d.withMode(null), "invalid map mode"),
                Arguments.of(d.withDmaBits(19), "invalid dma mask bit, must be in 20-64"),
                Arguments.of(d.withDmaBits(65), "invalid dma mask bit, must be in 20-64"));
    }

    @ParameterizedTest
    @MethodSource("invalidParams")
    void invalidParametersAreRejectedWithTheKernelsReason(MapBenchmarkParams p, String reason) {
        Optional<MapBenchmarkParams.Invalid> v = p.validate();
        assertTrue(v.isPresent());
        assertEquals(Errno.EINVAL, v.get().errno());
        assertEquals(reason, v.get().reason());
        MapBenchmarkException e = assertThrows(MapBenchmarkException.class, () -> run(p, Policy.STRICT));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals(reason, e.reason());
        assertThrows(MapBenchmarkException.class, () -> MapBenchmark.compare(PLATFORM, DEV, p, List.of(Policy.STRICT)));
    }

    @Test
    void limitsAreAccepted() {
        MapBenchmarkParams d = MapBenchmarkParams.defaults();
        for (MapBenchmarkParams p : List.of(d.withThreads(1024), d.withGranule(1024), d.withTransDelayNs(10_000_000),
                d.withDmaBits(20), d.withDmaBits(64), d.withDirection(DmaDirection.TO_DEVICE), d.withMode(MapMode.SG))) {
            assertFalse(p.validate().isPresent(), p.toString());
        }
    }

    @Test
    void aMaskTheDeviceCannotTakeFailsLikeDmaSetMask() {
        MapBenchmarkException e = assertThrows(MapBenchmarkException.class, () -> run(P.withDmaBits(20), Policy.STRICT));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("failed to set dma_mask on device 0000:7d:00.0", e.reason());
    }

    @Test
    void compareBuildsOneTableAndReportsRefusedPolicies() {
        MapBenchmarkParams p = P.withIterations(300);
        BenchmarkTable t = MapBenchmark.compare(PLATFORM, DEV, p, List.of(Policy.values()));
        assertEquals(Policy.values().length, t.rows().size());
        for (Policy pol : Policy.values()) assertNotNull(t.result(pol), pol.name());
        String text = t.format();
        MapBenchmarkResult strict = t.result(Policy.STRICT);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "average unmap latency(us):%.1f standard deviation:%.1f",
                strict.avgUnmap100ns() / 10.0, strict.unmapStddev100ns() / 10.0)), text);
        assertTrue(text.startsWith("hisi-like / bench\ndma mapping benchmark: threads:1 iterations:300"), text);
        for (Policy pol : Policy.values()) assertTrue(text.contains(pol.name()), text);

        // a device without PASID cannot enable the KVA mode: the row says why, the others still run
        DeviceSpec noPasid = DeviceSpec.of("nic", "0000:7d:00.1", "smmu0");
        BenchmarkTable t2 = MapBenchmark.compare(PLATFORM, noPasid, p, List.of(Policy.STRICT, Policy.KVA_FAST));
        assertNotNull(t2.result(Policy.STRICT));
        assertNull(t2.result(Policy.KVA_FAST));
        assertTrue(t2.rows().get(1).error().contains("no PASID capability"), t2.rows().get(1).error());
        assertTrue(t2.format().contains("KVA_FAST     failed: -EINVAL"), t2.format());
    }

    @Test
    void untrustedDeviceGetsStrictEvenUnderPassthroughAndNoKva() {
        DeviceSpec ext = DEV.untrusted();
        MapBenchmarkResult pt = MapBenchmark.run(PLATFORM, ext, P.withIterations(10), Policy.PASSTHROUGH);
        assertEquals("DMA domain 2", pt.domain());
        assertEquals(strictUnmapNs(1), pt.avgUnmapNs(), 1e-9);
        MapBenchmarkException e = assertThrows(MapBenchmarkException.class,
                () -> MapBenchmark.run(PLATFORM, ext, P.withIterations(10), Policy.KVA_FAST));
        assertTrue(e.reason().contains("refused by platform policy"), e.reason());
    }

    @Test
    void policyRewritesOnlyTheIommuOptions() {
        PlatformSpec p = new PlatformSpec("x", List.of(SMMU), "lazy", "dma_debug=off iommu.strict=0 iommu.kva=off quiet",
                512, 1, Map.of());
        assertEquals("dma_debug=off quiet iommu.passthrough=0 iommu.strict=1", Policy.STRICT.apply(p).cmdline());
        assertEquals("dma_debug=off quiet", Policy.PASSTHROUGH.apply(p).cmdline());
        assertEquals("passthrough", Policy.PASSTHROUGH.apply(p).defaultDomain());
        assertEquals("dma_debug=off iommu.strict=0 quiet iommu.kva=strict", Policy.KVA_STRICT.apply(p).cmdline());
    }
}

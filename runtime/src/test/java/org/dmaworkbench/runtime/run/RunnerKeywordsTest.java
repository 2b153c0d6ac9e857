package org.dmaworkbench.runtime.run;

import static org.dmaworkbench.runtime.program.Arg.num;
import static org.dmaworkbench.runtime.program.Arg.ref;
import static org.dmaworkbench.runtime.program.Arg.str;
import static org.dmaworkbench.runtime.program.Arg.sym;
import static org.dmaworkbench.runtime.run.SeedScenarios.dma;
import static org.dmaworkbench.runtime.run.SeedScenarios.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.Expectation;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.junit.jupiter.api.Test;

/** The runner's step keywords: cpu, repeat, check, advance, and the KVA flush knob. */
class RunnerKeywordsTest {
    private final ScenarioRunner runner = new ScenarioRunner();

    private static PlatformSpec platform(String cmdline) {
        return new PlatformSpec("p", List.of(new IommuSpec("smmu0", "arm-smmuv3", 48, 20, 256, 10, false)), "lazy", cmdline, 1024, 1,
                Map.of());
    }

    private static ScenarioProgram program(String cmdline, List<DeviceSpec> devs, Step... steps) {
        return new ScenarioProgram("t", "t.dmas", 1, platform(cmdline), devs, List.of(steps));
    }

    @Test
    void nonCoherentDeviceReadsStaleDataUntilTheCacheIsCleaned() {
        List<DeviceSpec> devs = List.of(DeviceSpec.of("dma0", "0000:00:04.0", "smmu0").withCoherent(false));
        ScenarioResult r = runner.run(program("iommu.strict=1", devs,
                s(2, "probe", ref("dma0")),
                s(3, "kmalloc", num(4096)).bind("buffer", "buf"),
                s(4, "dma_map_single", ref("dma0"), ref("buf"), num(4096), sym("DMA_TO_DEVICE")).bind("dma_addr", "a"),
                Step.call(5, "cpu", sym("write"), ref("buf"), num(64)),
                dma(6, "dma0", null, "read", ref("a"), 64).expect(Expectation.finding("stale-data")),
                s(7, "dma_sync_single_for_device", ref("dma0"), ref("a"), num(4096), sym("DMA_TO_DEVICE")),
                dma(8, "dma0", null, "read", ref("a"), 64).expect(Expectation.ok())));
        assertTrue(r.passed(), () -> r.failures().toString());
    }

    @Test
    void cpuReadBeforeSyncForCpuIsAFinding() {
        List<DeviceSpec> devs = List.of(DeviceSpec.of("dma0", "0000:00:04.0", "smmu0").withCoherent(false));
        ScenarioResult r = runner.run(program("iommu.strict=1", devs,
                s(2, "kmalloc", num(4096)).bind("buffer", "buf"),
                s(3, "dma_map_single", ref("dma0"), ref("buf"), num(4096), sym("DMA_FROM_DEVICE")).bind("dma_addr", "a"),
                dma(4, "dma0", null, "write", ref("a"), 128),
                Step.call(5, "cpu", sym("read"), ref("buf"), num(128)).expect(Expectation.finding("cpu-stale-read")),
                s(6, "dma_sync_single_for_cpu", ref("dma0"), ref("a"), num(4096), sym("DMA_FROM_DEVICE")),
                Step.call(7, "cpu", sym("read"), ref("buf"), num(128)).expect(Expectation.ok())));
        assertTrue(r.passed(), () -> r.failures().toString());
    }

    @Test
    void aFullFlushQueueFlushesBeforeTheTimer() {
        List<DeviceSpec> devs = List.of(DeviceSpec.of("nic", "0000:01:00.0", "smmu0"));
        Step body1 = s(5, "dma_map_single", ref("nic"), ref("buf"), num(4096), sym("DMA_BIDIRECTIONAL")).bind("dma_addr", "a");
        Step body2 = s(6, "dma_unmap_single", ref("nic"), ref("a"), num(4096), sym("DMA_BIDIRECTIONAL"));
        ScenarioResult r = runner.run(program("iommu.strict=0 dma_debug=off", devs,
                s(2, "kmalloc", num(4096)).bind("buffer", "buf"),
                new Step(4, "repeat 257", "repeat", null, null, List.of(num(257)), null, List.of(body1, body2)),
                Step.call(7, "check", str("fq.flushes"), sym("=="), num(1)),
                Step.call(8, "check", str("dma.unmaps"), sym("=="), num(257))));
        assertTrue(r.passed(), () -> r.failures().toString() + r.error());
        assertEquals(1, r.counters().get("iotlb.flush_alls"));
    }

    @Test
    void theKvaFlushFixRemovesTheStaleKernelTranslation() {
        List<DeviceSpec> devs = List.of(new DeviceSpec("dsa0", "0000:6a:01.0", "smmu0", 20, true, true, true, false, false, 64, "idxd"));
        Step[] steps = {
                s(2, "iommu_dma_pasid_enable", ref("dsa0"), sym("KVA")).bind("pasid", "kp"),
                s(3, "vmalloc", num(4096)).bind("buffer", "v"),
                dma(4, "dsa0", "kp", "read", ref("v"), 64),
                s(5, "vfree", ref("v")),
                dma(6, "dsa0", "kp", "read", ref("v"), 64)};
        ScenarioResult without = runner.run(program("iommu.kva=fast", devs, steps));
        StepResult stale = without.steps().get(4);
        assertEquals("ok", stale.outcome(), stale.explanation());
        assertTrue(stale.findings().stream().anyMatch(f -> f.kind().dslName().equals("kva-stale-page-table")), stale.findings()::toString);
        ScenarioResult with = runner.run(program("iommu.kva=fast iommu.sva_kva_flush=1", devs, steps));
        StepResult fixed = with.steps().get(4);
        assertEquals("fault", fixed.outcome(), fixed.explanation());
        assertEquals("not-present", fixed.faultClass());
    }

    @Test
    void aFailedCheckNamesTheCounterAndItsValue() {
        ScenarioResult r = runner.run(program("", List.of(),
                Step.call(2, "check", str("iotlb.invalidations"), sym(">="), num(1))));
        assertEquals("iotlb.invalidations = 0, expected >= 1", r.failures().get(0).failure());
    }
}

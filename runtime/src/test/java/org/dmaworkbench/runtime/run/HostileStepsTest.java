package org.dmaworkbench.runtime.run;

import static org.dmaworkbench.runtime.program.Arg.num;
import static org.dmaworkbench.runtime.program.Arg.ref;
import static org.dmaworkbench.runtime.program.Arg.sym;
import static org.dmaworkbench.runtime.run.SeedScenarios.dma;
import static org.dmaworkbench.runtime.run.SeedScenarios.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.mem.KernelAddressSpace;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.Expectation;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.Test;

/**
 * Hostile steps get the kernel's answer or a clear error on the statement's line, and the steps
 * before it are kept: sizes past KMALLOC_MAX_SIZE, lengths and times that overflow, nested repeats.
 */
class HostileStepsTest {
    private final ScenarioRunner runner = new ScenarioRunner();
    private static final List<DeviceSpec> NIC = List.of(DeviceSpec.of("nic0", "0000:00:04.0", "vtd0"));

    private static PlatformSpec platform(long memoryMiB) {
        return new PlatformSpec("p", List.of(new IommuSpec("vtd0", "intel-vtd", 48, 20, 256, 10, false)), "strict", "", memoryMiB, 1,
                Map.of());
    }

    private static ScenarioProgram program(long memoryMiB, Step... steps) {
        return new ScenarioProgram("t", "t.dmas", 1, platform(memoryMiB), NIC, List.of(steps));
    }

    private static Step mapped(int line) {
        return s(line, "dma_map_single", ref("nic0"), ref("buf"), num(4096), sym("DMA_BIDIRECTIONAL")).bind("dma_addr", "a");
    }

    @Test
    void kmallocAboveKmallocMaxSizeReturnsNullAsTheKernelDoes() {
        ScenarioResult r = runner.run(program(1024,
                s(2, "kmalloc", num(KernelAddressSpace.KMALLOC_MAX_SIZE)).bind("buffer", "max"),
                s(3, "kmalloc", num(KernelAddressSpace.KMALLOC_MAX_SIZE + 1)).bind("buffer", "over"),
                s(4, "kmalloc", num(0x4000000000000000L)).bind("buffer", "huge")));
        assertNull(r.error());
        assertEquals(3, r.steps().size());
        assertTrue(r.steps().get(0).explanation().startsWith("kmalloc 'max'"), r.steps().get(0)::explanation);
        assertEquals("kmalloc(4194305) returns NULL: above KMALLOC_MAX_SIZE (4194304 bytes; use vmalloc or alloc_pages)",
                r.steps().get(1).explanation());
        assertTrue(r.steps().get(2).explanation().contains("returns NULL: above KMALLOC_MAX_SIZE"), r.steps().get(2)::explanation);
        assertFalse(KernelAddressSpace.kmallocSizeOk(KernelAddressSpace.KMALLOC_MAX_SIZE + 1));
    }

    @Test
    void aCpuAccessPastTheBufferStopsOnItsLineAfterTheEarlierSteps() {
        ScenarioResult r = runner.run(program(1024,
                s(2, "kmalloc", num(64)).bind("buffer", "buf"),
                Step.call(3, "cpu", sym("write"), ref("buf"), num(64)),
                Step.call(4, "cpu", sym("write"), ref("buf"), num(Long.MAX_VALUE))));
        assertEquals("line 4: cpu write len 9223372036854775807 is more than one access moves in the simulator (at most 1 GiB)",
                r.error());
        assertNull(runner.run(program(1024, s(2, "kmalloc", num(64)).bind("buffer", "buf"),
                Step.call(3, "cpu", sym("read"), ref("buf"), num(0)))).error(), "len 0 touches nothing, as the validator says");
        assertEquals(List.of(2, 3), r.steps().stream().map(StepResult::line).toList());
        ScenarioResult past = runner.run(program(1024,
                s(2, "kmalloc", num(64)).bind("buffer", "buf"),
                Step.call(3, "cpu", sym("read"), ref("buf"), num(8192))));
        assertTrue(past.error().startsWith("line 3: cpu read of 8192 bytes at offset 0 runs past the end of kmalloc 'buf'"), past::error);
    }

    @Test
    void dmaLengthsThatOverflowAreRefusedNotCompleted() {
        for (long len : new long[] {Long.MAX_VALUE, 4096L << 30, 1L << 40, -1}) {
            ScenarioResult r = runner.run(program(1024,
                    s(2, "probe", ref("nic0")),
                    s(3, "kmalloc", num(4096)).bind("buffer", "buf"),
                    mapped(4),
                    dma(5, "nic0", null, "read", ref("a"), len).expect(Expectation.ok())));
            assertFalse(r.passed());
            assertTrue(r.error().startsWith("line 5: dma len " + Long.toUnsignedString(len)), r::error);
            assertEquals(3, r.steps().size(), "the steps before are kept");
        }
    }

    @Test
    void aTranslatedDmaOfManyPagesCompletes() {
        // 1 MiB = 256 pages through the IOMMU: the per-page translation table grows as it goes
        ScenarioResult r = runner.run(program(1024,
                s(2, "probe", ref("nic0")),
                s(3, "kmalloc", num(1 << 20)).bind("buffer", "buf"),
                s(4, "dma_map_single", ref("nic0"), ref("buf"), num(1 << 20), sym("DMA_BIDIRECTIONAL")).bind("dma_addr", "a"),
                dma(5, "nic0", null, "write", ref("a"), 1 << 20).expect(Expectation.ok()),
                dma(6, "nic0", null, "read", ref("a"), (1 << 20) + 1).expect(Expectation.fault("not-present"))));
        assertTrue(r.passed(), () -> r.failures() + " " + r.error());
        assertTrue(r.steps().get(3).explanation().contains("1048576 bytes"), r.steps().get(3)::explanation);
    }

    @Test
    void aDmaThatWrapsPastTheTopOfTheAddressSpaceFaults() {
        ScenarioResult r = runner.run(program(1024,
                s(2, "probe", ref("nic0")),
                dma(3, "nic0", null, "read", num(0xfffffffffffff000L), 8192).expect(Expectation.fault("address-size"))));
        assertTrue(r.passed(), () -> r.failures() + " " + r.error());
        assertTrue(r.steps().get(1).explanation().contains("wraps past the top of the address space"), r.steps().get(1)::explanation);
    }

    @Test
    void advanceCannotRunTheClockBackwards() {
        ScenarioResult r = runner.run(program(1024,
                Step.call(2, "advance", num(1_000_000)),
                Step.call(3, "advance", num(Long.MAX_VALUE))));
        assertEquals("line 3: advance of 9223372036854775807 ns passes the end of the simulated clock (2^63 ns, about 292 years)", r.error());
        assertEquals(1, r.steps().size());
        assertEquals("line 2: advance by a negative time (-1000000000 ns)",
                runner.run(program(1024, Step.call(2, "advance", num(-1_000_000_000L)))).error());
    }

    @Test
    void nestedRepeatsAreBoundByTheirProductAndStepsStreamAsTheyRun() {
        Step inner = new Step(4, "repeat 100000", "repeat", null, null, List.of(num(100_000)), null,
                List.of(s(5, "kmalloc", num(64)).bind("buffer", "x")));
        Step outer = new Step(3, "repeat 100000", "repeat", null, null, List.of(num(100_000)), null, List.of(inner));
        List<Integer> streamed = new ArrayList<>();
        ScenarioResult r = runner.run(program(1024, s(2, "kmalloc", num(64)).bind("buffer", "buf"), outer),
                step -> streamed.add(step.line()));
        assertEquals("line 4: nested repeats run this body 100000 x 100000 = 10000000000 times, more than 1000000", r.error());
        assertEquals(List.of(2), streamed, "the first step reached the listener before the repeat stopped");
        Step fits = new Step(3, "repeat 10", "repeat", null, null, List.of(num(10)), null, List.of(
                new Step(4, "repeat 1000", "repeat", null, null, List.of(num(1000)), null, List.of(Step.call(5, "advance", num(1))))));
        assertNull(runner.run(program(1024, fits)).error());
    }

    @Test
    void declaredMemoryCostsWhatIsUsed() {
        // memory 1048576 MiB (1 TiB) and one kmalloc: a few chunks of frame state, not 3.5 GB
        SimulatedSystem sys = SimulatedSystem.boot(platform(1L << 20), NIC, false);
        assertTrue(sys.kernel.kmalloc("buf", 64, 1) != null);
        assertTrue(sys.memory.chunksInUse() <= 4, () -> sys.memory.chunksInUse() + " chunks");
        // vmalloc(1 TiB) fails at once (the frames are not free), without allocating a page list
        assertNull(sys.kernel.vmalloc("big", 1L << 40, 2));
        assertNull(sys.kernel.vmalloc("huge", Long.MAX_VALUE, 3));
        assertTrue(sys.kernel.vmalloc("ok", 1L << 20, 4) != null);
    }

    @Test
    void platformsOutsideTheModelledRangesDoNotBoot() {
        assertEquals("platform: memory -1 MiB is outside 0..67108864 MiB (64 TiB, MAX_PHYSMEM_BITS 46)",
                runner.run(program(-1)).error());
        assertEquals("platform: memory 1099511627776 MiB is outside 0..67108864 MiB (64 TiB, MAX_PHYSMEM_BITS 46)",
                runner.run(program(1L << 40)).error());
        ScenarioProgram wideMask = new ScenarioProgram("t", "t.dmas", 1, platform(1024),
                List.of(DeviceSpec.of("nic0", "0000:00:04.0", "vtd0").withDmaMask(200)), List.of());
        assertEquals("platform: device nic0: dma-mask 200 bits is outside 12..64", runner.run(wideMask).error());
    }

    @Test
    void anUnexpectedFailureInsideAStepNamesItsLineAndKeepsTheSteps() {
        ScenarioResult r = runner.run(program(1024,
                s(2, "kmalloc", num(64)).bind("buffer", "buf"),
                s(3, "virt_to_phys", ref("buf", 1L << 40))));
        assertTrue(r.error().startsWith("line 3: offset 1099511627776 is outside kmalloc"), r::error);
        assertEquals(1, r.steps().size());
    }
}

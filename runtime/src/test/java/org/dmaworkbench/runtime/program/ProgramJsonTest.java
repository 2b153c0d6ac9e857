package org.dmaworkbench.runtime.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled-program reader refuses what the runner could not run, for every front end, each
 * problem with its JSON path and never Java's own text: wrong shapes, nulls, out-of-range values.
 */
class ProgramJsonTest {
    private static final CompiledFile GOOD = new CompiledFile("x.dmas", List.of(new ScenarioProgram("n", "x.dmas", 3,
            new PlatformSpec("p", List.of(IommuSpec.of("vtd0", "intel-vtd")), "strict", "", 1024, 1, Map.of()),
            List.of(DeviceSpec.of("nic0", "0000:00:04.0", "vtd0")),
            List.of(Step.call(4, "kmalloc", Arg.num(64)).bind("buffer", "buf"),
                    new Step(5, "repeat 3", "repeat", null, null, List.of(Arg.num(3)), null,
                            List.of(Step.call(6, "cpu", Arg.sym("write"), Arg.ref("buf"), Arg.num(64))))))),
            List.of());

    private static String good() { return ProgramJson.write(GOOD); }

    private static String problem(String json) {
        return assertThrows(IllegalArgumentException.class, () -> ProgramJson.readCompiledFile(json)).getMessage();
    }

    @Test
    void aWrittenProgramReadsBack() {
        assertEquals(GOOD, ProgramJson.readCompiledFile(good()));
    }

    @Test
    void wrongShapesNameTheirJsonPath() {
        assertEquals("malformed compiled program: $.content.scenarios[0].steps[0].args[0].number: expected an integer, found \"one\"",
                problem(good().replace("\"number\": 64,", "\"number\": \"one\",")));
        assertEquals("malformed compiled program: $.content.scenarios[0].steps[0].args[0].kind: null (one of INT, STRING, SYMBOL, REF)",
                problem(good().replaceFirst("\"kind\": \"INT\"", "\"kind\": null")));
        assertEquals("malformed compiled program: $.content.scenarios[0].steps[0].args: expected an array, found -5",
                problem(good().replaceFirst("\"args\": \\[", "\"args\": -5, \"x\": [")));
        assertEquals("malformed compiled program: $.content.scenarios[0].line: integer 1e400 is outside -2147483648..2147483647",
                problem(good().replace("\"line\": 3,", "\"line\": 1e400,")));
        assertEquals("malformed compiled program: $.content.scenarios[0].platform: missing (an object (PlatformSpec))",
                problem("{\"version\": 1, \"kind\": \"compiled-file\", \"content\": {\"file\": \"x.dmas\", "
                        + "\"scenarios\": [{\"name\": \"n\", \"file\": \"x.dmas\", \"line\": 1}]}}"));
    }

    @Test
    void syntaxErrorsNameLineAndColumnWithoutJavaAdvice() {
        String m = problem("{\"version\": 1, \"kind\": \"compiled-file\", \"content\": [");
        assertTrue(m.startsWith("malformed compiled program: not valid JSON: ") && m.contains("line 1 column 53"), m);
        String lenient = problem("{version: 1}");
        assertTrue(lenient.contains("line 1 column 3") && !lenient.contains("setStrictness"), lenient);
    }

    @Test
    void valuesOutsideTheModelledRangesAreRefused() {
        assertEquals("malformed compiled program: $.content.scenarios[0].platform.memoryMiB: memory -1 MiB is outside 0..67108864 MiB "
                + "(64 TiB, MAX_PHYSMEM_BITS 46)", problem(good().replace("\"memoryMiB\": 1024", "\"memoryMiB\": -1")));
        assertEquals("malformed compiled program: $.content.scenarios[0].platform.iommus[0].pasidBits: IOMMU vtd0: pasid-bits 100000 "
                + "is outside 0..20", problem(good().replace("\"pasidBits\": 20", "\"pasidBits\": 100000")));
        assertEquals("malformed compiled program: $.content.scenarios[0].devices[0].dmaMaskBits: device nic0: dma-mask 200 bits is "
                + "outside 12..64", problem(good().replace("\"dmaMaskBits\": 64", "\"dmaMaskBits\": 200")));
        assertTrue(problem(good().replace("\"costOverrides\": {}", "\"costOverrides\": {\"iotlbHitNz\": 5}")).startsWith(
                "malformed compiled program: $.content.scenarios[0].platform.costOverrides: no cost \"iotlbHitNz\" in the cost model"));
        assertEquals("malformed compiled program: $.content.scenarios[0].devices[0].iommu: no IOMMU \"smmu9\" on the platform",
                problem(good().replace("\"iommu\": \"vtd0\"", "\"iommu\": \"smmu9\"")));
        assertEquals("malformed compiled program: $.content.scenarios[0].steps[1].args[0].number: repeat 4611686018427387904 is "
                + "outside 0..1000000", problem(good().replace("\"number\": 3,", "\"number\": 4611686018427387904,")));
    }

    /** A compiled benchmark's parameters have the language's bounds: refused when read (exit 2), not at run. */
    @Test
    void benchmarkParametersOutsideTheBoundsAreRefusedWhenRead() {
        PlatformSpec p = GOOD.scenarios().get(0).platform();
        List<DeviceSpec> d = GOOD.scenarios().get(0).devices();
        BenchmarkSpec ok = new BenchmarkSpec("b", "x.dmas", 9, p, d, "nic0", 4, 1000, 1, "BIDIRECTIONAL", 32, 0, "SINGLE", List.of("strict"));
        String json = ProgramJson.write(new CompiledFile("x.dmas", List.of(), List.of(ok)));
        assertEquals(1, ProgramJson.readCompiledFile(json).benchmarks().size());
        assertEquals("malformed compiled program: $.content.benchmarks[0].threads: threads 2000 is outside 1..1024 (DMA_MAP_MAX_THREADS)",
                problem(json.replace("\"threads\": 4", "\"threads\": 2000")));
        assertEquals("malformed compiled program: $.content.benchmarks[0].iterations: iterations 1000000000 with 4 threads is outside "
                + "1..25000000 (at most 100000000 map/unmap loops per policy)",
                problem(json.replace("\"iterations\": 1000", "\"iterations\": 1000000000")));
        assertTrue(problem(json.replace("\"granule\": 1", "\"granule\": 0")).startsWith(
                "malformed compiled program: $.content.benchmarks[0].granule: granule 0 is outside 1..1024"));
        assertTrue(problem(json.replace("\"transDelayNs\": 0", "\"transDelayNs\": 20000000")).startsWith(
                "malformed compiled program: $.content.benchmarks[0].transDelayNs: delay 20000000 ns"));
    }

    @Test
    void theRunFileLabelsTheSteps() {
        String claimed = good().replace("\"file\": \"x.dmas\"", "\"file\": \"/etc/passwd\"");
        CompiledFile f = ProgramJson.readCompiledFile(claimed, "out/x.json");
        assertEquals("out/x.json", f.file());
        assertEquals("out/x.json", f.scenarios().get(0).file());
    }
}

package org.dmaworkbench.dsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer over parse, validate, lower and run ({@link PipelineFuzzTarget}). Without JAZZER_FUZZ it runs
 * the inputs in {@code src/test/resources/org/dmaworkbench/dsl/fuzz/PipelineFuzzTestInputs/} (every crash
 * found is kept there as a regression test); the build's {@code fuzz-pipeline} execution fuzzes it for 15 s.
 */
class PipelineFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void pipelineNeverThrows(FuzzedDataProvider data) {
        PipelineFuzzTarget.fuzzerTestOneInput(data);
    }
}

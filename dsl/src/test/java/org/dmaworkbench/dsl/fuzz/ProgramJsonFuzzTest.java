package org.dmaworkbench.dsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer over the compiled-program reader ({@link ProgramJsonFuzzTarget}); fuzzed for 15 s by the build's {@code fuzz-program-json} execution. */
class ProgramJsonFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void readerRefusesOrReads(FuzzedDataProvider data) {
        ProgramJsonFuzzTarget.fuzzerTestOneInput(data);
    }
}

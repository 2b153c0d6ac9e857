package org.dmaworkbench.dsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer over the kernel-log reader ({@link KernelLogFuzzTarget}); fuzzed for 15 s by the build's {@code fuzz-kernel-log} execution. */
class KernelLogFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void readerNeverFails(FuzzedDataProvider data) {
        KernelLogFuzzTarget.fuzzerTestOneInput(data);
    }
}

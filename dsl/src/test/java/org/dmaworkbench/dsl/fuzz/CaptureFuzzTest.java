package org.dmaworkbench.dsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer over the capture reader and replay ({@link CaptureFuzzTarget}); fuzzed for 15 s by the build's {@code fuzz-capture} execution. */
class CaptureFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void readerNeverThrows(FuzzedDataProvider data) {
        CaptureFuzzTarget.fuzzerTestOneInput(data);
    }
}

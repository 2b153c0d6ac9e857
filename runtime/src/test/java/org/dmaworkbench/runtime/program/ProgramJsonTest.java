package org.dmaworkbench.runtime.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The compiled-program reader refuses what the runner could not run, with a message, for every front end. */
class ProgramJsonTest {
    private static String doc(String content) {
        return "{\"version\": 1, \"kind\": \"compiled-file\", \"content\": " + content + "}";
    }

    @Test
    void aScenarioWithoutPlatformIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> ProgramJson.readCompiledFile(
                doc("{\"file\": \"x.dmas\", \"scenarios\": [{\"name\": \"n\", \"file\": \"x.dmas\", \"line\": 1}]}")));
        assertEquals("malformed compiled program: scenario \"n\" has no platform", e.getMessage());
    }

    @Test
    void aStepWithoutOperationIsRefused() {
        String platform = "{\"name\": \"p\", \"iommus\": [], \"memoryMiB\": 64, \"cpus\": 1, \"costOverrides\": {}}";
        var e = assertThrows(IllegalArgumentException.class, () -> ProgramJson.readCompiledFile(doc(
                "{\"file\": \"x.dmas\", \"scenarios\": [{\"name\": \"n\", \"file\": \"x.dmas\", \"line\": 1, \"platform\": "
                        + platform + ", \"devices\": [], \"steps\": [{\"line\": 2, \"args\": []}]}]}")));
        assertEquals("malformed compiled program: scenario \"n\": a step without an operation", e.getMessage());
    }
}

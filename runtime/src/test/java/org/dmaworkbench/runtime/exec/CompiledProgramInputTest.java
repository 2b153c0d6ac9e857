package org.dmaworkbench.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.program.Arg;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone runtime on compiled programs: the file run labels the steps; a malformed program is exit 2 with its JSON path. */
class CompiledProgramInputTest {
    @TempDir Path tmp;

    private static String program(String claimedFile) {
        return ProgramJson.write(new CompiledFile(claimedFile, List.of(new ScenarioProgram("n", claimedFile, 3,
                new PlatformSpec("p", List.of(IommuSpec.of("vtd0", "intel-vtd")), "strict", "", 1024, 1, Map.of()),
                List.of(DeviceSpec.of("nic0", "0000:00:04.0", "vtd0")),
                List.of(Step.call(6, "kmalloc", Arg.num(64)).bind("buffer", "buf")))), List.of()));
    }

    private record Run(int exit, String out, String err) { }

    private static Run run(Path file) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int exit = RuntimeMain.run(List.of("run", file.toString()), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stepsAreLabelledWithTheJsonThatRan() throws IOException {
        Path json = tmp.resolve("x.json");
        Files.writeString(json, program("/etc/passwd"));
        Run r = run(json);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains(json + ":6"), r::out);
        assertFalse(r.out().contains("/etc/passwd"), r::out);
    }

    @Test
    void aNullKindIsADiagnosticWithExit2() throws IOException {
        Path json = tmp.resolve("bad.json");
        Files.writeString(json, program("x.dmas").replaceFirst("\"kind\": \"INT\"", "\"kind\": null"));
        Run r = run(json);
        assertEquals(2, r.exit(), r::toString);
        assertEquals(json + ": malformed compiled program: $.content.scenarios[0].steps[0].args[0].kind: null (one of INT, STRING, "
                + "SYMBOL, REF)", r.err().strip());
    }
}

package org.dmaworkbench.runtime.exec;

import static org.dmaworkbench.runtime.program.Arg.num;
import static org.dmaworkbench.runtime.program.Arg.str;
import static org.dmaworkbench.runtime.program.Arg.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.Expectation;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's own command: the same executor and exit-code rule as {@code ./dmas run}. */
class RuntimeMainTest {
    @TempDir Path tmp;

    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = RuntimeMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A scenario whose one check expects {@code iotlb.invalidations >= atLeast}. */
    private Path program(String name, long atLeast) throws IOException {
        PlatformSpec spr = new PlatformSpec("spr", List.of(new IommuSpec("vtd0", "intel-vtd", 48, 20, 256, 10, false)), "lazy", "", 4096, 1, Map.of());
        List<DeviceSpec> devices = List.of(new DeviceSpec("nic0", "0000:3c:00.0", "vtd0", 0, false, false, true, false, false, 64, "igc"));
        ScenarioProgram p = new ScenarioProgram("check " + atLeast, name + ".dmas", 1, spr, devices, List.of(
                Step.call(2, "check", str("iotlb.invalidations"), sym(">="), num(atLeast)).expect(Expectation.value(1))));
        Path f = tmp.resolve(name + ".json");
        Files.writeString(f, ProgramJson.write(new CompiledFile(name + ".dmas", List.of(p), List.of())));
        return f;
    }

    @Test
    void aMetExpectationExitsZeroAndAnUnmetOneExitsOne() throws IOException {
        Path good = program("good", 0);
        Run ok = run("run", good.toString());
        assertEquals(ExitCode.OK, ok.exit(), ok::toString);
        assertTrue(ok.out().contains("PASS " + good + ":1 check 0"), ok::toString); // labelled with the .json that ran
        assertTrue(ok.out().contains("1 scenario(s), 0 failed"), ok::toString);

        Path badFile = program("bad", 5);
        Run bad = run("run", badFile.toString());
        assertEquals(ExitCode.NOT_MET, bad.exit(), bad::toString);
        assertTrue(bad.out().contains("  NOT " + badFile + ":2"), bad::toString);
    }

    @Test
    void aDirectoryRunsEveryProgramInIt() throws IOException {
        program("a", 0);
        program("b", 5);
        Run r = run(tmp.toString());
        assertEquals(ExitCode.NOT_MET, r.exit(), r::toString);
        assertTrue(r.out().contains("2 scenario(s), 1 failed"), r::toString);
    }

    @Test
    void nothingToRunIsInvalidAsInDmasRun() throws IOException {
        Path empty = tmp.resolve("empty.json");
        Files.writeString(empty, ProgramJson.write(new CompiledFile("platforms.dmas", List.of(), List.of())));
        Run r = run("run", empty.toString());
        assertEquals(ExitCode.INVALID, r.exit(), r::toString);
        assertTrue(r.err().contains("nothing to run"), r::toString);
    }

    @Test
    void unreadableInputIsOneLineAndExitTwo() throws IOException {
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "{ not json");
        Run r = run("run", junk.toString());
        assertEquals(ExitCode.INVALID, r.exit(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertTrue(r.err().startsWith(junk + ": "), r::toString);
        Run missing = run("run", tmp.resolve("nope.json").toString());
        assertEquals(ExitCode.INVALID, missing.exit());
        assertTrue(missing.err().contains("no such file or directory"), missing::toString);
    }
}

package org.dmaworkbench.dsl.cli;

import static org.dmaworkbench.dsl.cli.CliHarness.BAD;
import static org.dmaworkbench.dsl.cli.CliHarness.GOOD;
import static org.dmaworkbench.dsl.cli.CliHarness.dmas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmas run / check / lsp} in-process: exit codes, step lines, diagnostics, and robustness on bad input. */
class DmasCliTest {
    private static final String SCENARIOS = GOOD + "/scenarios.dmas";

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ run: passing, failing

    @Test
    void passingFileExitsZeroAndShowsEveryStepWithFileAndLine() {
        var r = dmas("run", SCENARIOS).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("PASS  " + SCENARIOS + ":4  kernel DMA with a global PASID shares the RID page table"), r::toString);
        assertTrue(Pattern.compile("(?m)^\\s+ok  " + Pattern.quote(SCENARIOS + ":6") + "\\s+pasid kp = iommu_alloc_global_pasid\\(dsa0\\) expect 1  -> ")
                .matcher(r.out()).find(), r::toString);
        assertTrue(Pattern.compile("(?m)^\\s+-  " + Pattern.quote(SCENARIOS + ":5") + "\\s+probe dsa0  -> ").matcher(r.out()).find(), r::toString);
        assertTrue(r.out().contains("finding stale-iotlb: "), "findings are shown under their step");
        assertTrue(r.out().contains("dma-debug: DMA-API: tbt_nic 0000:3c:00.0: device driver frees DMA memory with different size"), r::toString);
        assertTrue(r.out().contains("intel-vtd fault 0x85"), "the explanation names the architecture's fault");
        assertTrue(r.out().contains("Summary: 2 scenarios (2 passed, 0 failed), 15 of 15 expectations met"), r::toString);
        assertFalse(r.out().contains("NOT "), r::toString);
    }

    @Test
    void brokenExpectationExitsOneNamingFileLineAndWhy() {
        String file = BAD + "/broken-expectation.dmas";
        var r = dmas("run", file).assertNoStackTrace();
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("FAIL  " + file + ":3"), r::toString);
        assertTrue(Pattern.compile("(?m)^\\s+NOT  " + Pattern.quote(file + ":10") + "\\s+dma dsa0 pasid kp write a len 64 expect ok")
                .matcher(r.out()).find(), r::toString);
        assertTrue(r.out().contains("expected: ok"), r::toString);
        assertTrue(r.out().contains("why:      expected ok, got fault write-not-permitted"), r::toString);
        assertTrue(r.out().contains("Failures:\n  " + file + ":10: expected ok, got fault write-not-permitted"), r::toString);
        assertTrue(r.out().contains("1 scenario (0 passed, 1 failed), 4 of 5 expectations met"), r::toString);
        assertTrue(r.out().contains("ok  " + file + ":11"), "the steps after a failed one still run");
    }

    @Test
    void aDirectoryRunsEveryFileWithImportsAndBenchmarks() {
        var r = dmas("run", GOOD).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("BENCH " + GOOD + "/bench.dmas:5  map/unmap latency by policy"), r::toString);
        assertTrue(r.out().contains("KVA_STRICT"), "every policy has a row");
        // a policy the platform refuses is a row with its error, not a failure of the run
        assertTrue(r.out().contains("KVA_FAST     failed: -EINVAL: iommu_dma_pasid_enable(KVA) failed on 0000:3c:00.0"), r::toString);
        assertTrue(r.out().contains("2 benchmarks (6 policies run, 1 refused by the platform)"), r::toString);
        assertTrue(r.out().contains("PASS  " + SCENARIOS + ":22"), r::toString);
        assertFalse(r.out().contains("platforms/spr.dmas:"), "a platform file has nothing to show");
    }

    @Test
    void warningsArePrintedButDoNotFailTheRun() {
        var r = dmas("run", SCENARIOS);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(SCENARIOS) + ":\\d+:\\d+: warning: ").matcher(r.err()).find(), r::toString);
    }

    @Test
    void scenarioFilterSelectsByNameAndAnEmptySelectionIsInvalid() {
        var r = dmas("run", "--scenario", "BOUNCE buffers", GOOD);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("untrusted device: strict domain"), r::toString);
        assertFalse(r.out().contains("global PASID shares"), r::toString);
        assertFalse(r.out().contains("BENCH"), r::toString);
        assertTrue(r.out().contains("1 scenario (1 passed, 0 failed)"), r::toString);

        var glob = dmas("run", "-s", "map/unmap*", GOOD);
        assertEquals(0, glob.exit(), glob::toString);
        assertTrue(glob.out().contains("0 scenarios") && glob.out().contains("1 benchmark"), glob::toString);

        var none = dmas("run", "--scenario", "no such scenario", GOOD).assertNoStackTrace();
        assertEquals(2, none.exit(), none::toString);
        assertTrue(none.err().contains("no scenario or benchmark matches 'no such scenario'"), none::toString);
    }

    @Test
    void quietShowsOnlyHeadersOfPassingScenarios() {
        var r = dmas("run", "-q", SCENARIOS, BAD + "/broken-expectation.dmas");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("PASS  " + SCENARIOS + ":4"), r::toString);
        assertFalse(r.out().contains("ok  " + SCENARIOS + ":6"), r::toString);
        assertTrue(r.out().contains("NOT  " + BAD + "/broken-expectation.dmas:10"), r::toString);
    }

    // ------------------------------------------------------------------ run: invalid input → exit 2, diagnostics, no stack trace

    @Test
    void syntaxErrorExitsTwoWithFileLineColumn() {
        String file = BAD + "/syntax-error.dmas";
        var r = dmas("run", file).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(file) + ":5:26: error: expected '\\)' after '4096'").matcher(r.err()).find(), r::toString);
        assertTrue(r.err().contains("nothing was run"), r::toString);
        assertEquals("", r.out(), "nothing runs when the input is invalid");
    }

    @Test
    void unknownDeviceIsAnErrorAtItsUse() {
        String file = BAD + "/unknown-device.dmas";
        var r = dmas("run", file).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(file) + ":4:\\d+: error: .*nosuchdev").matcher(r.err()).find(), r::toString);
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(file) + ":5:\\d+: error: .*nosuchdev").matcher(r.err()).find(), r::toString);
    }

    @Test
    void emptyFileIsAWarningAndNothingToRun() {
        String file = BAD + "/empty.dmas";
        var r = dmas("run", file).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains(file + ":1:1: warning: empty file"), r::toString);
        assertTrue(r.err().contains("nothing to run"), r::toString);
        var c = dmas("check", file).assertNoStackTrace();
        assertEquals(0, c.exit(), c::toString);
        assertTrue(c.err().contains(file + ":1:1: warning: empty file"), c::toString);
    }

    @Test
    void binaryGarbageIsRefusedWithAPosition() throws IOException {
        byte[] bytes = new byte[8192];
        new Random(42).nextBytes(bytes);
        Path f = tmp.resolve("garbage.dmas");
        Files.write(f, bytes);
        var r = dmas("run", f.toString()).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(f.toString()) + ":\\d+:\\d+: error: not a text file").matcher(r.err()).find(), r::toString);

        // invalid UTF-8 without NUL bytes
        Path latin1 = tmp.resolve("latin1.dmas");
        Files.write(latin1, "scenario \"caf\u00e9\" on spr { }\n".getBytes(StandardCharsets.ISO_8859_1));
        var l = dmas("check", latin1.toString()).assertNoStackTrace();
        assertEquals(2, l.exit(), l::toString);
        assertTrue(l.err().contains(latin1 + ":1:14: error: not a text file: byte 0xe9"), l::toString);
    }

    @Test
    void textGarbageGivesParserDiagnostics() throws IOException {
        Random rnd = new Random(7);
        String alphabet = "abcxyz{}()\"=+-,.0x19 \n\tscenario dma expect probe on platform device import";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4000; i++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        Path f = tmp.resolve("noise.dmas");
        Files.writeString(f, b);
        var r = dmas("run", f.toString()).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(f.toString()) + ":\\d+:\\d+: error: ").matcher(r.err()).find(), r::toString);
    }

    @Test
    void deepNestingAndHugeNumbersAreDiagnosed() throws IOException {
        Path deep = tmp.resolve("deep.dmas");
        Files.writeString(deep, "scenario \"x\" on spr {\n    buffer b = " + "kmalloc(".repeat(50_000) + "1" + ")".repeat(50_000) + "\n}\n");
        var d = dmas("check", deep.toString()).assertNoStackTrace();
        assertEquals(2, d.exit(), d::toString);
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(deep.toString()) + ":\\d+:\\d+: error: ").matcher(d.err()).find(), d::toString);

        Path huge = tmp.resolve("huge.dmas");
        Files.copy(Path.of(GOOD, "platforms/spr.dmas"), tmp.resolve("spr.dmas"));
        Files.writeString(huge, "import \"spr.dmas\"\n"
                + "scenario \"x\" on spr {\n    probe dsa0 expect 99999999999999999999999999\n}\n");
        var h = dmas("run", huge.toString()).assertNoStackTrace();
        assertEquals(2, h.exit(), h::toString);
        assertTrue(h.err().contains(huge + ":3:"), h::toString);
    }

    @Test
    void missingFilesAndImportsAreErrors() {
        var r = dmas("run", "no/such/file.dmas").assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("no/such/file.dmas: error: no such file or directory"), r::toString);

        String file = BAD + "/missing-import.dmas";
        var m = dmas("run", file).assertNoStackTrace();
        assertEquals(2, m.exit(), m::toString);
        assertTrue(m.err().contains(file + ":1:8: error: imported file not found: platforms/does-not-exist.dmas (relative to this file's folder)"),
                m::toString);

        var notDmas = dmas("run", "pom.xml").assertNoStackTrace();
        assertEquals(2, notDmas.exit(), notDmas::toString);
        assertTrue(notDmas.err().contains("pom.xml: error: not a scenario file"), notDmas::toString);
    }

    @Test
    void oneBadFileStopsTheWholeRun() {
        var r = dmas("run", SCENARIOS, BAD + "/syntax-error.dmas").assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertFalse(r.out().contains("PASS"), "nothing runs when any input is invalid");
    }

    @Test
    void mutatedScenariosNeverCrash() throws IOException {
        Path dir = tmp.resolve("mutants");
        Files.createDirectories(dir.resolve("platforms"));
        Files.copy(Path.of(GOOD, "platforms/spr.dmas"), dir.resolve("platforms/spr.dmas"));
        mutate(Files.readString(Path.of(SCENARIOS)), dir, Integer.getInteger("dmas.mutants", 60),
                Long.getLong("dmas.mutants.seed", 2024L));
    }

    /** The bundled examples, mutated (those without a benchmark: a mutated iteration count could run for minutes). */
    @Test
    void mutatedExamplesNeverCrash() throws IOException {
        Path examples = Path.of("../examples");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples.resolve("platforms")), "no examples/ beside dsl/");
        Path dir = tmp.resolve("examples");
        Files.createDirectories(dir.resolve("platforms"));
        try (var ps = Files.list(examples.resolve("platforms"))) {
            for (Path p : ps.toList()) Files.copy(p, dir.resolve("platforms").resolve(p.getFileName()));
        }
        List<Path> files;
        try (var fs = Files.list(examples)) {
            files = fs.filter(p -> p.toString().endsWith(".dmas")).sorted().toList();
        }
        long seed = Long.getLong("dmas.mutants.seed", 2024L);
        for (Path f : files) {
            String src = Files.readString(f);
            if (src.contains("benchmark \"")) continue;
            mutate(src, dir, Integer.getInteger("dmas.mutants.perExample", 6), seed++);
        }
    }

    private static void mutate(String src, Path dir, int mutants, long seed) throws IOException {
        String[] tokens = {"(", ")", "{", "}", ",", "expect", "dma", "pasid", "probe", "buffer", "=", "+", "-", "\"", "0x",
                "99999999999999999999", "-1", "len", "on", "scenario", "import \"platforms/spr.dmas\"", "ok", "fault", "finding",
                "KVA", "DMA_TO_DEVICE", "4096 GiB", "0 ms", "check", ">=", "unbind", "dsa0", "tbt_nic", "kp", "\n", "//", "/*"};
        Random rnd = new Random(seed);
        int[] exits = new int[3];
        for (int i = 0; i < mutants; i++) {
            StringBuilder m = new StringBuilder(src);
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(m.length());
                switch (rnd.nextInt(4)) {
                    case 0 -> m.delete(at, Math.min(m.length(), at + 1 + rnd.nextInt(12)));
                    case 1 -> m.insert(at, " " + tokens[rnd.nextInt(tokens.length)] + " ");
                    case 2 -> {
                        int len = Math.min(m.length() - at, 1 + rnd.nextInt(40));
                        m.insert(rnd.nextInt(m.length()), m.substring(at, at + len));
                    }
                    default -> m.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                }
            }
            Path f = dir.resolve("mutant" + i + ".dmas");
            Files.writeString(f, m);
            var r = dmas("run", f.toString());
            String where = "mutant " + i + ":\n" + m + "\n" + r;
            assertTrue(r.exit() >= 0 && r.exit() <= 2, where);
            assertFalse(r.all().contains("\tat "), where);
            assertFalse(r.all().contains("internal error"), where);
            assertFalse(r.all().contains("Exception"), where);
            if (r.exit() == 2) {
                assertTrue(Pattern.compile("(?m)^" + Pattern.quote(f.toString()) + ":\\d+:\\d+: error: ").matcher(r.err()).find()
                        || r.err().contains("nothing to run"), where);
            }
            exits[r.exit()]++;
            Files.delete(f);
        }
        assertTrue(mutants < 20 || exits[2] > 0, "some mutants must be invalid");
    }

    // ------------------------------------------------------------------ compiled JSON programs

    @Test
    void compiledJsonProgramsRunThroughTheSamePipeline() throws IOException {
        Workspace.Loaded l = Workspace.load(List.of(SCENARIOS), true);
        assertFalse(l.hasErrors(), l.diagnostics()::toString);
        CompiledFile cf = l.compiled().get(0);
        Path json = tmp.resolve("compiled/scenarios.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, ProgramJson.write(cf));
        var r = dmas("run", tmp.resolve("compiled").toString()).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("PASS  " + json + ":4"), r::toString);

        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"version\": 1, \"kind\": \"compiled-file\", \"content\": [");
        var b = dmas("run", broken.toString()).assertNoStackTrace();
        assertEquals(2, b.exit(), b::toString);
        assertTrue(b.err().contains(broken + ":1:53: error: malformed compiled program"), b::toString);
    }

    @Test
    void aScenarioTheRunnerStopsAndABenchmarkThatCannotRunFailTheRun() throws IOException {
        // the language rejects these statically; a hand-edited compiled program reaches the runner
        Workspace.Loaded l = Workspace.load(List.of(SCENARIOS, GOOD + "/bench.dmas"), true);
        assertFalse(l.hasErrors(), l.diagnostics()::toString);
        String scenarios = ProgramJson.write(l.compiled().get(0)).replaceFirst("\"op\": \"kmalloc\"", "\"op\": \"no_such_call\"");
        // the language's bounds hold when a compiled program is read; a mask below the tool's 20 bits is the kernel's -EINVAL at run
        String bench = ProgramJson.write(l.compiled().get(1)).replaceFirst("\"dmaBits\": 32", "\"dmaBits\": 16");
        Path a = tmp.resolve("stopped.json");
        Path b = tmp.resolve("bench.json");
        Files.writeString(a, scenarios);
        Files.writeString(b, bench);
        Path reports = tmp.resolve("reports");
        var r = dmas("run", "--format", "text,junit", "--out", reports.toString(), a.toString(), b.toString()).assertNoStackTrace();
        assertEquals(1, r.exit(), r::toString);
        // the steps are labelled with the .json that ran, not a file the JSON names
        assertTrue(r.out().contains("ERROR  " + a + ":9  the scenario stopped: unknown call 'no_such_call'"), r::toString);
        assertTrue(r.out().contains("FAIL  " + b + ":5  map/unmap latency by policy"), r::toString);
        assertTrue(r.out().contains("the benchmark did not run: -EINVAL: invalid dma mask bit, must be in 20-64"), r::toString);
        assertTrue(r.out().contains("1 did not run"), r::toString);
        Path suite;
        try (var files = Files.list(reports)) {
            suite = files.filter(x -> x.getFileName().toString().endsWith(".stopped.xml")).findFirst().orElseThrow();
        }
        String junit = Files.readString(suite);
        assertTrue(junit.contains("<error message=\"" + a + ":9: unknown call 'no_such_call'\""), junit);

        Path threads = tmp.resolve("threads.json");
        Files.writeString(threads, ProgramJson.write(l.compiled().get(1)).replaceFirst("\"threads\": 2", "\"threads\": 5000"));
        var t = dmas("run", threads.toString()).assertNoStackTrace();
        assertEquals(2, t.exit(), "as check refuses threads 5000 in a .dmas file: " + t);
        assertTrue(t.err().contains(threads + ": error: malformed compiled program: $.content.benchmarks[0].threads: threads 5000 is "
                + "outside 1..1024 (DMA_MAP_MAX_THREADS)"), t::toString);

        Path hollow = tmp.resolve("hollow.json");
        Files.writeString(hollow, "{\"version\": 1, \"kind\": \"compiled-file\", \"content\": {\"file\": \"x.dmas\", "
                + "\"scenarios\": [{\"name\": \"n\", \"file\": \"x.dmas\", \"line\": 1}]}}");
        var h = dmas("run", hollow.toString()).assertNoStackTrace();
        assertEquals(2, h.exit(), h::toString);
        assertTrue(h.err().contains(hollow + ": error: malformed compiled program: $.content.scenarios[0].platform: missing"), h::toString);
    }

    // ------------------------------------------------------------------ check, lsp, usage

    @Test
    void checkValidatesOnly() {
        var ok = dmas("check", GOOD).assertNoStackTrace();
        assertEquals(0, ok.exit(), ok::toString);
        assertTrue(ok.out().contains("checked 3 files: 0 errors"), ok::toString);
        assertFalse(ok.out().contains("PASS"), "check runs nothing");

        var bad = dmas("check", BAD + "/syntax-error.dmas", BAD + "/unknown-device.dmas").assertNoStackTrace();
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains(BAD + "/syntax-error.dmas:5:26: error: "), bad::toString);
        assertTrue(bad.out().contains("checked 2 files: 3 errors"), bad::toString);

        // a failing expectation is not a validation error
        var broken = dmas("check", BAD + "/broken-expectation.dmas");
        assertEquals(0, broken.exit(), broken::toString);
    }

    @Test
    void lspSaysWhatIsMissingWithoutTheIdeModule() {
        var r = dmas("lsp").assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("the language server is not available"), r::toString);
        assertTrue(r.err().contains("dsl.ide"), r::toString);
    }

    @Test
    void anythingThrownBecomesAnInternalErrorLineWithExitTwo() {
        java.io.StringWriter w = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(w, true);
        assertEquals(2, DmasCli.guarded(err, () -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(2, DmasCli.guarded(err, () -> {
            throw new StackOverflowError();
        }));
        assertEquals(7, DmasCli.guarded(err, () -> 7));
        assertEquals("dmas: internal error: boom\ndmas: internal error: input nested too deeply (stack overflow)\n",
                w.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void usageErrorsExitTwo() {
        var none = dmas();
        assertEquals(2, none.exit(), none::toString);
        assertTrue(none.err().contains("Usage: dmas"), none::toString);
        var noFiles = dmas("run");
        assertEquals(2, noFiles.exit(), noFiles::toString);
        assertTrue(noFiles.err().contains("Missing required parameter"), noFiles::toString);
        var badFormat = dmas("run", "--format", "pdf", SCENARIOS);
        assertEquals(2, badFormat.exit(), badFormat::toString);
        assertTrue(badFormat.err().contains("pdf"), badFormat::toString);
        var help = dmas("run", "--help");
        assertEquals(0, help.exit(), help::toString);
        assertTrue(help.out().contains("--format") && help.out().contains("Exit codes"), help::toString);
        var version = dmas("--version");
        assertEquals(0, version.exit(), version::toString);
        assertTrue(version.out().startsWith("dmas "), version::toString);
    }
}

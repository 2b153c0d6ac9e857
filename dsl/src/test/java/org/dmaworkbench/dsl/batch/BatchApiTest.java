package org.dmaworkbench.dsl.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.dmaworkbench.runtime.run.RunCancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch API the Maven plugin uses: explicit files, display base, import path, progress, compile output. */
class BatchApiTest {
    static final Path GOOD = Path.of("src/test/resources/cli/good").toAbsolutePath();
    static final Path BAD = Path.of("src/test/resources/cli/bad").toAbsolutePath();

    @TempDir
    Path tmp;

    private static final String SCENARIO = """
            import "%s"

            scenario "one map" on spr {
                probe dsa0
                buffer buf = kmalloc(4096)
                dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)
                dma_mapping_error(dsa0, a)                                     expect false
                dma dsa0 read a len 64                                         expect ok
            }
            """;

    @Test
    void explicitFilesAreShownRelativeToTheDisplayBaseAndReportProgress() {
        List<String> steps = new ArrayList<>();
        var o = new Workspace.Options(GOOD, List.of(), (stage, done, total, file) -> steps.add(stage + " " + done + "/" + total + " " + file));
        Workspace.Loaded l = Workspace.load(List.of(GOOD.resolve("scenarios.dmas"), GOOD.resolve("bench.dmas")), true, o);
        assertFalse(l.hasErrors(), l.diagnostics()::toString);
        assertEquals(2, l.compiled().size());
        assertEquals("scenarios.dmas", l.compiled().get(0).file());
        assertEquals(List.of(GOOD.resolve("scenarios.dmas").normalize(), GOOD.resolve("bench.dmas").normalize()), l.compiledFrom());
        assertTrue(l.filesRead().contains(GOOD.resolve("platforms/spr.dmas").normalize()), l.filesRead()::toString);
        assertEquals(List.of("PARSE 1/2 scenarios.dmas", "PARSE 2/2 bench.dmas", "VALIDATE 1/3 scenarios.dmas", "VALIDATE 2/3 bench.dmas",
                "VALIDATE 3/3 platforms/spr.dmas", "LOWER 1/2 scenarios.dmas", "LOWER 2/2 bench.dmas"), steps);
    }

    @Test
    void anInterruptedRunStopsWithRunCancelledAndAnUninterruptedOneRunsEverything() {
        Workspace.Loaded l = Workspace.load(List.of(GOOD.resolve("scenarios.dmas"), GOOD.resolve("bench.dmas")), true,
                new Workspace.Options(GOOD, List.of(), null));
        ProgramExecutor executor = new ProgramExecutor((String) null);
        Thread.currentThread().interrupt();
        try {
            assertThrows(RunCancelledException.class, () -> executor.run(l.compiled().get(0)));
            assertThrows(RunCancelledException.class, () -> executor.run(l.compiled().get(1)));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt flag is left for the caller");
        }
        FileRun bench = executor.run(l.compiled().get(1));
        assertFalse(bench.benchmarks().isEmpty());
        assertTrue(bench.benchmarks().stream().allMatch(BenchmarkRun::passed), bench::toString);
    }

    @Test
    void errorsNameTheFileRelativeToTheDisplayBase() {
        var o = new Workspace.Options(BAD.getParent(), List.of(), null);
        Workspace.Loaded l = Workspace.load(List.of(BAD.resolve("syntax-error.dmas")), false, o);
        assertTrue(l.hasErrors());
        assertTrue(l.diagnostics().get(0).toString().startsWith("bad/syntax-error.dmas:5:26: error: expected ')' after '4096', found 'dma'"), l.diagnostics()::toString);
    }

    @Test
    void classpathImportsAreFoundInDirectoriesAndJarsOfTheImportPath() throws IOException {
        Path lib = tmp.resolve("lib.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(lib))) {
            z.putNextEntry(new ZipEntry("platforms/spr.dmas"));
            z.write(Files.readAllBytes(GOOD.resolve("platforms/spr.dmas")));
            z.closeEntry();
        }
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path f = src.resolve("uses-jar.dmas");
        Files.writeString(f, SCENARIO.formatted("classpath:/platforms/spr.dmas"));

        var none = Workspace.load(List.of(f), true, new Workspace.Options(tmp, List.of(), null));
        assertTrue(none.hasErrors(), "no import path, and no Maven source roots around the file: not found");
        assertTrue(none.diagnostics().toString().contains("src/uses-jar.dmas:1:8: error: imported file not found on the import path: "
                + "classpath:/platforms/spr.dmas"), none.diagnostics()::toString);

        var missing = Workspace.load(List.of(f), true, new Workspace.Options(tmp, List.of(src), null));
        assertTrue(missing.diagnostics().toString().contains("src/uses-jar.dmas:1:8: error: imported file not found on the import path: "
                + "classpath:/platforms/spr.dmas"), missing.diagnostics()::toString);

        var fromJar = Workspace.load(List.of(f), true, new Workspace.Options(tmp, List.of(src, lib), null));
        assertFalse(fromJar.hasErrors(), fromJar.diagnostics()::toString);
        assertEquals(1, fromJar.compiled().get(0).scenarios().size());
        FileRun run = new ProgramExecutor((String) null).run(fromJar.compiled().get(0));
        assertTrue(run.scenarios().get(0).passed(), () -> TextReport.scenario(run.scenarios().get(0)));

        var fromDir = Workspace.load(List.of(f), true, new Workspace.Options(tmp, List.of(GOOD), null));
        assertFalse(fromDir.hasErrors(), fromDir.diagnostics()::toString);
        assertTrue(fromDir.filesRead().contains(GOOD.resolve("platforms/spr.dmas").normalize()), fromDir.filesRead()::toString);
    }

    @Test
    void aFileImportedBothByPathAndThroughTheImportPathIsLoadedOnce() throws IOException {
        Path main = Files.createDirectories(tmp.resolve("main/platforms"));
        Files.copy(GOOD.resolve("platforms/spr.dmas"), main.resolve("spr.dmas"));
        Path test = Files.createDirectories(tmp.resolve("test"));
        Path t = test.resolve("t.dmas");
        Files.writeString(t, SCENARIO.formatted("classpath:/platforms/spr.dmas"));
        var l = Workspace.load(List.of(main.resolve("spr.dmas"), t), true, new Workspace.Options(tmp, List.of(tmp.resolve("main"), test), null));
        assertFalse(l.hasErrors(), l.diagnostics()::toString);
        assertEquals(0, l.warnings(), l.diagnostics()::toString);
    }

    @Test
    void compiledProgramsMirrorTheSourceTreeAndUnchangedFilesAreNotRewritten() throws IOException {
        var o = new Workspace.Options(GOOD, List.of(), null);
        Workspace.Loaded l = Workspace.load(List.of(GOOD.resolve("scenarios.dmas"), GOOD.resolve("platforms/spr.dmas")), true, o);
        assertFalse(l.hasErrors(), l.diagnostics()::toString);
        Path out = tmp.resolve("target/dmas");
        var w = CompiledOutput.write(l, List.of(GOOD), out);
        assertEquals(List.of(out.resolve("scenarios.json"), out.resolve("platforms/spr.json")), w.stream().map(CompiledOutput.Written::target).toList());
        assertTrue(w.stream().allMatch(CompiledOutput.Written::changed));
        CompiledFile back = ProgramJson.readCompiledFile(Files.readString(out.resolve("scenarios.json"), StandardCharsets.UTF_8));
        assertEquals(l.compiled().get(0), back);
        var again = CompiledOutput.write(l, List.of(GOOD), out);
        assertTrue(again.stream().noneMatch(CompiledOutput.Written::changed));

        // the runtime's program runs through the same pipeline: compiled .json inputs
        var runAgain = Workspace.load(List.of(out.resolve("scenarios.json")), true, o);
        assertFalse(runAgain.hasErrors(), runAgain.diagnostics()::toString);
        assertTrue(new ProgramExecutor((String) null).run(runAgain.compiled().get(0)).scenarios().stream().allMatch(ScenarioRun::passed));
    }

    @Test
    void failuresAndTheSlowestScenariosAreListed() {
        var o = new Workspace.Options(BAD.getParent(), List.of(), null);
        Workspace.Loaded l = Workspace.load(List.of(BAD.resolve("broken-expectation.dmas"), GOOD.resolve("scenarios.dmas")), true, o);
        assertFalse(l.hasErrors(), l.diagnostics()::toString);
        ProgramExecutor ex = new ProgramExecutor((String) null);
        List<FileRun> files = l.compiled().stream().map(ex::run).toList();
        RunResults r = new RunResults(List.of(), java.time.Instant.now(), 1, l.diagnostics(), files, RunResults.NOT_MET);
        assertTrue(r.anyFailed());
        RunResults.Failure f = r.failures().get(0);
        assertEquals("bad/broken-expectation.dmas:10", f.location());
        assertEquals("a wrong expectation: the DMA is denied, not ok", f.in());
        assertFalse(f.why().isBlank());
        List<RunResults.Timed> slow = r.slowest(5);
        assertEquals(3, slow.size());
        assertTrue(slow.get(0).wallNs() >= slow.get(1).wallNs() && slow.get(1).wallNs() >= slow.get(2).wallNs());
    }

    @Test
    void junitReportsInASharedDirectoryKeepOtherToolsFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("surefire-reports"));
        Path surefire = dir.resolve("TEST-com.example.FooTest.xml");
        Files.writeString(surefire, "<testsuite name=\"com.example.FooTest\"/>");
        var o = new Workspace.Options(GOOD, List.of(), null);
        Workspace.Loaded l = Workspace.load(List.of(GOOD.resolve("scenarios.dmas")), true, o);
        RunResults r = new RunResults(List.of(), java.time.Instant.now(), 1, l.diagnostics(),
                List.of(new ProgramExecutor((String) null).run(l.compiled().get(0))), RunResults.OK);
        List<Path> first = JunitReport.write(r, dir);
        assertEquals(List.of(dir.resolve("TEST-scenarios.xml")), first);
        Path stale = dir.resolve("TEST-old.xml");
        Files.copy(first.get(0), stale);
        JunitReport.write(r, dir);
        assertTrue(Files.exists(surefire));
        assertFalse(Files.exists(stale));
    }
}

package org.dmaworkbench.dsl.cli;

import static org.dmaworkbench.dsl.cli.CliHarness.GOOD;
import static org.dmaworkbench.dsl.cli.CliHarness.dmas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports never read outside the importing file's project (the folder with pom.xml) and its
 * import path; each refusal is an error on the import's string, with the reason, before anything
 * is read. {@code classpath:} imports resolve in {@code ./dmas} through the project's source roots.
 */
class ImportSecurityTest {
    @TempDir Path tmp;
    private Path project;
    private Path scenarios;

    private static final String USE = "\n\nscenario \"s\" on spr {\n    probe dsa0\n}\n";

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path platforms = Files.createDirectories(project.resolve("src/main/dmas/platforms"));
        Files.copy(Path.of(GOOD, "platforms/spr.dmas"), platforms.resolve("spr.dmas"));
        scenarios = Files.createDirectories(project.resolve("src/test/dmas/cases"));
    }

    private CliHarness.Result check(String importLine) throws IOException {
        Path f = Files.writeString(scenarios.resolve("t.dmas"), "import \"" + importLine + "\"" + USE);
        return dmas("check", f.toString()).assertNoStackTrace();
    }

    private void refused(String importLine, String why) throws IOException {
        CliHarness.Result r = check(importLine);
        assertEquals(2, r.exit(), r::toString);
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains("t.dmas:1:8: error: "), "the first diagnostic is on the import's string:\n" + r);
        assertTrue(first.contains(why), r::toString);
    }

    @Test
    void absolutePathsAndUrisAreRefusedOnTheImportLine() throws IOException {
        refused("/etc/passwd", "only a path relative to this file, or classpath:/..., can be imported");
        refused("file:///etc/passwd", "only a path relative to this file, or classpath:/..., can be imported");
        refused("http://example.com/spr.dmas", "only a path relative to this file, or classpath:/..., can be imported");
    }

    @Test
    void dotDotOutOfTheProjectIsRefused() throws IOException {
        refused("../../../../../../../../etc/shadow.dmas", "outside this file's project");
        refused("../../../../../../../../etc/shadow", "only .dmas files can be imported");
        refused("classpath:/../../etc/passwd.dmas", "classpath: paths cannot contain . or ..");
    }

    @Test
    void emptyAndNonDmasImportsAreRefused() throws IOException {
        refused("", "the import names no file");
        Files.copy(Path.of(GOOD, "platforms/spr.dmas"), scenarios.resolve("spr.txt"));
        refused("spr.txt", "only .dmas files can be imported");
    }

    @Test
    void aSymbolicLinkOutOfTheProjectIsNeverRead() throws IOException {
        Files.createSymbolicLink(scenarios.resolve("passwd.dmas"), Path.of("/etc/passwd"));
        CliHarness.Result r = check("passwd.dmas");
        assertTrue(r.err().contains("t.dmas:1:8: error: import \"passwd.dmas\": a symbolic link to a file outside the project"), r::toString);
        assertFalse(r.all().contains("root:"), "the target's content never reaches the output:\n" + r);
        Files.createSymbolicLink(scenarios.resolve("zero.dmas"), Path.of("/dev/zero"));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            CliHarness.Result z = check("zero.dmas");
            assertTrue(z.err().contains("t.dmas:1:8: error: import \"zero.dmas\": a symbolic link to a file outside the project"), z::toString);
        });
    }

    @Test
    void aPipeIsNotReadAndDoesNotHang() throws Exception {
        Path fifo = scenarios.resolve("fifo.dmas");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() != 0) return; // no mkfifo on this machine
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            CliHarness.Result r = check("fifo.dmas");
            assertTrue(r.err().contains("t.dmas:1:8: error: import \"fifo.dmas\": not a regular file (a folder, a device or a pipe)"), r::toString);
        });
    }

    @Test
    void aSymbolicLinkInsideTheProjectIsFollowed() throws IOException {
        Files.createSymbolicLink(scenarios.resolve("spr.dmas"), project.resolve("src/main/dmas/platforms/spr.dmas"));
        CliHarness.Result r = check("spr.dmas");
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void classpathImportsResolveThroughTheProjectsSourceRoots() throws IOException {
        Path f = Files.writeString(scenarios.resolve("t.dmas"), "import \"classpath:/platforms/spr.dmas\"\n\n"
                + "scenario \"s\" on spr {\n    probe dsa0\n    pasid kp = iommu_alloc_global_pasid(dsa0)    expect 1\n}\n");
        CliHarness.Result r = dmas("run", f.toString()).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        CliHarness.Result missing = check("classpath:/platforms/nope.dmas");
        assertEquals(2, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("t.dmas:1:8: error: imported file not found on the import path: classpath:/platforms/nope.dmas"),
                missing::toString);
    }

    @Test
    void theMavenItsClasspathImportRunsThroughDmas() {
        CliHarness.Result r = dmas("run", "../maven-plugin/src/it/passing/src/test/dmas/iommu/merged.dmas").assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
    }
}

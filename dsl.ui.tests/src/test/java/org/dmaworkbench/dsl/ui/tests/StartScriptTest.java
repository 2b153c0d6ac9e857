package org.dmaworkbench.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDE product's start script ({@code dmas-ide} at the archive's top) does what Eclipse's native
 * launcher does with the workbench's exit code: 23 starts the same command line again, 24 starts the
 * command line the workbench printed (eclipse.exitdata), anything else is the script's exit code.
 * A stand-in for java records each start and exits as the workbench would.
 */
class StartScriptTest {
    /** Start 1: File > Restart (23). Start 2: Switch Workspace (24) with the new command line as exit data. Start 3: exit 0. */
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            d=$(dirname "$0")
            n=$(( $(cat "$d/count" 2>/dev/null || echo 0) + 1 )); echo $n > "$d/count"
            printf '%s\\n' "$@" > "$d/args.$n"
            case $n in
              1) echo "workbench output"; exit 23 ;;
              2) echo "workbench output"
                 printf '%s\\n' "$0" -Xmx1g -jar "$d/L.jar" -data "$d/old ws" -vm "$0" -data "$d/new ws" -vmargs -Xmx1g -jar "$d/L.jar"
                 exit 24 ;;
              *) exit ${FINAL_EXIT:-0} ;;
            esac
            """;

    @TempDir Path dir;

    private Path install() throws IOException {
        Path home = dir.resolve("dmas-ide");
        Files.createDirectories(home.resolve("plugins"));
        Files.writeString(home.resolve("plugins/org.eclipse.equinox.launcher_1.8.0.v1.jar"), "");
        Files.writeString(home.resolve("eclipse.ini"), "-vmargs\n-Xmx1g\n");
        Path script = home.resolve("dmas-ide");
        Files.copy(script(), script);
        Path java = dir.resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static Path script() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("dsl.ui.product.feature/rootfiles/dmas-ide");
            if (Files.isRegularFile(s)) return s;
        }
        throw new AssertionError("dsl.ui.product.feature/rootfiles/dmas-ide not found above " + Paths.get("").toAbsolutePath());
    }

    private int start(Path home, String finalExit, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", home.resolve("dmas-ide").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("DMAS_IDE_JAVA", dir.resolve("java").toString());
        pb.environment().put("FINAL_EXIT", finalExit);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script ended");
        return p.exitValue();
    }

    private List<String> args(int start) throws IOException {
        return Files.readAllLines(dir.resolve("args." + start), StandardCharsets.UTF_8);
    }

    @Test
    void restartStartsTheSameCommandLineAndRelaunchTheOneTheWorkbenchLeft() throws Exception {
        Path home = install();
        Path launcher = home.resolve("plugins/org.eclipse.equinox.launcher_1.8.0.v1.jar");
        assertEquals(0, start(home, "0", "-data", dir.resolve("old ws").toString()));
        assertEquals("3", Files.readString(dir.resolve("count")).strip(), "started, restarted, relaunched");

        List<String> first = args(1);
        assertEquals(List.of("-Xmx1g", "-jar", launcher.toString(), "-data", dir.resolve("old ws").toString(),
                "-vm", dir.resolve("java").toString(), "-vmargs", "-Xmx1g", "-jar", launcher.toString()), first,
                "eclipse.ini's JVM options, the launcher jar, the user's options, and -vm/-vmargs so the workbench can build a relaunch");
        assertEquals(first, args(2), "23: the same command line again");
        assertEquals(List.of("-Xmx1g", "-jar", dir.resolve("L.jar").toString(), "-data", dir.resolve("old ws").toString(),
                "-vm", dir.resolve("java").toString(), "-data", dir.resolve("new ws").toString(), "-vmargs", "-Xmx1g", "-jar", dir.resolve("L.jar").toString()),
                args(3), "24: the command line of the exit data, after its java line");
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("workbench output"), "the workbench's output still reaches the terminal");
    }

    @Test
    void anyOtherExitCodeIsTheScriptsOwn() throws Exception {
        Path home = install();
        assertEquals(13, start(home, "13"));
        assertEquals("3", Files.readString(dir.resolve("count")).strip(), "13 after a restart and a relaunch ends the script");
    }
}

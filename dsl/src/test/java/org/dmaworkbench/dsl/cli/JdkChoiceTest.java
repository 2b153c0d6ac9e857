package org.dmaworkbench.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's commands on a machine whose JAVA_HOME (or default java) is a JDK older than 21, as the
 * build machine's default Java 17: {@code ./mvnw} picks a JDK 21+ itself ({@code tools/find-jdk.sh})
 * instead of failing in Tycho's extension with a class-version stack trace.
 */
class JdkChoiceTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern RELEASE = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    @Test
    void mavenWrapperPicksAJdk21WhenJavaHomeIsOlder() throws Exception {
        Optional<Path> old = olderJdk();
        assumeTrue(old.isPresent(), "no JDK older than 21 on this machine");
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-B", "-v").directory(ROOT.toFile())
                .redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", old.get().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("Java version: (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Integer.parseInt(m.group(1)) >= 21, out);
    }

    @Test
    void findJdkSkipsAnOlderJavaHome() throws Exception {
        Optional<Path> old = olderJdk();
        assumeTrue(old.isPresent(), "no JDK older than 21 on this machine");
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("tools/find-jdk.sh").toString()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", old.get().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(major(Path.of(out)).orElse(0) >= 21, out);
    }

    static Optional<Path> olderJdk() throws IOException {
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) return Optional.empty();
        try (Stream<Path> homes = Files.list(jvm)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/javac")))
                    .filter(h -> major(h).map(v -> v < 21).orElse(false)).findFirst();
        }
    }

    static Optional<Integer> major(Path home) {
        try {
            Matcher m = RELEASE.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

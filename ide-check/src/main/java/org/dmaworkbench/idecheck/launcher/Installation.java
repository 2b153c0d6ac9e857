package org.dmaworkbench.idecheck.launcher;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * An installed IDE (plugins/, configuration/): how the README starts it, and a copy of its
 * configuration that adds the check driver. The installation itself is left as shipped.
 */
final class Installation {
    static final String CHECK_CONFIGURATION = "configuration-idecheck";
    static final String START_SCRIPT = "dmas-ide";
    private static final String BUNDLES_INFO = "org.eclipse.equinox.simpleconfigurator/bundles.info";

    private final Path dir;

    Installation(Path dir) {
        this.dir = dir;
    }

    /** {@code tar xzf ARCHIVE -C INTO}, as the README says; the folder it made. */
    static Path unpack(Path archive, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) throw new IOException("tar xzf " + archive + " failed: " + out);
        try (Stream<Path> top = Files.list(into)) {
            List<Path> dirs = top.filter(Files::isDirectory).toList();
            if (dirs.size() != 1) throw new IOException(archive + " should hold one folder, holds " + dirs);
            return dirs.get(0);
        }
    }

    /**
     * A copy of configuration/ beside it (so {@code @config.dir/..} still means the installation)
     * with the driver bundle added to bundles.info and {@code properties} added to config.ini.
     */
    Path checkConfiguration(Path driver, Map<String, String> properties) throws IOException {
        Path shipped = dir.resolve("configuration");
        Path copy = dir.resolve(CHECK_CONFIGURATION);
        IdeCheck.deleteTree(copy);
        Files.createDirectories(copy.resolve(BUNDLES_INFO).getParent());
        Properties extra = new Properties();
        extra.putAll(properties);
        StringWriter text = new StringWriter();
        extra.store(text, "added by IdeCheck");
        Files.writeString(copy.resolve("config.ini"), Files.readString(shipped.resolve("config.ini")) + "\n" + text);
        String line = symbolicName(driver) + "," + manifest(driver).getMainAttributes().getValue("Bundle-Version") + ","
                + driver.toUri() + ",4,false\n";
        Files.writeString(copy.resolve(BUNDLES_INFO), Files.readString(shipped.resolve(BUNDLES_INFO)) + line);
        Path platformXml = shipped.resolve("org.eclipse.update/platform.xml");
        if (Files.exists(platformXml)) {
            Files.createDirectories(copy.resolve("org.eclipse.update"));
            Files.copy(platformXml, copy.resolve("org.eclipse.update/platform.xml"));
        }
        return copy;
    }

    /**
     * Starts the IDE as the README says, in the installation folder: the product's {@value #START_SCRIPT}
     * script ({@code DMAS_IDE_JAVA} = this JVM's java), or, in an installation without it (the update
     * site's), {@code java -jar plugins/org.eclipse.equinox.launcher_*.jar}; then
     * {@code -configuration CONFIG -data WORKSPACE}.
     */
    Process start(Path configuration, Path workspace, Path output) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve(START_SCRIPT);
        List<String> cmd = new ArrayList<>(Files.isExecutable(script)
                ? List.of(script.toString())
                : List.of(java.toString(), "-jar", dir.relativize(launcher()).toString()));
        cmd.addAll(List.of("-configuration", configuration.toString(), "-data", workspace.toString()));
        Files.writeString(output, String.join(" ", cmd) + "\n");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        pb.environment().put("DMAS_IDE_JAVA", java.toString());
        return pb.start();
    }

    private Path launcher() throws IOException {
        try (Stream<Path> plugins = Files.list(dir.resolve("plugins"))) {
            List<Path> jars = plugins.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar")).toList();
            if (jars.size() != 1) throw new IOException("expected one org.eclipse.equinox.launcher_*.jar in " + dir.resolve("plugins") + ", found " + jars);
            return jars.get(0);
        }
    }

    /** "symbolic-name,version" of every bundle the shipped bundles.info lists. */
    Set<String> shippedBundles() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String line : Files.readAllLines(dir.resolve("configuration").resolve(BUNDLES_INFO))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split(",");
            out.add(f[0] + "," + f[1]);
        }
        return out;
    }

    static String symbolicName(Path bundle) throws IOException {
        return manifest(bundle).getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest();
        }
    }

    static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}

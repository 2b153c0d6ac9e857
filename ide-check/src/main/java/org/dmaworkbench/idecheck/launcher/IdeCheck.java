package org.dmaworkbench.idecheck.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The build's check of an IDE as a user gets it (the product archive unpacked, or the update site
 * installed by p2): starts it the way the README says (the product's {@code dmas-ide -data WORKSPACE};
 * {@code java -jar plugins/org.eclipse.equinox.launcher_*.jar -data WORKSPACE} where there is no such
 * script), with only a copied configuration
 * that adds the check driver, waits for the driver's checks, and exits 1 naming each one that failed,
 * a non-empty error log, or bundles that differ from the shipped ones. JDK only: it runs outside OSGi.
 *
 * <pre>IdeCheck --name LABEL (--archive IDE.tar.gz | --install DIR) --driver JAR --examples DIR --work DIR [--timeout SECONDS]</pre>
 */
public final class IdeCheck {
    private IdeCheck() { }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String name = o.getOrDefault("name", "IDE");
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            System.out.println("WARNING: no DISPLAY: the check of the " + name + " (started as the README says) is SKIPPED."
                    + " Run the build under Xvfb: xvfb-run -a ./mvnw verify");
            return;
        }
        long start = System.nanoTime();
        Path work = Path.of(required(o, "work")).toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        Path install = o.containsKey("archive")
                ? Installation.unpack(Path.of(o.get("archive")), work.resolve("ide"))
                : Path.of(required(o, "install")).toAbsolutePath();
        Installation ide = new Installation(install);
        Path result = work.resolve("result.txt");
        Path driver = Path.of(required(o, "driver")).toAbsolutePath();
        Path configuration = ide.checkConfiguration(driver, Map.of("dmas.idecheck.result", result.toString(),
                "dmas.idecheck.project", "examples"));
        Path workspace = work.resolve("workspace");
        copyExamples(Path.of(required(o, "examples")), workspace.resolve("examples"));
        Path output = work.resolve("ide-output.txt");
        long timeout = Long.parseLong(o.getOrDefault("timeout", "300"));

        Process p = ide.start(configuration, workspace, output);
        boolean exited = p.waitFor(timeout, TimeUnit.SECONDS);
        if (!exited) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        Verdict v = new Verdict(name, result);
        v.exit(exited, exited ? p.exitValue() : -1, timeout);
        v.errorLog(workspace.resolve(".metadata/.log"));
        v.bundles(ide.shippedBundles(), work.resolve("bundles.txt"), Installation.symbolicName(driver));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        boolean ok = v.print(System.out, seconds, output);
        System.out.flush();
        if (!ok) System.exit(1);
    }

    /** The examples' .dmas files (folders kept, build output and hidden folders left out) into the workspace's project folder. */
    private static void copyExamples(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.toString().startsWith("target") || rel.toString().startsWith(".") || !f.toString().endsWith(".dmas")) continue;
                Files.createDirectories(to.resolve(rel).getParent());
                Files.copy(f, to.resolve(rel));
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option value, got " + args[i]);
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    private static String required(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) throw new IllegalArgumentException("missing --" + key);
        return v;
    }
}

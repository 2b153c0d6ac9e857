package org.dmaworkbench.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The up-to-date check: a SHA-256 over everything a goal's result depends on, kept in
 * {@code target/dmas/<goal>.fingerprint} after the goal succeeded. The next build computes it again and
 * skips the goal when it is the same. What goes in:
 * <ul>
 * <li>the plugin's version and the size and time stamp of its own jars (a rebuilt SNAPSHOT counts as new);</li>
 * <li>the goal and its parameters (formats, filter, directories, ...);</li>
 * <li>every input file: its path and a hash of its content;</li>
 * <li>every other local file the last run read (imports outside the source directories, files found
 *     through the import path): path and content hash, listed in the fingerprint file itself;</li>
 * <li>the import path: each jar's path, size and time stamp, each directory's path.</li>
 * </ul>
 * The goal's outputs are listed too: when one of them is gone, the goal runs again.
 */
final class Fingerprint {
    private static final String HEADER = "# dmas-maven-plugin: the goal is skipped while this fingerprint matches its inputs "
            + "(delete this file or pass -Ddmas.force=true to run it anyway)";

    /**
     * What a fingerprint file holds.
     *
     * @param hash    the fingerprint
     * @param summary one line the skipped goal repeats in the log
     * @param extra   other files the last run read
     * @param outputs files the goal wrote
     */
    record Stored(String hash, String summary, List<Path> extra, List<Path> outputs) {
        boolean outputsExist() {
            for (Path p : outputs) if (!Files.exists(p)) return false;
            return true;
        }
    }

    private final MessageDigest md;

    Fingerprint() {
        md = sha256();
    }

    Fingerprint add(String key, String value) {
        md.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Fingerprint add(Map<String, String> params) {
        params.forEach(this::add);
        return this;
    }

    /** A file's path and content hash ("missing" when it cannot be read). */
    Fingerprint addFile(String key, Path file) {
        return add(key, file.toAbsolutePath().normalize() + " " + contentHash(file));
    }

    /** A jar's (or any file's) path, size and time stamp; a directory's path. */
    Fingerprint addStamp(String key, Path file) {
        String stamp;
        try {
            stamp = Files.isDirectory(file) ? "dir"
                    : Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            stamp = "missing";
        }
        return add(key, file.toAbsolutePath().normalize() + " " + stamp);
    }

    String hash() {
        return HexFormat.of().formatHex(md.digest());
    }

    static String contentHash(Path file) {
        MessageDigest d = sha256();
        byte[] buf = new byte[16384];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
        } catch (IOException e) {
            return "missing";
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the file

    static Stored read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            String hash = null, summary = "";
            List<Path> extra = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) continue;
                int eq = line.indexOf('=');
                if (eq < 0) continue;
                String k = line.substring(0, eq), v = line.substring(eq + 1);
                switch (k) {
                    case "fingerprint" -> hash = v;
                    case "summary" -> summary = v;
                    case "extra" -> extra.add(Path.of(v));
                    case "output" -> outputs.add(Path.of(v));
                    default -> { }
                }
            }
            return hash == null ? null : new Stored(hash, summary, extra, outputs);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void write(Path file, Stored s) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("fingerprint=").append(s.hash()).append('\n');
        b.append("summary=").append(s.summary().replace('\n', ' ')).append('\n');
        for (Path p : s.extra()) b.append("extra=").append(p).append('\n');
        for (Path p : s.outputs()) b.append("output=").append(p).append('\n');
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next build runs the goal again anyway when the hash differs
        }
    }
}

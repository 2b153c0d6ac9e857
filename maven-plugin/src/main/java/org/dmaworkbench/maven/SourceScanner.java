package org.dmaworkbench.maven;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Selects the {@code .dmas} files of a source directory with Ant-style includes and excludes
 * ({@code **}{@code /*.dmas}, {@code platforms/*.dmas}, {@code **}{@code /draft-*}), the way Maven's
 * resource and compiler plugins do. Hidden directories and the project's build directory are never
 * entered (a source directory may be the project's base directory).
 */
final class SourceScanner {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final Path skipDir;

    SourceScanner(List<String> includes, List<String> excludes, Path skipDir) {
        this.includes = compile(includes == null || includes.isEmpty() ? List.of("**/*.dmas") : includes);
        this.excludes = compile(excludes == null ? List.of() : excludes);
        this.skipDir = skipDir == null ? null : skipDir.toAbsolutePath().normalize();
    }

    /** The selected files below {@code root}, sorted by path; none when {@code root} is not a directory. */
    List<Path> scan(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        Path r = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(r)) return out;
        Files.walkFileTree(r, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(r)) return FileVisitResult.CONTINUE;
                String n = dir.getFileName().toString();
                if (n.startsWith(".") || dir.equals(skipDir)) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && selected(r.relativize(file).toString().replace('\\', '/'))) out.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /** True when a path relative to the source directory ({@code /}-separated) is included and not excluded. */
    boolean selected(String rel) {
        return matchesAny(includes, rel) && !matchesAny(excludes, rel);
    }

    private static boolean matchesAny(List<Pattern> ps, String rel) {
        for (Pattern p : ps) if (p.matcher(rel).matches()) return true;
        return false;
    }

    private static List<Pattern> compile(List<String> patterns) {
        List<Pattern> out = new ArrayList<>();
        for (String p : patterns) if (p != null && !p.isBlank()) out.add(antToRegex(p.trim()));
        return out;
    }

    /**
     * Ant patterns: {@code **} any number of directories, {@code *} any characters but {@code /},
     * {@code ?} one such character; a pattern ending in {@code /} means everything below.
     */
    static Pattern antToRegex(String pattern) {
        String p = pattern.replace('\\', '/');
        while (p.startsWith("./")) p = p.substring(2);
        if (p.startsWith("/")) p = p.substring(1);
        if (p.endsWith("/")) p = p + "**";
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < p.length() && p.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}

package org.dmaworkbench.dsl.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project a {@code .dmas} file belongs to, the same for every front end: the nearest folder
 * above it holding {@code pom.xml}, {@code .project} or {@code .git} (else the file's own folder).
 * Relative imports stay inside it; {@code classpath:} imports look in its Maven source roots.
 */
public final class ProjectRoots {
    /** What marks a project's top folder. */
    static final List<String> MARKERS = List.of("pom.xml", ".project", ".git");
    /** The Maven source roots, relative to the project, where {@code classpath:} imports look when no import path is given. */
    static final List<String> SOURCE_ROOTS = List.of("src/main/dmas", "src/test/dmas", "src/main/resources", "src/test/resources");

    private ProjectRoots() { }

    /** The project folder of {@code file} (absolute, normalized). */
    public static Path projectOf(Path file) {
        Path start = file.toAbsolutePath().normalize().getParent();
        for (Path d = start; d != null; d = d.getParent()) {
            for (String m : MARKERS) if (Files.exists(d.resolve(m))) return d;
        }
        return start == null ? file.toAbsolutePath().normalize() : start;
    }

    /** The project's Maven source roots that exist. */
    public static List<Path> sourceRoots(Path project) {
        List<Path> out = new ArrayList<>();
        for (String r : SOURCE_ROOTS) {
            Path p = project.resolve(r);
            if (Files.isDirectory(p)) out.add(p);
        }
        return out;
    }
}

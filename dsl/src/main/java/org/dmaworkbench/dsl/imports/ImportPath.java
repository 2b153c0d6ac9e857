package org.dmaworkbench.dsl.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.emf.common.util.URI;

/**
 * Where {@code import "classpath:/platforms/spr.dmas"} looks: an ordered list of directories and
 * jar/zip files (a Maven project's source roots, then its dependencies), as Xtext's
 * {@code classpath:} URIs do on a Java class path. The first root holding {@code platforms/spr.dmas}
 * wins: a directory's file becomes a {@code file:} URI, a jar's entry an {@code archive:file:...!/}
 * URI (EMF reads both). Jars are indexed once, lazily, and only for their {@code .dmas} entries.
 */
public final class ImportPath {
    /** The URI scheme of imports looked up on the import path. */
    public static final String SCHEME = "classpath";

    private final List<Path> roots;
    private final Map<Path, Set<String>> jarEntries = new HashMap<>();

    public ImportPath(List<Path> roots) {
        List<Path> r = new ArrayList<>();
        for (Path p : roots) if (p != null) r.add(p.toAbsolutePath().normalize());
        this.roots = List.copyOf(r);
    }

    public boolean isEmpty() { return roots.isEmpty(); }

    /** The roots, in lookup order. */
    public List<Path> roots() { return roots; }

    /** The file or jar entry at {@code rel} ({@code a/b.dmas}, already checked to hold no {@code ..}) in the first root that has it, or null. */
    public synchronized URI find(String rel) {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Path f = root.resolve(rel).normalize();
                if (f.startsWith(root) && Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return URI.createFileURI(f.toString());
            } else if (Files.isRegularFile(root) && entries(root).contains(rel)) {
                return URI.createURI("archive:" + URI.createFileURI(root.toString()) + "!/" + rel);
            }
        }
        return null;
    }

    private Set<String> entries(Path jar) {
        return jarEntries.computeIfAbsent(jar, j -> {
            Set<String> names = new HashSet<>();
            try (ZipFile z = new ZipFile(j.toFile())) {
                for (var e = z.entries(); e.hasMoreElements(); ) {
                    ZipEntry en = e.nextElement();
                    if (!en.isDirectory() && en.getName().endsWith(".dmas")) names.add(en.getName());
                }
            } catch (IOException | RuntimeException ignored) {
                // not a zip: nothing to import from it
            }
            return Collections.unmodifiableSet(names);
        });
    }

    /** {@code archive:file:/x.jar!/a/b.dmas}: an entry of a local jar (EMF's archive URI handler reads it). */
    public static boolean isLocalArchive(URI u) {
        if (!"archive".equals(u.scheme())) return false;
        String s = u.toString();
        int bang = s.indexOf("!/");
        return bang > 0 && s.startsWith("archive:file:");
    }
}

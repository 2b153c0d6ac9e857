package org.dmaworkbench.dsl.imports;

import com.google.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.imports.ImportResolution.Refusal;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * The one import resolution of every front end (bound in the runtime module; the scope provider
 * loads what it resolves, the validator reports what it refuses, on the import's string). An import
 * is a path relative to the importing file, or {@code classpath:/a/b.dmas} looked up on the import
 * path. Nothing outside the importing file's project ({@link ProjectRoots}) and the declared import
 * path ({@link ImportScope}) is ever read: no absolute paths or other URI schemes, no {@code ..}
 * out of the project, no symbolic link that leads out of it; only regular {@code .dmas} files of at
 * most {@link #MAX_FILE_BYTES}.
 */
@Singleton
public class ImportResolver {
    /** Files larger than this are not read (inputs and imports alike). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /** Where {@code written}, imported by {@code from}, leads; null when there is nothing to resolve (no string: a syntax error). */
    public ImportResolution resolve(String written, Resource from) {
        if (written == null) return null;
        if (written.isBlank()) return ImportResolution.refused(Refusal.EMPTY, "import \"\": the import names no file");
        String shown = "import \"" + written + "\"";
        URI uri;
        try {
            uri = URI.createURI(written);
        } catch (IllegalArgumentException e) {
            return ImportResolution.refused(Refusal.NOT_RELATIVE, shown + ": not a valid path");
        }
        if (ImportPath.SCHEME.equals(uri.scheme())) return classpath(uri, shown, from);
        if (uri.scheme() != null || written.startsWith("/") || written.startsWith("\\") || uri.device() != null) {
            return ImportResolution.refused(Refusal.NOT_RELATIVE,
                    shown + ": only a path relative to this file, or classpath:/..., can be imported");
        }
        if (!written.endsWith(".dmas")) {
            return ImportResolution.refused(Refusal.NOT_DMAS, shown + ": only .dmas files can be imported");
        }
        URI base = from == null ? null : from.getURI();
        if (base == null || !base.isFile()) { // a jar entry importing its neighbour: stays inside the jar
            URI resolved = base == null ? uri : uri.resolve(base);
            if (base != null && ImportPath.isLocalArchive(base) && resolved.toString().startsWith(archiveRoot(base))) {
                return ImportResolution.ok(resolved);
            }
            return ImportResolution.refused(Refusal.OUTSIDE_PROJECT, shown + ": outside the library it belongs to");
        }
        Path fromFile;
        Path target;
        try {
            fromFile = Path.of(base.toFileString()).toAbsolutePath().normalize();
            Path dir = fromFile.getParent();
            target = (dir == null ? Path.of(written) : dir.resolve(written)).normalize();
        } catch (InvalidPathException e) {
            return ImportResolution.refused(Refusal.NOT_RELATIVE, shown + ": not a valid path");
        }
        List<Path> allowed = allowed(fromFile, from);
        if (allowed.stream().noneMatch(target::startsWith)) {
            return ImportResolution.refused(Refusal.OUTSIDE_PROJECT, shown
                    + ": outside this file's project (the folder above it with pom.xml, .project or .git); imports stay inside the project and its declared dependencies");
        }
        return readable(target, shown, allowed, "imported file not found: " + written + " (relative to this file's folder)");
    }

    private static String archiveRoot(URI archive) {
        String s = archive.toString();
        return s.substring(0, s.indexOf("!/") + 2);
    }

    /** The folders a relative import may reach from {@code fromFile}: its project, and the declared import path's folders. */
    private static List<Path> allowed(Path fromFile, Resource from) {
        List<Path> out = new ArrayList<>();
        out.add(ProjectRoots.projectOf(fromFile));
        ImportPath declared = ImportScope.of(from.getResourceSet());
        if (declared != null) for (Path r : declared.roots()) if (Files.isDirectory(r)) out.add(r);
        return out;
    }

    private ImportResolution classpath(URI uri, String shown, Resource from) {
        String rel = uri.isHierarchical() ? uri.path() : uri.opaquePart();
        if (rel != null) while (rel.startsWith("/")) rel = rel.substring(1);
        if (rel == null || rel.isEmpty()) return ImportResolution.refused(Refusal.EMPTY, shown + ": the import names no file");
        for (String seg : rel.split("/")) {
            if (seg.equals("..") || seg.equals(".")) {
                return ImportResolution.refused(Refusal.OUTSIDE_PROJECT, shown + ": classpath: paths cannot contain . or ..");
            }
        }
        if (!rel.endsWith(".dmas")) return ImportResolution.refused(Refusal.NOT_DMAS, shown + ": only .dmas files can be imported");
        ImportPath path = ImportScope.of(from == null ? null : from.getResourceSet());
        if (path == null) path = conventional(from);
        URI found = path.find(rel);
        if (found == null) return ImportResolution.refused(Refusal.NOT_FOUND, "imported file not found on the import path: " + uri);
        if (!found.isFile()) return ImportResolution.ok(found); // a dependency's jar entry
        return readable(Path.of(found.toFileString()), shown, path.roots(), "imported file not found on the import path: " + uri);
    }

    /** Without a declared import path: the Maven source roots of the importing file's project. */
    private static ImportPath conventional(Resource from) {
        URI u = from == null ? null : from.getURI();
        if (u == null || !u.isFile()) return new ImportPath(List.of());
        return new ImportPath(ProjectRoots.sourceRoots(ProjectRoots.projectOf(Path.of(u.toFileString()))));
    }

    /** {@code target} when it is a regular file of reasonable size whose real location is inside one of {@code allowed}. */
    private static ImportResolution readable(Path target, String shown, List<Path> allowed, String notFound) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return ImportResolution.refused(Refusal.NOT_FOUND, notFound);
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException | RuntimeException e) {
            return ImportResolution.refused(Refusal.NOT_FOUND, notFound); // a dangling symbolic link
        }
        boolean inside = false;
        for (Path a : allowed) {
            try {
                if (real.startsWith(a.toRealPath())) inside = true;
            } catch (IOException | RuntimeException ignored) {
                // a root that is gone allows nothing
            }
        }
        if (!inside) {
            return ImportResolution.refused(Refusal.OUTSIDE_PROJECT, shown + ": a symbolic link to a file outside the project");
        }
        if (!Files.isRegularFile(real)) {
            return ImportResolution.refused(Refusal.NOT_REGULAR, shown + ": not a regular file (a folder, a device or a pipe)");
        }
        try {
            if (Files.size(real) > MAX_FILE_BYTES) {
                return ImportResolution.refused(Refusal.TOO_LARGE, shown + ": file too large (over " + (MAX_FILE_BYTES >> 20) + " MiB)");
            }
        } catch (IOException e) {
            return ImportResolution.refused(Refusal.NOT_FOUND, notFound);
        }
        return ImportResolution.ok(URI.createFileURI(target.toString()));
    }
}

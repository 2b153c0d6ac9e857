package org.dmaworkbench.dsl.imports;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.resource.ResourceSet;

/**
 * The import path a batch declares for the files of one resource set: where {@code classpath:}
 * imports look (a Maven project's source roots, its {@code importPath}, its dependencies' jars and
 * output folders) and what besides each file's project may be read. Attached to the resource set by
 * the batch loader; without one (the editor, the language server) each file's project
 * ({@link ProjectRoots}) is the whole scope.
 */
public final class ImportScope extends AdapterImpl {
    private final ImportPath path;

    private ImportScope(ImportPath path) {
        this.path = path;
    }

    /** Declares {@code roots} as the import path of {@code rs}. */
    public static void install(ResourceSet rs, List<Path> roots) {
        rs.eAdapters().removeIf(a -> a instanceof ImportScope);
        if (!roots.isEmpty()) rs.eAdapters().add(new ImportScope(new ImportPath(roots)));
    }

    /** The declared import path of {@code rs}, or null. */
    static ImportPath of(ResourceSet rs) {
        if (rs == null) return null;
        for (var a : rs.eAdapters()) if (a instanceof ImportScope s) return s.path;
        return null;
    }

    @Override
    public boolean isAdapterForType(Object type) {
        return type == ImportScope.class;
    }
}

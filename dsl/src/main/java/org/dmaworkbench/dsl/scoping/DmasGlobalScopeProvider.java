package org.dmaworkbench.dsl.scoping;

import com.google.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import org.dmaworkbench.dsl.dmas.Import;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.imports.ImportResolution;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.util.IResourceScopeCache;

/**
 * Platforms and devices come from the files a scenario imports, transitively, as
 * {@link ImportUriGlobalScopeProvider} links them, but each import goes through the
 * {@link ImportResolver}: {@code classpath:} imports resolve in every front end, and a file the
 * resolver refuses (outside the project, not a regular file, too large) is never read. The
 * validator reports the refusal on the import.
 */
public class DmasGlobalScopeProvider extends ImportUriGlobalScopeProvider {
    @Inject private ImportResolver resolver;
    @Inject private IResourceScopeCache cache;

    @Override
    protected LinkedHashSet<URI> getImportedUris(Resource resource) {
        return cache.get(DmasGlobalScopeProvider.class.getName(), resource, () -> imported(resource));
    }

    /** The resolved imports of {@code resource} and of the files they import, in discovery order. */
    LinkedHashSet<URI> imported(Resource resource) {
        LinkedHashSet<URI> out = new LinkedHashSet<>();
        Deque<Resource> todo = new ArrayDeque<>();
        todo.add(resource);
        while (!todo.isEmpty()) {
            Resource r = todo.poll();
            if (r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Model m)) continue;
            for (Import i : m.getImports()) {
                ImportResolution res = resolver.resolve(i.getImportURI(), r);
                if (res == null || !res.ok() || res.target().equals(resource.getURI()) || !out.add(res.target())) continue;
                Resource next = load(resource, res.target());
                if (next != null) todo.add(next);
            }
        }
        return out;
    }

    private static Resource load(Resource context, URI uri) {
        if (context.getResourceSet() == null) return null;
        try {
            return context.getResourceSet().getResource(uri, true);
        } catch (RuntimeException e) {
            return null; // unreadable: reported at the import
        }
    }
}

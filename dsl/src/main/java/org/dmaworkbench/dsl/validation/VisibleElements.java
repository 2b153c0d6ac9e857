package org.dmaworkbench.dsl.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Element;
import org.dmaworkbench.dsl.dmas.Import;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.dsl.imports.ImportResolution;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * The platforms, IOMMUs and devices one file can name: its own, then those of the files it imports,
 * transitively (the same files {@code DmasGlobalScopeProvider} links against, through the {@link ImportResolver}).
 */
final class VisibleElements {
    private VisibleElements() { }

    /** Own elements first, in source order (IOMMUs right after their platform), then imported ones. */
    static List<EObject> of(Model model, ImportResolver imports) {
        List<EObject> out = new ArrayList<>();
        Set<Resource> seen = new LinkedHashSet<>();
        Deque<Resource> todo = new ArrayDeque<>();
        if (model.eResource() == null) {
            collect(model, out);
            return out;
        }
        todo.add(model.eResource());
        while (!todo.isEmpty()) {
            Resource r = todo.poll();
            if (!seen.add(r) || r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Model m)) continue;
            collect(m, out);
            for (Import i : m.getImports()) {
                Resource imported = load(r, imports.resolve(i.getImportURI(), r));
                if (imported != null) todo.add(imported);
            }
        }
        return out;
    }

    private static void collect(Model m, List<EObject> out) {
        for (Element e : m.getElements()) {
            out.add(e);
            if (e instanceof Platform p) out.addAll(p.getIommus());
        }
    }

    /** The resolved import's resource; none for a refused import (the ImportValidator reports it), which is never read. */
    private static Resource load(Resource context, ImportResolution resolved) {
        if (resolved == null || !resolved.ok() || context.getResourceSet() == null) return null;
        try {
            return context.getResourceSet().getResource(resolved.target(), true);
        } catch (RuntimeException e) {
            return null; // a broken import is the linker's diagnostic, not ours
        }
    }
}

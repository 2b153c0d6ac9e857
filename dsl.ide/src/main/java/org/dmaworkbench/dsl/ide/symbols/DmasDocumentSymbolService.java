package org.dmaworkbench.dsl.ide.symbols;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.dmaworkbench.dsl.ide.docs.ElementDocs;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;

/**
 * The outline of a scenario file: platforms with their IOMMUs, devices, scenarios with the
 * handles they declare (also those inside {@code repeat} bodies), benchmarks.
 */
@Singleton
public class DmasDocumentSymbolService extends HierarchicalDocumentSymbolService {
    @Inject
    private ILocationInFileProvider locations;

    @Inject
    private DocumentExtensions documentExtensions;

    @Override
    public List<DocumentSymbol> getSymbols(XtextResource resource, CancelIndicator cancelIndicator) {
        List<DocumentSymbol> result = new ArrayList<>();
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) return result;
        for (EObject e : model.getElements()) {
            if (cancelIndicator.isCanceled()) break;
            if (e instanceof Platform p) {
                DocumentSymbol s = symbol(resource, p, p.getName(), SymbolKind.Namespace, "platform");
                for (Iommu i : p.getIommus()) add(s, symbol(resource, i, i.getName(), SymbolKind.Module, ElementDocs.detail(i)));
                add(result, s);
            } else if (e instanceof Device d) {
                add(result, symbol(resource, d, d.getName(), SymbolKind.Struct, ElementDocs.detail(d)));
            } else if (e instanceof Scenario sc) {
                DocumentSymbol s = symbol(resource, sc, sc.getTitle(), SymbolKind.Function, "scenario" + on(sc.getPlatform()));
                for (var it = sc.eAllContents(); it.hasNext(); ) {
                    if (it.next() instanceof HandleDecl h) add(s, symbol(resource, h, h.getName(), SymbolKind.Variable, ElementDocs.detail(h)));
                }
                add(result, s);
            } else if (e instanceof Benchmark b) {
                add(result, symbol(resource, b, b.getTitle(), SymbolKind.Event, "benchmark" + on(b.getPlatform())));
            }
        }
        return result;
    }

    private static String on(Platform p) {
        return p == null || p.eIsProxy() || p.getName() == null ? "" : " on " + p.getName();
    }

    private DocumentSymbol symbol(XtextResource resource, EObject o, String name, SymbolKind kind, String detail) {
        ITextRegion full = locations.getFullTextRegion(o);
        ITextRegion significant = locations.getSignificantTextRegion(o);
        if (full == null || name == null || name.isEmpty()) return null;
        DocumentSymbol s = new DocumentSymbol(name, kind, documentExtensions.newRange(resource, full),
                documentExtensions.newRange(resource, significant == null ? full : significant), detail);
        s.setChildren(new ArrayList<>());
        return s;
    }

    private static void add(DocumentSymbol parent, DocumentSymbol child) {
        if (parent != null && child != null) parent.getChildren().add(child);
    }

    private static void add(List<DocumentSymbol> list, DocumentSymbol s) {
        if (s != null) list.add(s);
    }
}

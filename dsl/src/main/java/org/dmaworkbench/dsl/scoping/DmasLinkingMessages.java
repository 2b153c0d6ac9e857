package org.dmaworkbench.dsl.scoping;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.dmaworkbench.dsl.validation.Suggest;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * A name that resolves to nothing, in the user's words: what it would have to be, the names in scope
 * closest to it, and the habits behind common ones (a symbol in lower case, a gfp flag).
 */
public class DmasLinkingMessages extends LinkingDiagnosticMessageProvider {
    private static final Set<String> SYMBOLS = Set.of("DMA_BIDIRECTIONAL", "DMA_TO_DEVICE", "DMA_FROM_DEVICE", "BYPASS", "IOVA", "KVA",
            "IOMMU_READ", "IOMMU_WRITE");

    @Inject
    private IScopeProvider scopes;

    @Override
    public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
        String name = context.getLinkText();
        String upper = name.toUpperCase();
        if (SYMBOLS.contains(upper)) {
            return error("symbols are written in upper case: " + upper, upper);
        }
        if (upper.startsWith("GFP_") || upper.startsWith("__GFP_")) {
            return error("the simulator's allocators take no gfp flags: drop " + name);
        }
        if (name.equals("NULL")) {
            return error("NULL is no argument here: calls take only the arguments their signature lists (hover a call to see it)");
        }
        String kind = kind(context.getReference().getEReferenceType().getName());
        List<String> known = new ArrayList<>();
        try {
            IScope scope = scopes.getScope(context.getContext(), context.getReference());
            for (IEObjectDescription d : scope.getAllElements()) known.add(d.getName().toString());
        } catch (RuntimeException e) {
            // a broken model: answer without candidates
        }
        List<String> close = Suggest.closest(name, known, 3);
        String message = "no " + kind + " named '" + name + "' here"
                + (close.isEmpty() ? (known.isEmpty() ? "" : " (declared: " + String.join(", ", known.subList(0, Math.min(8, known.size()))) + ")")
                        : ": did you mean " + String.join(", ", close) + "?");
        return error(message, close.toArray(String[]::new));
    }

    private static String kind(String type) {
        return switch (type) {
            case "Referable" -> "device or handle";
            case "Device" -> "device";
            case "Platform" -> "platform";
            case "Iommu" -> "IOMMU";
            default -> type.toLowerCase();
        };
    }

    private static DiagnosticMessage error(String message, String... data) {
        return new DiagnosticMessage(message, Severity.ERROR, IssueCodes.UNRESOLVED_NAME, data);
    }
}

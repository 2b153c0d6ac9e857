package org.dmaworkbench.dsl.ide.contentassist;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DmasPackage;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalPriorities;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * Templates, as LSP snippets ({@code ${1:name}} tab stops, {@code $0} the final cursor): a
 * scenario skeleton, a benchmark block, and at statement level the idxd PASID pattern (a global
 * PASID attached to the default domain, a streaming mapping, PASID-tagged DMA, the unmap), as
 * {@code drivers/dma/idxd} does for kernel DMA. Placeholders default to names in scope.
 */
public class DmasTemplateProposalProvider {
    @Inject
    private IScopeProvider scopeProvider;

    @Inject
    private IdeContentProposalPriorities priorities;

    public void scenario(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        String platform = firstName(context, DmasPackage.Literals.SCENARIO__PLATFORM, "spr", false);
        String device = firstName(context, DmasPackage.Literals.PROBE__DEVICE, "dev", false);
        accept("scenario", "scenario skeleton", "A scenario: a title, the platform it boots, a first probe.", context, acceptor,
                "scenario \"${1:what this scenario shows}\" on ${2:" + platform + "} {",
                "    probe ${3:" + device + "}",
                "    $0",
                "\\}");
    }

    public void benchmark(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        String platform = firstName(context, DmasPackage.Literals.BENCHMARK__PLATFORM, "spr", false);
        String device = firstName(context, DmasPackage.Literals.BENCHMARK__DEVICE, "dev", false);
        accept("benchmark", "benchmark block", "dma_map_benchmark: map/unmap latency of one device under several DMA policies.",
                context, acceptor,
                "benchmark \"${1:map/unmap latency by policy}\" on ${2:" + platform + "} {",
                "    device ${3:" + device + "} threads ${4:16} iterations ${5:100000} granule ${6:1} direction ${7|bidirectional,to-device,from-device|}",
                "    compare ${8:passthrough, strict, lazy}",
                "\\}$0");
    }

    public void idxdPasid(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        String device = firstName(context, DmasPackage.Literals.PROBE__DEVICE, "dev", true);
        accept("idxd-pasid", "idxd PASID pattern",
                "Kernel DMA with a global PASID on the default domain, as idxd does: iommu_alloc_global_pasid(), "
                        + "iommu_attach_device_pasid(default_domain), dma_map_single(), PASID-tagged DMA, dma_unmap_single().",
                context, acceptor,
                "pasid ${2:kp} = iommu_alloc_global_pasid(${1:" + device + "})",
                "iommu_attach_device_pasid(default_domain($1), $1, $2) expect 0",
                "buffer ${3:buf} = kmalloc(${4:4096})",
                "dma_addr ${5:a} = dma_map_single($1, $3, $4, DMA_TO_DEVICE)",
                "dma_mapping_error($1, $5) expect false",
                "dma $1 pasid $2 read $5 len $4 expect ok",
                "dma_unmap_single($1, $5, $4, DMA_TO_DEVICE)",
                "$0");
    }

    /** Accepts a snippet whose lines after the first are indented like the line it is inserted in. */
    protected void accept(String label, String description, String documentation, ContentAssistContext context,
            IIdeContentProposalAcceptor acceptor, String... lines) {
        String prefix = context.getPrefix();
        if (!prefix.isEmpty() && !label.startsWith(prefix) && !lines[0].startsWith(prefix)) return;
        String indentation = indentation(context);
        StringBuilder text = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) text.append('\n').append(indentation).append(lines[i]);
        ContentAssistEntry entry = new ContentAssistEntry();
        entry.setPrefix(prefix);
        entry.setProposal(text.toString());
        entry.setLabel(label);
        entry.setDescription(description);
        entry.setDocumentation(documentation);
        entry.setKind(ContentAssistEntry.KIND_SNIPPET);
        acceptor.accept(entry, priorities.getDefaultPriority(entry));
    }

    /** Whitespace from the start of the cursor's line up to the proposal. */
    protected String indentation(ContentAssistContext context) {
        String text = context.getRootNode() == null ? "" : context.getRootNode().getText();
        int start = Math.min(context.getReplaceRegion().getOffset(), text.length());
        int lineStart = start;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') lineStart--;
        StringBuilder indent = new StringBuilder();
        for (int i = lineStart; i < start && Character.isWhitespace(text.charAt(i)); i++) indent.append(text.charAt(i));
        return indent.toString();
    }

    /** The first name in scope for a reference, preferring PASID-capable devices when asked. */
    protected String firstName(ContentAssistContext context, EReference reference, String fallback, boolean preferPasid) {
        EObject model = context.getCurrentModel() != null ? context.getCurrentModel() : context.getRootModel();
        if (model == null) return fallback;
        List<String> names = new ArrayList<>();
        try {
            for (IEObjectDescription d : scopeProvider.getScope(model, reference).getAllElements()) {
                if (preferPasid) {
                    EObject o = EcoreUtil.resolve(d.getEObjectOrProxy(), model);
                    if (o instanceof Device dev && dev.getPasidBits() > 0) return escape(d.getName().toString());
                }
                names.add(d.getName().toString());
            }
        } catch (RuntimeException e) {
            return fallback;
        }
        return names.isEmpty() ? fallback : escape(names.get(0));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
    }
}

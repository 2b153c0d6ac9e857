package org.dmaworkbench.dsl.ide.docs;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.runtime.run.CallSignature;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Markdown descriptions of the named things of a scenario file: devices (BDF, IOMMU, trust),
 * handles (declared type, the call that produced it), IOMMUs and platforms.
 */
public final class ElementDocs {
    private ElementDocs() { }

    public static String describe(EObject element) {
        if (element instanceof Device d) return device(d);
        if (element instanceof HandleDecl h) return handle(h);
        if (element instanceof Iommu i) return iommu(i);
        if (element instanceof Platform p) return platform(p);
        return null;
    }

    /** One line for completion details: {@code device 0000:6a:01.0 behind vtd0}. */
    public static String detail(EObject element) {
        if (element instanceof Device d) {
            return "device " + nonNull(d.getBdf(), "?") + (d.getIommu() != null ? " behind " + d.getIommu().getName() : "")
                    + (d.isExternal() ? ", untrusted" : "");
        }
        if (element instanceof HandleDecl h) {
            return h.getType().getLiteral() + " = " + (h.getCall() == null ? "?" : source(h.getCall()));
        }
        if (element instanceof Iommu i) return "iommu " + nonNull(i.getArch(), "?");
        if (element instanceof Platform) return "platform";
        return null;
    }

    static String device(Device d) {
        List<String> caps = new ArrayList<>();
        if (d.getPasidBits() > 0) caps.add("PASID (" + d.getPasidBits() + " bits)");
        if (d.isAts()) caps.add(d.isExternal() ? "ATS capable (not enabled: untrusted)" : "ATS");
        if (d.isSatc()) caps.add("SATC");
        if (d.isRequireDirect()) caps.add("RMRR direct mappings");
        StringBuilder b = new StringBuilder();
        b.append("**device `").append(d.getName()).append("`**\n\n");
        b.append("- BDF `").append(nonNull(d.getBdf(), "unset")).append("`\n");
        b.append("- IOMMU: ").append(d.getIommu() == null ? "none (dma-direct)"
                : "`" + d.getIommu().getName() + "` (" + nonNull(d.getIommu().getArch(), "?") + ")").append('\n');
        b.append("- Trust: ").append(d.isExternal()
                ? "**untrusted**, behind an external-facing port: strict DMA domain, swiotlb bounce buffers, no ATS, KVA/bypass refused"
                : "trusted (internal)").append('\n');
        b.append("- DMA: ").append(d.isNonCoherent() ? "non-coherent" : "coherent")
                .append(", mask ").append(d.getDmaMask() == 0 ? 32 : d.getDmaMask()).append(" bits\n");
        if (!caps.isEmpty()) b.append("- Capabilities: ").append(String.join(", ", caps)).append('\n');
        if (d.getDriver() != null) b.append("- Driver: `").append(d.getDriver()).append("`\n");
        return b.toString();
    }

    static String handle(HandleDecl h) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(h.getType().getLiteral()).append(" `").append(h.getName()).append("`**");
        String cType = cType(h.getType().getLiteral());
        if (cType != null) b.append(" (`").append(cType).append("`)");
        b.append("\n\n");
        Call call = h.getCall();
        if (call != null) {
            b.append("Produced by `").append(source(call)).append("`");
            CallSignature sig = KernelCallDocs.find(call.getFunction());
            if (sig != null) b.append(", which models `").append(sig.models()).append("`.\n\n**Outcomes:** ").append(sig.outcomes());
            else b.append('.');
        }
        return b.toString();
    }

    static String iommu(Iommu i) {
        StringBuilder b = new StringBuilder("**iommu `" + i.getName() + "`** (" + nonNull(i.getArch(), "?") + ")\n\n");
        b.append("- PASID: ").append(i.getPasidBits() > 0 ? i.getPasidBits() + " bits" : "not supported").append('\n');
        b.append("- Address width: ").append(i.getAddressWidth() == 0 ? 48 : i.getAddressWidth()).append(" bits\n");
        b.append("- Flush queue: ").append(i.getFqEntries() == 0 ? 256 : i.getFqEntries()).append(" entries, ")
                .append(i.getFqTimeout() == null ? "10 ms" : i.getFqTimeout().getValue() + " " + i.getFqTimeout().getUnit().getLiteral())
                .append('\n');
        if (!i.getQuirks().isEmpty()) b.append("- Quirks: ").append(i.getQuirks()).append('\n');
        return b.toString();
    }

    static String platform(Platform p) {
        StringBuilder b = new StringBuilder("**platform `" + p.getName() + "`**\n\n");
        b.append("- Default domain: ").append(p.getDefaultDomain().getLiteral()).append('\n');
        if (p.getCmdline() != null) b.append("- Command line: `").append(p.getCmdline()).append("`\n");
        for (Iommu i : p.getIommus()) b.append("- IOMMU `").append(i.getName()).append("` (").append(i.getArch()).append(")\n");
        return b.toString();
    }

    /** The C type behind a handle type keyword. */
    static String cType(String handleType) {
        return switch (handleType) {
            case "pasid" -> "ioasid_t";
            case "buffer" -> "void *";
            case "dma_addr" -> "dma_addr_t";
            case "domain" -> "struct iommu_domain *";
            case "process" -> "struct mm_struct *";
            case "sg_table" -> "struct sg_table";
            case "coherent_buf" -> "void * + dma_addr_t";
            case "sva" -> "struct iommu_sva *";
            case "int" -> "int";
            default -> null;
        };
    }

    /** The source text of a model element, whitespace collapsed. */
    public static String source(EObject o) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
        return node == null ? "" : NodeModelUtils.getTokenText(node);
    }

    private static String nonNull(String s, String dflt) { return s == null ? dflt : s; }
}

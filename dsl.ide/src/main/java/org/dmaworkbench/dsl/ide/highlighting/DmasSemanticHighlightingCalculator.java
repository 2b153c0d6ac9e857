package org.dmaworkbench.dsl.ide.highlighting;

import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.BENCHMARK__DEVICE;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.BENCHMARK__PLATFORM;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.CALL__FUNCTION;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.CHECK__COUNTER;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.DEVICE_DMA__DEVICE;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.DEVICE__IOMMU;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.HANDLE_DECL__TYPE;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.IOMMU__NAME;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.NAME_REF__TARGET;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.PLATFORM__NAME;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.PROBE__DEVICE;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.REFERABLE__NAME;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.SCENARIO__PLATFORM;
import static org.dmaworkbench.dsl.dmas.DmasPackage.Literals.UNBIND__DEVICE;
import static org.dmaworkbench.dsl.ide.highlighting.DmasHighlightingStyles.*;

import java.util.HashSet;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.Check;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.Expect;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.NameRef;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.dsl.dmas.Probe;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.dmaworkbench.dsl.dmas.Unbind;
import org.dmaworkbench.dsl.ide.docs.KernelCallDocs;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultSemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic highlighting: kernel function names, handle declarations and references, device
 * declarations and references, platforms and IOMMUs, and the expectation part of a step; then
 * every token none of those claimed gets its lexical class (keyword, comment, string, number), so
 * a client that colours only with semantic tokens colours the whole file. Positions never overlap,
 * and a comment or string over several lines is one position per line (LSP clients need not
 * support multi-line tokens).
 */
public class DmasSemanticHighlightingCalculator extends DefaultSemanticHighlightingCalculator {

    @Override
    public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
        Set<Integer> claimed = new HashSet<>();
        super.provideHighlightingFor(resource, (offset, length, ids) -> {
            claimed.add(offset);
            acceptor.addPosition(offset, length, ids);
        }, cancel);
        if (resource == null || resource.getParseResult() == null) return;
        for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
            if (claimed.contains(leaf.getOffset()) || leaf.getLength() == 0) continue;
            String style = lexical(leaf);
            if (style != null) perLine(leaf, style, acceptor);
        }
    }

    /** The lexical class of a token, or null (whitespace, punctuation, names). */
    private static String lexical(ILeafNode leaf) {
        EObject g = leaf.getGrammarElement();
        if (g instanceof Keyword k) return Character.isLetter(k.getValue().charAt(0)) ? KEYWORD : null;
        AbstractRule rule = g instanceof RuleCall rc ? rc.getRule() : g instanceof AbstractRule r ? r : null;
        if (rule == null) return null;
        return switch (rule.getName()) {
            case "SL_COMMENT", "ML_COMMENT" -> COMMENT;
            case "STRING" -> STRING;
            case "INT", "HEX", "BDF" -> NUMBER;
            default -> null;
        };
    }

    private static void perLine(ILeafNode leaf, String style, IHighlightedPositionAcceptor acceptor) {
        String text = leaf.getText();
        int start = 0;
        for (int nl = text.indexOf('\n'); ; nl = text.indexOf('\n', start)) {
            int end = nl < 0 ? text.length() : nl;
            if (end > start && text.charAt(end - 1) == '\r') end--;
            if (end > start) acceptor.addPosition(leaf.getOffset() + start, end - start, style);
            if (nl < 0) return;
            start = nl + 1;
        }
    }

    @Override
    protected boolean highlightElement(EObject object, IHighlightedPositionAcceptor acceptor, CancelIndicator cancelIndicator) {
        if (object instanceof Call call) {
            if (KernelCallDocs.find(call.getFunction()) != null) highlightFeature(acceptor, call, CALL__FUNCTION, KERNEL_FUNCTION, KNOWN_CALL);
            else highlightFeature(acceptor, call, CALL__FUNCTION, KERNEL_FUNCTION);
        } else if (object instanceof HandleDecl h) {
            highlightFeature(acceptor, h, HANDLE_DECL__TYPE, HANDLE_TYPE);
            highlightFeature(acceptor, h, REFERABLE__NAME, HANDLE, DECLARATION);
        } else if (object instanceof NameRef ref) {
            if (ref.getTarget() instanceof HandleDecl) highlightFeature(acceptor, ref, NAME_REF__TARGET, HANDLE);
            else if (ref.getTarget() instanceof Device) highlightFeature(acceptor, ref, NAME_REF__TARGET, DEVICE);
        } else if (object instanceof Probe p) {
            highlightFeature(acceptor, p, PROBE__DEVICE, DEVICE);
        } else if (object instanceof Unbind u) {
            highlightFeature(acceptor, u, UNBIND__DEVICE, DEVICE);
        } else if (object instanceof DeviceDma d) {
            highlightFeature(acceptor, d, DEVICE_DMA__DEVICE, DEVICE);
        } else if (object instanceof Device d) {
            highlightFeature(acceptor, d, REFERABLE__NAME, DEVICE, DECLARATION);
            highlightFeature(acceptor, d, DEVICE__IOMMU, PLATFORM);
        } else if (object instanceof Platform p) {
            highlightFeature(acceptor, p, PLATFORM__NAME, PLATFORM, DECLARATION);
        } else if (object instanceof Iommu i) {
            highlightFeature(acceptor, i, IOMMU__NAME, PLATFORM, DECLARATION);
        } else if (object instanceof Scenario s) {
            highlightFeature(acceptor, s, SCENARIO__PLATFORM, PLATFORM);
        } else if (object instanceof Benchmark b) {
            highlightFeature(acceptor, b, BENCHMARK__PLATFORM, PLATFORM);
            highlightFeature(acceptor, b, BENCHMARK__DEVICE, DEVICE);
        } else if (object instanceof Check c) {
            for (INode n : NodeModelUtils.findNodesForFeature(c, CHECK__COUNTER)) acceptor.addPosition(n.getOffset(), n.getLength(), COUNTER);
        } else if (object instanceof Expect e) {
            highlightExpectation(e, acceptor);
            return true;
        }
        return false;
    }

    /** Keywords of an expectation as {@link DmasHighlightingStyles#EXPECTATION}, the expected constant as a value. */
    protected void highlightExpectation(Expect expect, IHighlightedPositionAcceptor acceptor) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(expect);
        if (node == null) return;
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (leaf.isHidden()) continue;
            EObject g = leaf.getGrammarElement();
            if (g instanceof EnumLiteralDeclaration || g instanceof Keyword k && k.eContainer() instanceof EnumLiteralDeclaration) {
                highlightNode(acceptor, leaf, EXPECTED_VALUE);
            } else if (g instanceof Keyword k && Character.isUpperCase(k.getValue().charAt(0))) {
                highlightNode(acceptor, leaf, EXPECTED_VALUE);
            } else if (g instanceof Keyword k && !"-".equals(k.getValue())) {
                highlightNode(acceptor, leaf, EXPECTATION);
            } else if (g instanceof org.eclipse.xtext.RuleCall rc && rc.getRule() instanceof org.eclipse.xtext.EnumRule) {
                highlightNode(acceptor, leaf, EXPECTED_VALUE);
            }
        }
    }
}

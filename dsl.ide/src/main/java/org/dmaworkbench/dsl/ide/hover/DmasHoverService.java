package org.dmaworkbench.dsl.ide.hover;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.CallStatement;
import org.dmaworkbench.dsl.dmas.Check;
import org.dmaworkbench.dsl.dmas.DmasPackage;
import org.dmaworkbench.dsl.dmas.Expect;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.ide.docs.CounterDocs;
import org.dmaworkbench.dsl.ide.docs.ElementDocs;
import org.dmaworkbench.dsl.ide.docs.KernelCallDocs;
import org.dmaworkbench.dsl.ide.docs.KeywordDocs;
import org.dmaworkbench.runtime.run.CallSignature;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;

/**
 * Hover for every token a user may wonder about: keywords (what they model, the outcomes of a
 * step), kernel calls (the function modelled and its outcomes, from the runtime's call table),
 * references and declarations of devices (BDF, IOMMU, trust), handles (type, producing call),
 * IOMMUs and platforms, and the counters of {@code check}.
 */
@Singleton
public class DmasHoverService extends HoverService {
    @Inject
    private EObjectAtOffsetHelper eObjectAtOffsetHelper;

    @Inject
    private DocumentExtensions documentExtensions;

    @Override
    public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
        if (resource.getParseResult() == null) return IHoverService.EMPTY_HOVER;
        int offset = document.getOffSet(params.getPosition());
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf != null && leaf.isHidden() && leaf.getOffset() == offset && offset > 0) {
            leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset - 1);
        }
        if (leaf == null || leaf.isHidden()) return IHoverService.EMPTY_HOVER;
        String text = markdown(resource, leaf);
        if (text == null || text.isBlank()) return IHoverService.EMPTY_HOVER;
        ITextRegion region = leaf.getTextRegion();
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text), documentExtensions.newRange(resource, region));
    }

    /** The hover text for one token, or null. */
    protected String markdown(XtextResource resource, ILeafNode leaf) {
        EObject owner = NodeModelUtils.findActualSemanticObjectFor(leaf);
        String keyword = keywordText(leaf);
        if (keyword != null) return keyword(keyword, owner);
        EObject referenced = eObjectAtOffsetHelper.resolveCrossReferencedElementAt(resource, leaf.getOffset());
        if (referenced != null && !referenced.eIsProxy()) return ElementDocs.describe(referenced);
        if (owner instanceof Call call && isFeature(leaf, call, DmasPackage.Literals.CALL__FUNCTION)) {
            CallSignature sig = KernelCallDocs.find(call.getFunction());
            return sig != null ? KernelCallDocs.markdown(sig) : KernelCallDocs.unknown(call.getFunction());
        }
        if (owner instanceof Check check && isFeature(leaf, check, DmasPackage.Literals.CHECK__COUNTER)) {
            return CounterDocs.describe(check.getCounter())
                    + (CounterDocs.isKnown(check.getCounter()) ? "" : " Unknown: the runtime has no such counter.");
        }
        EObject declared = eObjectAtOffsetHelper.resolveElementAt(resource, leaf.getOffset());
        if (declared != null && isNameOf(leaf, declared)) return ElementDocs.describe(declared);
        return null;
    }

    /** A keyword; {@code expect} also lists what the step's call can return. */
    protected String keyword(String keyword, EObject owner) {
        String doc = KeywordDocs.describe(keyword, owner);
        if (owner instanceof Expect expect && doc != null) {
            Call call = expect.eContainer() instanceof HandleDecl h ? h.getCall()
                    : expect.eContainer() instanceof CallStatement s ? s.getCall() : null;
            CallSignature sig = call == null ? null : KernelCallDocs.find(call.getFunction());
            if (sig != null) doc += "\n\n`" + sig.name() + "` can return: " + sig.outcomes();
        }
        return doc;
    }

    /** The keyword a leaf stands for: a keyword, or the literal of an enum rule ({@code write-not-permitted}). */
    private static String keywordText(ILeafNode leaf) {
        EObject g = leaf.getGrammarElement();
        if (g instanceof Keyword k) return k.getValue();
        if (g instanceof EnumLiteralDeclaration || g instanceof RuleCall rc && rc.getRule() instanceof EnumRule) return leaf.getText();
        return null;
    }

    private static boolean isFeature(INode leaf, EObject owner, org.eclipse.emf.ecore.EStructuralFeature feature) {
        for (INode n : NodeModelUtils.findNodesForFeature(owner, feature)) {
            if (n.getTotalOffset() <= leaf.getOffset() && leaf.getEndOffset() <= n.getTotalEndOffset()) return true;
        }
        return false;
    }

    private static boolean isNameOf(INode leaf, EObject declared) {
        var nameFeature = declared.eClass().getEStructuralFeature("name");
        return nameFeature != null && isFeature(leaf, declared, nameFeature);
    }
}

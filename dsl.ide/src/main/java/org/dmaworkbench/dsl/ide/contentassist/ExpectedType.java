package org.dmaworkbench.dsl.ide.contentassist;

import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.ide.docs.KernelCallDocs;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.ValueType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * What the cursor's position wants, so content assist can list it first: the parameter of the call
 * whose argument is being typed (its type from the runtime's call table), or a PASID after
 * {@code dma DEV pasid}.
 */
final class ExpectedType {
    private ExpectedType() { }

    /** The parameter at the cursor's argument of the enclosing call, or null. */
    static CallSignature.Param parameter(ContentAssistContext context) {
        Call call = EcoreUtil2.getContainerOfType(context.getCurrentModel(), Call.class);
        CallSignature sig = call == null ? null : KernelCallDocs.find(call.getFunction());
        INode node = call == null ? null : NodeModelUtils.findActualNodeFor(call);
        if (sig == null || node == null) return null;
        int cursor = context.getOffset() - context.getPrefix().length();
        int index = 0;
        for (INode leaf : node.getLeafNodes()) {
            if (leaf.getOffset() >= cursor) break;
            if (leaf.getGrammarElement() instanceof Keyword k && ",".equals(k.getValue())
                    && NodeModelUtils.findActualSemanticObjectFor(leaf) == call) index++;
        }
        return index < sig.params().size() ? sig.params().get(index) : null;
    }

    /** The type the cursor's position wants, or null when nothing in particular. */
    static ValueType at(ContentAssistContext context) {
        INode last = context.getLastCompleteNode();
        if (last != null && last.getGrammarElement() instanceof Keyword k && "pasid".equals(k.getValue())
                && NodeModelUtils.findActualSemanticObjectFor(last) instanceof DeviceDma) {
            return ValueType.PASID;
        }
        CallSignature.Param p = parameter(context);
        return p == null || p.type() == ValueType.SYMBOL ? null : p.type();
    }

    /** The type of a handle's declaration, or null while its type is being typed. */
    static ValueType of(EObject target) {
        if (!(target instanceof HandleDecl h) || h.getType() == null) return null;
        String t = h.getType().getLiteral();
        return "coherent_buf".equals(t) ? ValueType.COHERENT : ValueType.byDslName(t);
    }
}

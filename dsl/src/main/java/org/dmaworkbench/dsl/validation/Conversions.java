package org.dmaworkbench.dsl.validation;

import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Whether the text behind a model feature holds a number the parser could not convert ({@link IssueCodes#NUMBER_RANGE}). */
final class Conversions {
    private Conversions() { }

    static boolean failed(EObject object, EStructuralFeature feature, int index) {
        if (object == null) return false;
        List<INode> nodes = feature == null ? nodeOf(object) : NodeModelUtils.findNodesForFeature(object, feature);
        if (index >= 0 && index < nodes.size()) nodes = List.of(nodes.get(index));
        for (INode n : nodes) {
            for (INode l : n.getAsTreeIterable()) {
                if (l.getSyntaxErrorMessage() != null && IssueCodes.NUMBER_RANGE.equals(l.getSyntaxErrorMessage().getIssueCode())) return true;
            }
        }
        return false;
    }

    private static List<INode> nodeOf(EObject o) {
        INode n = NodeModelUtils.findActualNodeFor(o);
        return n == null ? List.of() : List.of(n);
    }
}

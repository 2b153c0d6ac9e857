package org.dmaworkbench.dsl.ide.rename;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

/**
 * Rename for the editor and the language server alike: a handle, with its declaration and every
 * reference to it in its scenario. Devices, IOMMUs and platforms are visible to every file that
 * imports theirs, so a rename could not reach all their references: it is refused with a reason,
 * never done in part. A new name that is no identifier, is a keyword, or is taken in the scenario
 * is refused too. Find References in the editor uses the same walk over the document.
 */
public class DmasRenamer {
    private static final Pattern ID = Pattern.compile("[a-zA-Z_][a-zA-Z_0-9]*");

    @Inject private EObjectAtOffsetHelper eObjectAtOffset;
    @Inject private IGrammarAccess grammar;

    /** Why a rename cannot be done. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public Refused(String message) { super(message); }
    }

    /** The renamable element at {@code offset} and the region of its name there (the declaration's or a reference's). */
    public record Target(HandleDecl handle, ITextRegion nameAtOffset, String name) { }

    /** What a rename at {@code offset} would rename; refused (with the reason) when nothing there can be renamed. */
    public Target target(XtextResource resource, int offset) {
        EObject at = eObjectAtOffset.resolveElementAt(resource, offset);
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf != null && leaf.isHidden() && offset > 0) leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset - 1);
        if (at == null || leaf == null) throw new Refused("Nothing to rename here: put the caret on a handle's name.");
        if (!(at instanceof HandleDecl handle)) {
            String what = at.eClass().getName().toLowerCase();
            if (named(at)) {
                throw new Refused("A " + what + " is visible to every file that imports this one: renaming it could miss references there, so it is not renamed.");
            }
            throw new Refused("Nothing to rename here: put the caret on a handle's name.");
        }
        return new Target(handle, new TextRegion(leaf.getOffset(), leaf.getLength()), handle.getName());
    }

    /** The replacements (offset, length, text) that rename the handle at {@code offset} to {@code newName}, sorted by offset. */
    public List<Replacement> rename(XtextResource resource, int offset, String newName) {
        Target t = target(resource, offset);
        check(t.handle(), newName);
        return uses(resource, t.handle()).stream().map(r -> new Replacement(r.getOffset(), r.getLength(), newName)).toList();
    }

    /**
     * Find References in one document: the declaration and every reference in {@code resource} of
     * the handle, device, IOMMU or platform at {@code offset} (the name regions, sorted), or an
     * empty list when nothing named is there.
     */
    public List<ITextRegion> references(XtextResource resource, int offset) {
        EObject at = eObjectAtOffset.resolveElementAt(resource, offset);
        return at == null || !named(at) ? List.of() : uses(resource, at);
    }

    /** The name regions of {@code target}'s declaration (when it is in {@code resource}) and of its references there, sorted. */
    private static List<ITextRegion> uses(XtextResource resource, EObject target) {
        List<ITextRegion> out = new ArrayList<>();
        if (target.eResource() == resource) {
            for (INode n : NodeModelUtils.findNodesForFeature(target, feature(target))) out.add(n.getTextRegion());
        }
        for (INode n : resource.getParseResult().getRootNode().getAsTreeIterable()) {
            if (!(n.getGrammarElement() instanceof CrossReference cr)) continue; // an ID: one leaf per reference
            EObject source = NodeModelUtils.findActualSemanticObjectFor(n);
            EReference ref = GrammarUtil.getReference(cr);
            if (source == null || ref == null || ref.isMany()) continue;
            if (source.eGet(ref, true) == target) out.add(n.getTextRegion());
        }
        out = new ArrayList<>(out.stream().distinct().toList());
        out.sort(java.util.Comparator.comparingInt(ITextRegion::getOffset));
        return out;
    }

    /** Why {@code newName} cannot be the handle's name, or null when it can. */
    public String problem(HandleDecl handle, String newName) {
        if (newName == null || !ID.matcher(newName).matches()) return "'" + newName + "' is not a name: letters, digits and _, not starting with a digit.";
        if (keywords().contains(newName)) return "'" + newName + "' is a keyword of the language.";
        if (newName.equals(handle.getName())) return null;
        Scenario scenario = EcoreUtil2.getContainerOfType(handle, Scenario.class);
        if (scenario != null) {
            for (var it = scenario.eAllContents(); it.hasNext(); ) {
                if (it.next() instanceof HandleDecl other && other != handle && newName.equals(other.getName())) {
                    return "'" + newName + "' is already a handle in this scenario (line " + NodeModelUtils.getNode(other).getStartLine() + ").";
                }
            }
        }
        return null;
    }

    private void check(HandleDecl handle, String newName) {
        String p = problem(handle, newName);
        if (p != null) throw new Refused(p);
    }

    /** One text replacement. */
    public record Replacement(int offset, int length, String text) { }

    private static boolean named(EObject o) {
        return o.eClass().getEStructuralFeature("name") != null;
    }

    private static EStructuralFeature feature(EObject o) {
        return o.eClass().getEStructuralFeature("name");
    }

    private Set<String> keywords() {
        return GrammarUtil.getAllKeywords(grammar.getGrammar());
    }
}

package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * What a {@link QuickFix} works with: the diagnostic, its issue data, the document and its
 * parsed resource; and how it answers: {@link #action} builds a quick-fix code action.
 */
public record FixContext(String uri, Diagnostic diagnostic, List<String> data, Document document, XtextResource resource) {

    /** A quick fix titled {@code title} applying {@code edits} to this document. */
    public CodeAction action(String title, TextEdit... edits) {
        CodeAction action = new CodeAction(title);
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edits))));
        return action;
    }

    public String data(int i) {
        return i < data.size() ? data.get(i) : null;
    }

    public Range range() {
        return diagnostic.getRange();
    }

    /** The document text under the diagnostic. */
    public String text() {
        int start = document.getOffSet(range().getStart());
        int end = document.getOffSet(range().getEnd());
        return document.getContents().substring(start, Math.max(start, end));
    }

    /** The innermost model element of type {@code type} at the start of the diagnostic, or null. */
    public <T extends EObject> T elementAt(Class<T> type) {
        if (resource == null || resource.getParseResult() == null) return null;
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(),
                document.getOffSet(range().getStart()));
        EObject o = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
        return o == null ? null : EcoreUtil2.getContainerOfType(o, type);
    }

    /** Position at the end of the line on which {@code o} ends (after any trailing comment). */
    public Position endOfLastLine(EObject o) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
        Position end = document.getPosition(node.getEndOffset());
        String text = document.getContents();
        int offset = node.getEndOffset();
        while (offset < text.length() && text.charAt(offset) != '\n' && text.charAt(offset) != '\r') offset++;
        return new Position(end.getLine(), end.getCharacter() + (offset - node.getEndOffset()));
    }

    /** Indentation of the line on which {@code o} starts. */
    public String indentationOf(EObject o) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
        String text = document.getContents();
        int lineStart = node.getOffset();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') lineStart--;
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return text.substring(lineStart, i);
    }
}

package org.dmaworkbench.dsl.syntax;

import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;

/**
 * Where a syntax error is shown. The parser notices a statement left unfinished only at the next
 * token, often a '}' or the next statement on a later line; the mistake is where the user stopped
 * writing. An error on the first token of a line is shown on the last token written before it, when
 * that is on an earlier line (the message names both: see {@link DmasSyntaxErrorMessages}).
 */
final class SyntaxErrorPosition {
    private SyntaxErrorPosition() { }

    static INode reportAt(INode error) {
        SyntaxErrorMessage m = error.getSyntaxErrorMessage();
        if (m != null && m.getIssueData() != null && java.util.Arrays.asList(m.getIssueData()).contains(DmasSyntaxErrorMessages.ON_PREVIOUS)) {
            ILeafNode prev = previousToken(error);
            return prev == null ? error : prev;
        }
        if (m == null || !DmasSyntaxErrorMessages.MOVABLE.equals(dataOf(m))) return error;
        ILeafNode prev = previousToken(error);
        if (prev == null || prev.getEndOffset() > error.getOffset() || prev.getStartLine() >= error.getStartLine()) return error;
        return prev;
    }

    private static String dataOf(SyntaxErrorMessage m) {
        return m.getIssueData() == null || m.getIssueData().length == 0 ? null : m.getIssueData()[0];
    }

    /** The last non-hidden leaf that ends before the error node starts. */
    static ILeafNode previousToken(INode error) {
        ILeafNode last = null;
        for (ILeafNode l : error.getRootNode().getLeafNodes()) {
            if (l.getTotalOffset() >= error.getTotalOffset()) break;
            if (!l.isHidden() && l.getLength() > 0) last = l;
        }
        return last;
    }

    /** A syntax error, shown on {@code at}: the token the parser stopped at, or the last one written before it. */
    static final class Shown extends AbstractDiagnostic {
        private final INode error;
        private final INode at;

        Shown(INode error, INode at) {
            this.error = error;
            this.at = at;
        }

        @Override
        protected INode getNode() {
            return at;
        }

        @Override
        public String getCode() {
            return error.getSyntaxErrorMessage().getIssueCode();
        }

        @Override
        public String[] getData() {
            String[] data = error.getSyntaxErrorMessage().getIssueData();
            return data == null ? new String[0] : java.util.Arrays.stream(data).filter(d -> !d.startsWith("\u0000")).toArray(String[]::new);
        }

        @Override
        public String getMessage() {
            return error.getSyntaxErrorMessage().getMessage();
        }
    }
}

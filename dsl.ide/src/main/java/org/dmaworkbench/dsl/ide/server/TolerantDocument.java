package org.dmaworkbench.dsl.ide.server;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.Document;

/**
 * The server's copy of a document, read the way the LSP specification asks: a position whose
 * character is past its line's end means the line's end ("defaults back to the line length"), and a
 * line past the document's end means its end, so a request at a stale position gets an answer
 * instead of an IndexOutOfBoundsException. Changes are stricter: a change whose range starts on a
 * line the document does not have cannot be applied faithfully ({@link #badChange}).
 */
final class TolerantDocument extends Document {

    TolerantDocument(Integer version, String text) {
        super(version, text);
    }

    static TolerantDocument of(Document d) {
        return d instanceof TolerantDocument t ? t : new TolerantDocument(d.getVersion(), d.getContents());
    }

    @Override
    public int getOffSet(Position position) {
        String text = getContents();
        int line = position.getLine();
        if (line < 0) return 0;
        int start = 0;
        for (int l = 0; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return text.length();
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        if (end < 0) end = text.length();
        else if (end > start && text.charAt(end - 1) == '\r') end--;
        return start + Math.max(0, Math.min(position.getCharacter(), end - start));
    }

    @Override
    public Document applyTextDocumentChanges(Iterable<? extends TextDocumentContentChangeEvent> changes) {
        return of(super.applyTextDocumentChanges(changes));
    }

    /**
     * Why {@code changes} cannot be applied to this text (a range on a line the document does not
     * have, or a range that ends before it starts), or null when each can; each change is checked
     * against the text the previous ones leave, as the protocol says.
     */
    String badChange(List<TextDocumentContentChangeEvent> changes) {
        Document current = this;
        for (int i = 0; i < changes.size(); i++) {
            TextDocumentContentChangeEvent c = changes.get(i);
            Range r = c.getRange();
            if (r != null) {
                int lines = lineCount(current.getContents());
                for (Position p : new Position[] {r.getStart(), r.getEnd()}) {
                    if (p == null || p.getLine() < 0 || p.getCharacter() < 0 || p.getLine() >= lines) {
                        return "change " + (i + 1) + " of " + changes.size() + " is at " + describe(p) + ", but the document has "
                                + lines + (lines == 1 ? " line" : " lines");
                    }
                }
                if (current.getOffSet(r.getEnd()) < current.getOffSet(r.getStart())) {
                    return "change " + (i + 1) + " of " + changes.size() + " ends (" + describe(r.getEnd()) + ") before it starts ("
                            + describe(r.getStart()) + ")";
                }
            }
            // the next change is read against the text this one leaves (none after the last: a keystroke is one change)
            if (i + 1 < changes.size()) current = of(current.applyTextDocumentChanges(List.of(c)));
        }
        return null;
    }

    private static int lineCount(String text) {
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
        return n;
    }

    private static String describe(Position p) {
        return p == null ? "no position" : "line " + (p.getLine() + 1) + ", character " + (p.getCharacter() + 1);
    }
}

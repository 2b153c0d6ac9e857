package org.dmaworkbench.dsl.ide.editor;

import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.xtext.ide.server.Document;

/**
 * Xtext's {@link Document} with a line index: {@code getPosition} and {@code getOffSet} by binary
 * search instead of a scan from the start of the text. Xtext's completion converts every proposal's
 * offset to a position, so on a 5,000-line file the scans dominated a completion request.
 * Lines end at {@code \n} (so also at {@code \r\n}), as in {@link Document}.
 */
final class IndexedDocument extends Document {
    private final int[] lineStarts;

    IndexedDocument(int version, String text) {
        super(version, text);
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, n);
    }

    @Override
    public Position getPosition(int offset) {
        if (offset < 0 || offset > getContents().length()) throw new IndexOutOfBoundsException(offset + " is not in the document");
        int line = Arrays.binarySearch(lineStarts, offset);
        if (line < 0) line = -line - 2;
        return new Position(line, offset - lineStarts[line]);
    }

    @Override
    public int getOffSet(Position position) {
        int line = position.getLine();
        if (line < 0 || line >= lineStarts.length) throw new IndexOutOfBoundsException(position + " is not in the document");
        int offset = lineStarts[line] + position.getCharacter();
        if (position.getCharacter() < 0 || offset > lineEnd(line)) throw new IndexOutOfBoundsException(position + " is not in the document");
        return offset;
    }

    /** The offset of the end of {@code line}, before its line break. */
    private int lineEnd(int line) {
        String text = getContents();
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        if (end > lineStarts[line] && end <= text.length() && line + 1 < lineStarts.length) {
            end--; // the break itself
            if (text.charAt(end) == '\n' && end > lineStarts[line] && text.charAt(end - 1) == '\r') end--;
        }
        return end;
    }
}

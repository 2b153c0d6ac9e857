package org.dmaworkbench.dsl.ui.capture;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.dsl.ui.preferences.SyntaxColors;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;

/** The tokens of a capture or kernel log, line by line ({@link CaptureLineStyles}), contiguous, in the preferences' colours. */
public class CaptureTokenScanner implements ITokenScanner {
    private final Map<SyntaxColors, Token> tokens = new EnumMap<>(SyntaxColors.class);
    private final Token plain = new Token(null);
    private final List<int[]> runs = new ArrayList<>(); // offset, length, colour ordinal (-1: plain)
    private int next;
    private int tokenOffset;
    private int tokenLength;

    public CaptureTokenScanner() {
        for (SyntaxColors c : SyntaxColors.values()) tokens.put(c, new Token(null));
        refresh();
    }

    /** Takes the colours of the preferences; the viewer repaints afterwards. */
    void refresh() {
        for (Map.Entry<SyntaxColors, Token> e : tokens.entrySet()) {
            e.getValue().setData(new TextAttribute(e.getKey().color(), null, e.getKey().fontStyle()));
        }
    }

    @Override
    public void setRange(IDocument document, int offset, int length) {
        runs.clear();
        next = 0;
        int end = offset + length;
        try {
            int line = document.getLineOfOffset(offset);
            int pos = offset;
            while (pos < end && line < document.getNumberOfLines()) {
                IRegion r = document.getLineInformation(line);
                int lineEnd = line + 1 < document.getNumberOfLines() ? document.getLineOffset(line + 1) : document.getLength();
                for (CaptureLineStyles.Run run : CaptureLineStyles.of(document.get(r.getOffset(), r.getLength()))) {
                    pos = add(pos, r.getOffset() + run.start(), -1, end);
                    pos = add(pos, r.getOffset() + run.end(), run.color().ordinal(), end);
                }
                pos = add(pos, lineEnd, -1, end);
                line++;
            }
            add(pos, end, -1, end);
        } catch (BadLocationException e) {
            runs.clear();
            runs.add(new int[] { offset, length, -1 });
        }
    }

    /** A run from {@code pos} to {@code to} (clipped to the range); returns where the next one starts. */
    private int add(int pos, int to, int color, int end) {
        int e = Math.min(to, end);
        if (e > pos) runs.add(new int[] { pos, e - pos, color });
        return Math.max(pos, e);
    }

    @Override
    public IToken nextToken() {
        if (next >= runs.size()) return Token.EOF;
        int[] r = runs.get(next++);
        tokenOffset = r[0];
        tokenLength = r[1];
        return r[2] < 0 ? plain : tokens.get(SyntaxColors.values()[r[2]]);
    }

    @Override
    public int getTokenOffset() {
        return tokenOffset;
    }

    @Override
    public int getTokenLength() {
        return tokenLength;
    }
}

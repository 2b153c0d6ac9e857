package org.dmaworkbench.dsl.syntax;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;

/**
 * The generated parser, reading a bare CR (old Mac line end) as LF. Same length, so every offset
 * stays the user's; without it Xtext's line computation fails (StringIndexOutOfBoundsException) on
 * a diagnostic at the end of a text that ends with a bare CR, and the diagnostic was lost.
 */
public class DmasParser extends org.dmaworkbench.dsl.parser.antlr.DmasParser {

    @Override
    protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder nodeModelBuilder, int initialLookAhead) {
        int size = in.size();
        if (size > 0) {
            String text = in.substring(0, size - 1);
            String normal = bareCrToLf(text);
            if (!normal.equals(text)) in = new ANTLRStringStream(normal);
        }
        return super.doParse(ruleName, in, nodeModelBuilder, initialLookAhead);
    }

    /** "\r" not followed by "\n" becomes "\n"; everything else is kept. */
    static String bareCrToLf(String text) {
        if (text.indexOf('\r') < 0) return text;
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '\r' && (i + 1 == c.length || c[i + 1] != '\n')) c[i] = '\n';
        }
        return new String(c);
    }
}

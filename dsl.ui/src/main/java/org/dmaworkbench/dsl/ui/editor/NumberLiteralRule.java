package org.dmaworkbench.dsl.ui.editor;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;

/**
 * A number as the language writes them, in one colour: decimal ({@code 4096}), hexadecimal
 * ({@code 0x7fff_ffff}) and PCI addresses ({@code 0000:6a:01.0}, whose hex digits are letters
 * too). It starts with a digit and goes on over letters, digits, {@code _}, {@code :} and
 * {@code .}; it does not start inside a word ({@code nic0}).
 */
final class NumberLiteralRule implements IRule {
    private final IToken token;

    NumberLiteralRule(IToken token) {
        this.token = token;
    }

    @Override
    public IToken evaluate(ICharacterScanner scanner) {
        int c = scanner.read();
        if (c == ICharacterScanner.EOF || !Character.isDigit(c)) {
            scanner.unread();
            return Token.UNDEFINED;
        }
        do {
            c = scanner.read();
        } while (c != ICharacterScanner.EOF && (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.'));
        scanner.unread();
        return token;
    }
}

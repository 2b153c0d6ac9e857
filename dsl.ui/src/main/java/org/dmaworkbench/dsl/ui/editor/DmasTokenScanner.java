package org.dmaworkbench.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ui.preferences.SyntaxColors;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

/** Lexical highlighting: the grammar's keywords, comments, strings and numbers, each word and number read whole. */
public class DmasTokenScanner extends RuleBasedScanner {

    private final Token keyword = new Token(null), comment = new Token(null), string = new Token(null), number = new Token(null);

    public DmasTokenScanner() {
        refresh();
        List<IRule> rules = new ArrayList<>();
        rules.add(new EndOfLineRule("//", comment));
        rules.add(new MultiLineRule("/*", "*/", comment));
        rules.add(new SingleLineRule("\"", "\"", string, '\\'));
        rules.add(new WhitespaceRule(Character::isWhitespace));
        // Every word is read whole: a word that is no keyword gets the plain colour (not UNDEFINED,
        // which would let the scanner retry one character later and colour `strict` in `spr_strict`).
        WordRule words = new WordRule(new IWordDetector() {
            @Override public boolean isWordStart(char c) { return Character.isLetter(c) || c == '_'; }
            @Override public boolean isWordPart(char c) { return Character.isLetterOrDigit(c) || c == '_' || c == '-'; }
        }, new Token(null));
        for (String k : GrammarUtil.getAllKeywords(DmasIde.injector().getInstance(IGrammarAccess.class).getGrammar())) {
            if (!k.isEmpty() && Character.isLetter(k.charAt(0))) words.addWord(k, keyword);
        }
        rules.add(new NumberLiteralRule(number)); // before the words: 0000:6a:01.0, 0x1f are numbers whole
        rules.add(words);
        setRules(rules.toArray(IRule[]::new));
    }

    /** Takes the colours of the preferences (Syntax Colouring); the viewer repaints afterwards. */
    void refresh() {
        set(keyword, SyntaxColors.KEYWORD);
        set(comment, SyntaxColors.COMMENT);
        set(string, SyntaxColors.STRING);
        set(number, SyntaxColors.NUMBER);
    }

    private static void set(Token t, SyntaxColors c) {
        t.setData(new TextAttribute(c.color(), null, c.fontStyle()));
    }
}

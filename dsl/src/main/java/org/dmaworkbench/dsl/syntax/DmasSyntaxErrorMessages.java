package org.dmaworkbench.dsl.syntax;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.MissingTokenException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.antlr.runtime.UnwantedTokenException;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Parse errors in the user's words: what was expected, after which token, and, for a habit from C
 * or from the kernel's own notation ({@code #include}, {@code 4K}), what to write instead. Never
 * ANTLR's token names ({@code RULE_ID}). Errors where a statement was left unfinished are marked
 * {@link #MOVABLE} so that {@link SyntaxErrorPosition} can show them where the user stopped.
 */
public class DmasSyntaxErrorMessages extends SyntaxErrorMessageProvider {
    static final String MOVABLE = "\u0000movable";
    /** Marks an error to show on the token before the one the parser stopped at, on any line. */
    static final String ON_PREVIOUS = "\u0000previous";

    /** Rules between statements or declarations: a token they cannot read is itself the mistake. */
    private static final Set<String> CONTAINERS = Set.of("Model", "Element", "Scenario", "Repeat", "Statement", "Platform", "Device",
            "Benchmark");

    private static final Map<String, String> EXPECTED = Map.of(
            "Expect", "ok, fault [CLASS], finding KIND, a number, -ERRNO, true, false, IOMMU_PASID_INVALID, DMA_MAPPING_ERROR "
                    + "or dma-debug \"message\"",
            "Statement", "a statement: a kernel call such as kmalloc(4096), a handle such as 'buffer b = kmalloc(4096)', "
                    + "dma, cpu, probe, unbind, advance, check, repeat, or '}'",
            "Arg", "an argument: a device or handle, a number, a symbol such as DMA_TO_DEVICE, a string or a call",
            "Platform", "iommu, default-domain, cmdline, memory, cpus, cost or '}'",
            "Device", "bdf, iommu, pasid-bits, ats, satc, coherent, non-coherent, behind external-facing-port, require-direct, "
                    + "dma-mask, driver or '}'",
            "Benchmark", "device, threads, iterations, granule, direction, dma-bits, delay, mode, compare or '}'",
            "Model", "import, platform, device, scenario or benchmark",
            "Element", "platform, device, scenario or benchmark");

    /** Size units people write, and the language's spelling. */
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("k", "KiB"), Map.entry("kb", "KiB"), Map.entry("ki", "KiB"),
            Map.entry("kib", "KiB"), Map.entry("m", "MiB"), Map.entry("mb", "MiB"), Map.entry("mi", "MiB"), Map.entry("mib", "MiB"),
            Map.entry("g", "GiB"), Map.entry("gb", "GiB"), Map.entry("gi", "GiB"), Map.entry("gib", "GiB"));

    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
        return new SyntaxErrorMessage(context.getDefaultMessage(), IssueCodes.NUMBER_RANGE);
    }

    @Override
    public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
        RecognitionException e = context.getRecognitionException();
        if (e == null || !(e.input instanceof TokenStream tokens) || e.token == null) {
            return new SyntaxErrorMessage(lexerMessage(context.getDefaultMessage()), IssueCodes.SYNTAX);
        }
        Token found = e instanceof UnwantedTokenException u ? u.getUnexpectedToken() : e.token;
        Token prev = previous(tokens, e.index);
        String after = prev == null ? "" : " after " + quote(prev.getText());
        String unit = prev != null && isNumber(context, prev) && found.getType() != Token.EOF && found.getText() != null
                ? UNITS.get(found.getText().toLowerCase()) : null;
        if (unit != null) return sizeUnit(prev.getText(), found.getText(), unit, false);
        Token beforePrev = prev == null ? null : previous(tokens, prev.getTokenIndex());
        String prevUnit = beforePrev != null && isNumber(context, beforePrev) && prev.getText() != null ? UNITS.get(prev.getText().toLowerCase()) : null;
        if (prevUnit != null) return sizeUnit(beforePrev.getText(), prev.getText(), prevUnit, true); // "len 4KB": KB read as a call
        String hint = hint(found);
        String rule = rule(context.getCurrentNode());
        String message;
        boolean movable;
        if (e instanceof UnwantedTokenException) {
            message = "unexpected " + describe(found) + after;
            movable = false;
        } else if (e instanceof MissingTokenException || e instanceof MismatchedTokenException) {
            int expecting = e instanceof MissingTokenException m ? m.expecting : ((MismatchedTokenException) e).expecting;
            message = "expected " + expected(context.getTokenNames(), expecting) + after + found(found);
            movable = true;
        } else {
            String what = expectedIn(context.getCurrentNode(), rule);
            message = (what == null ? "cannot read " + describe(found) + after : "expected " + what + after + found(found));
            movable = !CONTAINERS.contains(rule);
        }
        if (hint != null) message += ". " + hint;
        return new SyntaxErrorMessage(message, IssueCodes.SYNTAX, movable ? new String[] {MOVABLE} : null);
    }

    private static SyntaxErrorMessage sizeUnit(String number, String written, String unit, boolean onPrevious) {
        return new SyntaxErrorMessage("sizes are written with KiB, MiB or GiB: " + number + " " + unit + " (or a number of bytes such as 4096 "
                + "or 0x1000), not " + number + written, IssueCodes.SIZE_UNIT, onPrevious ? new String[] {unit, ON_PREVIOUS} : new String[] {unit});
    }

    /** What a C or kernel habit means here. */
    private static String hint(Token found) {
        String t = found.getText();
        if (t == null) return null;
        if (t.startsWith("#")) return "Scenarios have no preprocessor: share platforms and devices with import \"file.dmas\"";
        if (t.equals("&") || t.equals("->") || t.equals("*")) return "Arguments are names of devices and handles, not C expressions";
        return null;
    }

    private static String lexerMessage(String antlr) {
        if (antlr == null) return "cannot read the text here";
        if (antlr.contains("expecting '\"'") || antlr.contains("<EOF>") && antlr.contains("'\"'")) {
            return "a string is not closed: end it with '\"' on the same line";
        }
        return antlr.replace("mismatched character", "unexpected character").replace("no viable alternative at character", "unexpected character");
    }

    private static Token previous(TokenStream tokens, int index) {
        for (int i = Math.min(index, tokens.size()) - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) return t;
        }
        return null;
    }

    private static boolean isNumber(IParserErrorContext context, Token t) {
        String[] names = context.getTokenNames();
        String name = t.getType() >= 0 && t.getType() < names.length ? names[t.getType()] : "";
        return name.equals("RULE_INT") || name.equals("RULE_HEX");
    }

    private static String found(Token t) {
        return t.getType() == Token.EOF ? ", found the end of the file" : ", found " + describe(t);
    }

    private static String describe(Token t) {
        return t.getType() == Token.EOF ? "the end of the file" : quote(t.getText());
    }

    private static String quote(String s) {
        return "'" + (s == null ? "" : s.replace("\n", "\\n").replace("\r", "\\r").replace("\uFEFF", "\\uFEFF")) + "'";
    }

    static String expected(String[] names, int type) {
        if (type == Token.EOF) return "the end of the file";
        String n = type >= 0 && type < names.length ? names[type] : "?";
        return switch (n) {
            case "RULE_ID" -> "a name";
            case "RULE_INT" -> "a number";
            case "RULE_HEX" -> "a 0x number";
            case "RULE_STRING" -> "a string in double quotes";
            case "RULE_BDF" -> "a BDF such as 0000:6a:01.0";
            default -> n;
        };
    }

    /** The rule the parser was in: the rule called by the current node, or the one containing its action. */
    private static String rule(INode node) {
        AbstractRule r = ruleOf(node);
        return r == null ? "" : r.getName();
    }

    private static AbstractRule ruleOf(INode node) {
        if (node == null) return null;
        EObject ge = node.getGrammarElement();
        if (ge instanceof RuleCall rc) return rc.getRule();
        if (ge instanceof AbstractRule r) return r;
        return ge == null ? null : GrammarUtil.containingRule(ge);
    }

    /** What can come here, in words: the literals of an enum rule, or the rule's summary. */
    private static String expectedIn(INode node, String rule) {
        AbstractRule r = ruleOf(node);
        if (r instanceof EnumRule en) {
            List<String> literals = EcoreUtil2.getAllContentsOfType(en, EnumLiteralDeclaration.class).stream()
                    .map(l -> l.getLiteral().getValue()).toList();
            return "one of " + String.join(", ", literals);
        }
        return EXPECTED.get(rule);
    }
}

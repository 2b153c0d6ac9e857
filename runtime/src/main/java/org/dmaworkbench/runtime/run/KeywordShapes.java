package org.dmaworkbench.runtime.run;

import java.util.List;
import java.util.Set;
import org.dmaworkbench.runtime.program.Arg;
import org.dmaworkbench.runtime.program.Step;

/**
 * The argument shapes of the runner's step keywords, as the language lowers them; a compiled
 * program written by hand that does not match stops on the step's line with what was expected.
 */
final class KeywordShapes {
    private static final Set<Arg.Kind> NAME = Set.of(Arg.Kind.REF), NUMBER = Set.of(Arg.Kind.INT),
            WORD = Set.of(Arg.Kind.SYMBOL), ADDRESS = Set.of(Arg.Kind.REF, Arg.Kind.INT), COUNTER = Set.of(Arg.Kind.STRING, Arg.Kind.SYMBOL);

    private KeywordShapes() { }

    /** Null when {@code s} is not a keyword or has the shape its keyword takes, else what it takes. */
    static String problem(Step s) {
        List<Arg> a = s.args();
        return switch (s.op()) {
            case "dma" -> a.size() == 4 ? shape(a, "dma DEV read|write ADDR len N", NAME, WORD, ADDRESS, NUMBER)
                    : shape(a, "dma DEV pasid P read|write ADDR len N", NAME, ADDRESS, WORD, ADDRESS, NUMBER);
            case "cpu" -> shape(a, "cpu read|write BUF len N", WORD, NAME, NUMBER);
            case "probe", "unbind" -> shape(a, s.op() + " DEV", NAME);
            case "advance" -> shape(a, "advance N ns", NUMBER);
            case "check" -> shape(a, "check COUNTER OP N", COUNTER, WORD, NUMBER);
            case "repeat" -> shape(a, "repeat N { ... }", NUMBER);
            default -> null;
        };
    }

    @SafeVarargs
    private static String shape(List<Arg> a, String form, Set<Arg.Kind>... kinds) {
        boolean ok = a.size() == kinds.length;
        for (int i = 0; ok && i < kinds.length; i++) {
            Arg x = a.get(i);
            ok = x != null && kinds[i].contains(x.kind()) && (x.kind() == Arg.Kind.INT || x.text() != null);
        }
        if (ok && a.get(0).kind() == Arg.Kind.SYMBOL && form.startsWith("cpu")) ok = Set.of("read", "write").contains(a.get(0).text());
        if (ok && form.startsWith("dma")) ok = Set.of("read", "write").contains(a.get(a.size() - 3).text());
        return ok ? null : "the step's arguments do not have the shape '" + form + "'";
    }
}

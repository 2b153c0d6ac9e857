package org.dmaworkbench.runtime.run;

import java.util.List;

/**
 * The shape of one kernel call a scenario can make: parameter types, result type, the kernel
 * function it models and what it can return. The language validates calls and builds hover text
 * from this table; the runner executes through it.
 *
 * @param symbols for SYMBOL parameters, the accepted spellings (e.g. DMA directions)
 */
public record CallSignature(String name, List<Param> params, ValueType returns, String models, String outcomes) {
    /** A parameter; {@code optional} ones may be left out at the end. */
    public record Param(String name, ValueType type, List<String> symbols, boolean optional) {
        public static Param of(String name, ValueType type) { return new Param(name, type, List.of(), false); }
        public static Param sym(String name, String... symbols) { return new Param(name, ValueType.SYMBOL, List.of(symbols), false); }
        public Param opt() { return new Param(name, type, symbols, true); }
    }

    public int requiredParams() {
        int n = 0;
        for (Param p : params) if (!p.optional()) n++;
        return n;
    }
}

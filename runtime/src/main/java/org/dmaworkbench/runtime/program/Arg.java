package org.dmaworkbench.runtime.program;

/**
 * One argument of a step: a number, a string, a symbol (DMA_TO_DEVICE, KVA, read), or a reference
 * to a handle or device by name, optionally plus a byte offset ({@code b + 64}).
 */
public record Arg(Kind kind, String text, long number, long offset) {
    public enum Kind { INT, STRING, SYMBOL, REF }

    public static Arg num(long n) { return new Arg(Kind.INT, null, n, 0); }
    public static Arg str(String s) { return new Arg(Kind.STRING, s, 0, 0); }
    public static Arg sym(String s) { return new Arg(Kind.SYMBOL, s, 0, 0); }
    public static Arg ref(String name) { return new Arg(Kind.REF, name, 0, 0); }
    public static Arg ref(String name, long offset) { return new Arg(Kind.REF, name, 0, offset); }

    @Override public String toString() {
        return switch (kind) {
            case INT -> Long.toString(number);
            case STRING -> '"' + text + '"';
            case SYMBOL -> text;
            case REF -> offset == 0 ? text : text + " + " + offset;
        };
    }
}

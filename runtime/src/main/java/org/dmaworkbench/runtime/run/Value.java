package org.dmaworkbench.runtime.run;

/** A value during a run: a number with a type, and for object handles the simulator object. */
public record Value(ValueType type, long num, Object ref) {
    public static final Value VOID = new Value(ValueType.VOID, 0, null);

    public static Value of(ValueType t, long n) { return new Value(t, n, null); }
    public static Value of(ValueType t, Object ref) { return new Value(t, 0, ref); }
    public static Value of(ValueType t, long n, Object ref) { return new Value(t, n, ref); }
    public static Value bool(boolean b) { return new Value(ValueType.BOOL, b ? 1 : 0, null); }
}

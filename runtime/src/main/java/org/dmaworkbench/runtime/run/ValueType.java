package org.dmaworkbench.runtime.run;

/** The types of scenario handles and call results; the language checks arguments against them. */
public enum ValueType {
    INT("int"), BOOL("bool"), PASID("pasid"), BUFFER("buffer"), DMA_ADDR("dma_addr"), DOMAIN("domain"),
    PROCESS("process"), SG_TABLE("sg_table"), COHERENT("coherent"), SVA("sva"), DEVICE("device"), SYMBOL("symbol"),
    STRING("string"), VOID("void");

    private final String dslName;

    ValueType(String dslName) { this.dslName = dslName; }

    /** The keyword a scenario declares a handle with ({@code pasid kp = ...}). */
    public String dslName() { return dslName; }

    public static ValueType byDslName(String s) {
        for (ValueType t : values()) if (t.dslName.equals(s)) return t;
        return null;
    }
}

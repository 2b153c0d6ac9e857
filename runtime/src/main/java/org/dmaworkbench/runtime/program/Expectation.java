package org.dmaworkbench.runtime.program;

/**
 * What the author expects of a step. {@code OK}: a DMA completes with no finding, or a call
 * returns no error; {@code FAULT}: the DMA faults with fault class {@code name} (any class when
 * {@code name} is null; and, if given, architecture {@code code}); {@code FINDING}: the DMA completes and raises finding {@code name};
 * {@code VALUE}: the call returns {@code value} (booleans as 1/0); {@code ERRNO}: it returns
 * -{@code name}; {@code PASID_INVALID}: IOMMU_PASID_INVALID; {@code MAPPING_ERROR}:
 * DMA_MAPPING_ERROR; {@code DMA_DEBUG}: dma-debug reports a message containing {@code name}.
 */
public record Expectation(Kind kind, String name, Long value, Integer code) {
    public enum Kind { OK, FAULT, FINDING, VALUE, ERRNO, PASID_INVALID, MAPPING_ERROR, DMA_DEBUG }

    public static Expectation ok() { return new Expectation(Kind.OK, null, null, null); }
    /** {@code expect fault} without a class: any fault meets it. */
    public static Expectation anyFault() { return new Expectation(Kind.FAULT, null, null, null); }
    public static Expectation fault(String cls) { return new Expectation(Kind.FAULT, cls, null, null); }
    public static Expectation fault(String cls, int code) { return new Expectation(Kind.FAULT, cls, null, code); }
    public static Expectation finding(String kind) { return new Expectation(Kind.FINDING, kind, null, null); }
    public static Expectation value(long v) { return new Expectation(Kind.VALUE, null, v, null); }
    public static Expectation bool(boolean b) { return new Expectation(Kind.VALUE, b ? "true" : "false", b ? 1L : 0L, null); }
    public static Expectation errno(String e) { return new Expectation(Kind.ERRNO, e, null, null); }
    public static Expectation pasidInvalid() { return new Expectation(Kind.PASID_INVALID, null, null, null); }
    public static Expectation mappingError() { return new Expectation(Kind.MAPPING_ERROR, null, null, null); }
    public static Expectation dmaDebug(String msg) { return new Expectation(Kind.DMA_DEBUG, msg, null, null); }

    @Override public String toString() {
        return switch (kind) {
            case OK -> "ok";
            case FAULT -> "fault" + (name == null ? "" : " " + name) + (code == null ? "" : String.format(" 0x%x", code));
            case FINDING -> "finding " + name;
            case VALUE -> name != null ? name : Long.toString(value);
            case ERRNO -> "-" + name;
            case PASID_INVALID -> "IOMMU_PASID_INVALID";
            case MAPPING_ERROR -> "DMA_MAPPING_ERROR";
            case DMA_DEBUG -> "dma-debug \"" + name + "\"";
        };
    }
}

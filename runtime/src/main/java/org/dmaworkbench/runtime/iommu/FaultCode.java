package org.dmaworkbench.runtime.iommu;

/** A hardware fault code as the architecture reports it, e.g. VT-d FR 0x85 or SMMUv3 event 0x10 F_TRANSLATION. */
public record FaultCode(int code, String name) {
    @Override public String toString() { return String.format("0x%x %s", code, name); }
}

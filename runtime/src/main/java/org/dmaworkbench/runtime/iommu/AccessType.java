package org.dmaworkbench.runtime.iommu;

/** The kind of a device's memory request (PCIe Memory Read / Memory Write TLP). */
public enum AccessType {
    READ, WRITE;

    public String dslName() { return name().toLowerCase(); }
}

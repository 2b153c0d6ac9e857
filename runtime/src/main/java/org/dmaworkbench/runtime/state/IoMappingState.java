package org.dmaworkbench.runtime.state;

import com.google.gson.annotations.JsonAdapter;

/**
 * One live range a single {@code iommu_map()} installed in a domain's IO page table
 * ({@link org.dmaworkbench.runtime.iommu.IoMapping}; drivers/iommu/iommu.c {@code iommu_map}):
 * IOVA, size, physical address, the first leaf's page size, R/W and what mapped it.
 *
 * @param line  the scenario line that mapped it
 * @param owner what the mapping is for ("single mapping of kmalloc 'buf' …"), or null
 */
public record IoMappingState(@JsonAdapter(Hex.class) long iova, long size, @JsonAdapter(Hex.class) long pa, long pageSize,
                             String prot, int line, String owner) {
    /** The key a diff matches mappings by. */
    public String key() { return Hex.of(iova); }
}

package org.dmaworkbench.runtime.state;

import java.util.List;

/**
 * A paging domain's IO page table ({@link org.dmaworkbench.runtime.iommu.IoPageTable}; io-pgtable,
 * {@code iommu_map}/{@code iommu_unmap}): the live mappings by IOVA and the same as a tree of table
 * pages by level ({@link PageTableNode}).
 *
 * @param levels       table levels the domain's input width needs (3 for 39 bits, 4 for 48, 5 for 57;
 *                     {@code agaw_to_level}, {@code ARM_LPAE_START_LVL})
 * @param liveBytes    bytes mapped
 * @param mappings     every live mapping by IOVA
 * @param root         the top-level table (its empty lists when nothing is mapped)
 */
public record IoPageTableState(int levels, long liveBytes, List<IoMappingState> mappings, PageTableNode root) { }

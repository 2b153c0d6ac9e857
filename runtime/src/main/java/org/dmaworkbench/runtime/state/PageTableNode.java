package org.dmaworkbench.runtime.state;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;

/**
 * One table page of a domain's IO page table, as the hardware walks it (x86-64 / VT-d second stage
 * and first stage, Arm LPAE with a 4 KiB granule: 512 entries per level; drivers/iommu/intel/iommu.c
 * {@code pfn_to_dma_pte}, io-pgtable-arm.c {@code __arm_lpae_map}): level 1 holds 4 KiB leaves,
 * level 2 2 MiB leaves, level 3 1 GiB leaves; the tables below it that are present, and the runs of
 * leaves it holds.
 *
 * @param level  1 (last level, PTE) … the table's depth from the bottom
 * @param iova   the first IOVA this table translates
 * @param span   the bytes this table translates (512 × its entries' size)
 * @param tables the next-level tables present, by IOVA
 * @param leaves the leaf runs this table holds, by IOVA
 */
public record PageTableNode(int level, @JsonAdapter(Hex.class) long iova, long span, List<PageTableNode> tables,
                            List<LeafRun> leaves) {

    /**
     * Consecutive leaves of one table, contiguous in IOVA and PA, of one page size, permission and
     * line: {@code pages} pages of {@code pageSize} from {@code iova} (and {@code pa}).
     */
    public record LeafRun(@JsonAdapter(Hex.class) long iova, long pages, long pageSize, @JsonAdapter(Hex.class) long pa, String prot,
                          int line) { }
}

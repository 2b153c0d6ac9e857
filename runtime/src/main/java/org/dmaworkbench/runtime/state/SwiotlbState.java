package org.dmaworkbench.runtime.state;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;

/**
 * The swiotlb bounce pool (kernel/dma/swiotlb.c {@code struct io_tlb_mem}, {@code swiotlb_tbl_map_single}):
 * its slots of IO_TLB_SIZE (2 KiB) and the runs in use, with the mapping that holds each when known.
 *
 * @param slots     slots in the pool ({@code nslabs})
 * @param usedSlots slots in use
 * @param runs      runs of used slots by slot index
 */
public record SwiotlbState(int slots, int usedSlots, List<Run> runs) {
    /** Slots {@code [slot, slot + count)} at {@code pa}, used by {@code owner} (null when not known). */
    public record Run(int slot, int count, @JsonAdapter(Hex.class) long pa, String owner) {
        public String key() { return String.valueOf(slot); }
    }
}

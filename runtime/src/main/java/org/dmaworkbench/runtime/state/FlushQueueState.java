package org.dmaworkbench.runtime.state;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;

/**
 * A DMA-FQ domain's flush queue (drivers/iommu/dma-iommu.c {@code struct iommu_dma_fq},
 * {@code queue_iova}, {@code fq_flush_timeout}): the unmapped IOVAs waiting for the next
 * {@code flush_iotlb_all}, and when the timer fires.
 *
 * @param ringSize       slots per CPU ring (a ring holds one fewer)
 * @param timeoutNs      the timer ({@code IOVA_DEFAULT_FQ_TIMEOUT})
 * @param entries        queued entries, per CPU oldest first
 * @param nextFlushInNs  simulated time until the timer flushes, null when the queue is empty (no timer armed)
 * @param lastFlushLine  the line of the last flush, -1 when none yet
 */
public record FlushQueueState(int ringSize, long timeoutNs, List<Entry> entries, Long nextFlushInNs, int lastFlushLine) {
    /**
     * One queued unmap ({@code struct iommu_dma_fq_entry}: iova_pfn, pages, counter).
     *
     * @param ageNs how long ago it was queued
     */
    public record Entry(int cpu, @JsonAdapter(Hex.class) long iova, long pages, int line, long ageNs) {
        public String key() { return cpu + " " + Hex.of(iova); }
    }
}

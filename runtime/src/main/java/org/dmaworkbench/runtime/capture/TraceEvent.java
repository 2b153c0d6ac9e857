package org.dmaworkbench.runtime.capture;

import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * One decoded {@code dma:} or {@code iommu:} event: the fields its TP_printk prints (include/trace/events/dma.h,
 * iommu.h), by name; fields an event does not print are 0, null or empty.
 */
final class TraceEvent {
    TraceEventType type;
    /** The whole line as read. */
    String text;
    int cpu;
    /** The line's TIMESTAMP in nanoseconds of the trace clock, or -1 when it prints none that is a time. */
    long timeNs;
    /** dev_name(), or for io_page_fault the device after the driver. */
    String device;
    /** io_page_fault: dev_driver_string(); iommu group events: null. */
    String driver;
    DmaDirection dir;
    long dmaAddr;
    long size;
    long phys;
    /** %p of dma_alloc/dma_free (hashed by the kernel unless no_hash_pointers; 0 for NULL). */
    long virt;
    int attrs;
    /** dma_map_sg / dma_sync_sg: sg_dma_address() of each traced DMA segment. */
    long[] dmaAddrs;
    /** sg_dma_len() of each traced DMA segment. */
    long[] sizes;
    /** sg_phys() of each traced CPU segment. */
    long[] physAddrs;
    /** dma_map_sg: nents as called (the full count, also when the arrays are truncated). */
    int nents;
    /** dma_map_sg: the DMA segments it returned (full count). */
    int ents;
    /** dma_map_sg: more than 128 entries, the arrays hold the first 128 ([TRUNCATED]). */
    boolean truncated;
    /** iommu map/unmap/io_page_fault: the IOVA. */
    long iova;
    long unmappedSize;
    /** io_page_fault flags (IOMMU_FAULT_WRITE = 1); dma_map_sg_err err; group events groupID. */
    long flags;

    /** The virtual address field is the NULL pointer (a failed allocation). */
    boolean nullVirt() { return virt == 0; }

    /** io_page_fault flags & IOMMU_FAULT_WRITE (include/linux/iommu.h). */
    boolean faultIsWrite() { return (flags & 1) != 0; }
}

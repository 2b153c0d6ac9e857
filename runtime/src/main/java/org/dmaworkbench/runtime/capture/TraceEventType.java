package org.dmaworkbench.runtime.capture;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace events a capture replay understands; models the events of include/trace/events/dma.h (added in
 * 6.12; read at torvalds/linux 0b9828c7 and, for the 6.12–6.17 names, the 2024-10 "Use macros to define events
 * in a class" and 2025 "rename trace_dma_*map_page() to be trace_dma_*map_phys()" patches) and
 * include/trace/events/iommu.h (read at 03ab8e62). Events of other systems, and names not listed, are skipped.
 */
public enum TraceEventType {
    /** dma_map_page (6.12–6.17): {@code DEV dir=%s dma_addr=%llx size=%zu phys_addr=%llx attrs=%s}. */
    DMA_MAP_PAGE("dma_map_page", Shape.MAP),
    /** dma_map_resource (6.12–6.17), same class as dma_map_page. */
    DMA_MAP_RESOURCE("dma_map_resource", Shape.MAP),
    /** dma_map_phys (since 6.18, renamed from dma_map_page; resources too, with attrs=MMIO). */
    DMA_MAP_PHYS("dma_map_phys", Shape.MAP),
    /** dma_unmap_page (6.12–6.17): {@code DEV dir=%s dma_addr=%llx size=%zu attrs=%s}. */
    DMA_UNMAP_PAGE("dma_unmap_page", Shape.UNMAP),
    /** dma_unmap_resource (6.12–6.17). */
    DMA_UNMAP_RESOURCE("dma_unmap_resource", Shape.UNMAP),
    /** dma_unmap_phys (since 6.18). */
    DMA_UNMAP_PHYS("dma_unmap_phys", Shape.UNMAP),
    /** dma_alloc: {@code DEV dir=%s dma_addr=%llx size=%zu virt_addr=%p flags=%s attrs=%s} (dir since 6.13). */
    DMA_ALLOC("dma_alloc", Shape.ALLOC),
    /** dma_alloc_pages, same class (dma-debug tracks it as a page mapping). */
    DMA_ALLOC_PAGES("dma_alloc_pages", Shape.ALLOC),
    /** dma_alloc_sgt_err: a failed dma_alloc_noncontiguous(). */
    DMA_ALLOC_SGT_ERR("dma_alloc_sgt_err", Shape.ALLOC),
    /** dma_alloc_sgt: {@code DEV dir=%s dma_addr=%llx size=%zu phys_addrs=%s flags=%s attrs=%s}. */
    DMA_ALLOC_SGT("dma_alloc_sgt", Shape.ALLOC_SGT),
    /** dma_free: {@code DEV dir=%s dma_addr=%llx size=%zu virt_addr=%p attrs=%s}. */
    DMA_FREE("dma_free", Shape.FREE),
    /** dma_free_pages, same class. */
    DMA_FREE_PAGES("dma_free_pages", Shape.FREE),
    /** dma_free_sgt: {@code DEV dir=%s dma_addr=%llx size=%zu phys_addrs=%s}. */
    DMA_FREE_SGT("dma_free_sgt", Shape.FREE_SGT),
    /** dma_map_sg: {@code DEV dir=%s [nents=%d/%d ents=%d/%d[ [TRUNCATED]]] dma_addrs=%s sizes=%s phys_addrs=%s attrs=%s}. */
    DMA_MAP_SG("dma_map_sg", Shape.MAP_SG),
    /** dma_map_sg_err: {@code DEV dir=%s dma_addrs=%s err=%d attrs=%s} (the array holds the physical addresses). */
    DMA_MAP_SG_ERR("dma_map_sg_err", Shape.MAP_SG_ERR),
    /** dma_unmap_sg: {@code DEV dir=%s phys_addrs=%s attrs=%s}. */
    DMA_UNMAP_SG("dma_unmap_sg", Shape.UNMAP_SG),
    /** dma_sync_single_for_cpu: {@code DEV dir=%s dma_addr=%llx size=%zu}. */
    DMA_SYNC_SINGLE_FOR_CPU("dma_sync_single_for_cpu", Shape.SYNC_SINGLE),
    /** dma_sync_single_for_device. */
    DMA_SYNC_SINGLE_FOR_DEVICE("dma_sync_single_for_device", Shape.SYNC_SINGLE),
    /** dma_sync_sg_for_cpu: {@code DEV dir=%s dma_addrs=%s sizes=%s}. */
    DMA_SYNC_SG_FOR_CPU("dma_sync_sg_for_cpu", Shape.SYNC_SG),
    /** dma_sync_sg_for_device. */
    DMA_SYNC_SG_FOR_DEVICE("dma_sync_sg_for_device", Shape.SYNC_SG),
    /** add_device_to_group: {@code IOMMU: groupID=%d device=%s}. */
    ADD_DEVICE_TO_GROUP("add_device_to_group", Shape.IOMMU_GROUP),
    /** remove_device_from_group. */
    REMOVE_DEVICE_FROM_GROUP("remove_device_from_group", Shape.IOMMU_GROUP),
    /** attach_device_to_domain: {@code IOMMU: device=%s}. */
    ATTACH_DEVICE_TO_DOMAIN("attach_device_to_domain", Shape.IOMMU_DEVICE),
    /** detach_device_from_domain. */
    DETACH_DEVICE_FROM_DOMAIN("detach_device_from_domain", Shape.IOMMU_DEVICE),
    /** iommu map: {@code IOMMU: iova=0x%016llx - 0x%016llx paddr=0x%016llx size=%zu}. */
    IOMMU_MAP("map", Shape.IOMMU_MAP),
    /** iommu unmap: {@code IOMMU: iova=0x%016llx - 0x%016llx size=%zu unmapped_size=%zu}. */
    IOMMU_UNMAP("unmap", Shape.IOMMU_UNMAP),
    /** io_page_fault: {@code IOMMU:%s %s iova=0x%016llx flags=0x%04x} (driver, device; flags bit 0 = write). */
    IO_PAGE_FAULT("io_page_fault", Shape.IO_PAGE_FAULT);

    /** How the fields of an event class are laid out. */
    public enum Shape {
        MAP, UNMAP, ALLOC, ALLOC_SGT, FREE, FREE_SGT, MAP_SG, MAP_SG_ERR, UNMAP_SG, SYNC_SINGLE, SYNC_SG,
        IOMMU_GROUP, IOMMU_DEVICE, IOMMU_MAP, IOMMU_UNMAP, IO_PAGE_FAULT
    }

    private static final Map<String, TraceEventType> BY_NAME = new HashMap<>();

    static {
        for (TraceEventType t : values()) BY_NAME.put(t.traceName, t);
    }

    private final String traceName;
    private final Shape shape;

    TraceEventType(String traceName, Shape shape) {
        this.traceName = traceName;
        this.shape = shape;
    }

    /** The event's name as the trace prints it. */
    public String traceName() { return traceName; }

    /** Its field layout. */
    public Shape shape() { return shape; }

    /** True for the iommu: system's events, whose fields start with "IOMMU:". */
    public boolean isIommu() { return shape.ordinal() >= Shape.IOMMU_GROUP.ordinal(); }

    /** The event of this name, or null. */
    public static TraceEventType byName(String name) {
        return BY_NAME.get(name);
    }
}

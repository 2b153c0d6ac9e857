package org.dmaworkbench.runtime.state;

import java.util.List;

/**
 * One IOMMU domain ({@code struct iommu_domain}): type, who is attached (RIDs and PASIDs, VT-d's cache
 * tags), its IO page table or the CPU page table it shares, the IOTLB entries tagged with it, and for a
 * DMA API domain its IOVA allocator and flush queue ({@code struct iommu_dma_cookie}).
 *
 * @param id          the domain id (the DID / ASID the caches are tagged with)
 * @param type        sysfs name: "DMA", "DMA-FQ", "identity", "blocked", "unmanaged", "sva"
 * @param label       "KVA fast (init_mm)", "KVA strict", "bypass (PA)" … or null
 * @param iommu       the IOMMU instance, null for the static identity/blocked domains
 * @param attachments "nic0 RID", "dsa0 PASID 1" …
 * @param pageTable   the IO page table of a paging domain, else null
 * @param sharedTable the CPU page table an SVA domain walks ("init_mm" for the RFC's KVA fast mode, "mm" of a process), else null
 * @param kvaMapped   the RFC's {@code iommu_map_kva} calls on a KVA fast domain (nothing is mapped: the intent only)
 * @param iotlb       the IOTLB entries tagged with this domain
 * @param flushQueue  the flush queue of a DMA-FQ domain, else null
 * @param iova        the IOVA allocator of a DMA API domain, else null
 */
public record DomainState(int id, String type, String label, String iommu, List<String> attachments, IoPageTableState pageTable,
                          String sharedTable, List<String> kvaMapped, List<IotlbEntryState> iotlb, FlushQueueState flushQueue,
                          IovaSpaceState iova) {
    /** "DMA-FQ domain 3" / "KVA fast (init_mm) domain 5". */
    public String describe() { return (label != null ? label : type) + " domain " + id; }
}

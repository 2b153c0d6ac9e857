package org.dmaworkbench.runtime.state;

import com.google.gson.annotations.JsonAdapter;

/**
 * One cached translation of the IOTLB ({@link org.dmaworkbench.runtime.iommu.Iotlb}; VT-d IOTLB /
 * PASID-based IOTLB tagged by DID + PASID, SMMUv3 TLB tagged by ASID/VMID) or of a device's ATC
 * ({@link org.dmaworkbench.runtime.iommu.DeviceTlb}, PCIe ATS), and whether the page table it was
 * filled from still agrees: a stale entry is one an invalidation is still owed for.
 *
 * @param device   the device whose ATC holds it, null for the IOTLB
 * @param domain   the domain id of its tag (-1 when no domain can be named)
 * @param pasid    the PASID of its tag (0: RID / IOMMU_NO_PASID, or an IOTLB tagged by domain alone)
 * @param source   "io-pgtable" or "cpu-page-table" (SVA, KVA fast)
 * @param line     the scenario line that filled it
 * @param staleWhy why it is stale ("unmapped at line 12", "remapped", "the CPU page table now has R-X"), else null
 */
public record IotlbEntryState(String device, int domain, int pasid, @JsonAdapter(Hex.class) long iova, long pageSize,
                              @JsonAdapter(Hex.class) long pa, String prot, String source, int line, boolean stale,
                              String staleWhy) {
    /** The key a diff matches entries by: cache, tag and page. */
    public String key() {
        return (device == null ? "iotlb" : "atc " + device) + " domain " + domain + " pasid " + pasid + " " + Hex.of(iova);
    }
}

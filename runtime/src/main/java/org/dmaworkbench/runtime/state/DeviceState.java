package org.dmaworkbench.runtime.state;

import java.util.List;

/**
 * One device as the IOMMU sees it ({@code struct device} + {@code dev->iommu}, its {@code iommu_group}):
 * the group's current (RID) and default domains, its PASID table, its ATC and its live dma-debug entries.
 *
 * @param group         the IOMMU group id, null without an IOMMU (dma-direct)
 * @param domain        the RID's current domain ({@code group->domain}), null without an IOMMU
 * @param defaultDomain {@code group->default_domain}
 * @param ats           ATS enabled (an ATC that must be invalidated after the IOTLB)
 * @param pasidTable    PASID → domain, PASID 0 first
 * @param deviceTlb     the ATC's entries
 * @param dmaDebug      dma-debug's live entries for this device (empty when dma-debug is off)
 */
public record DeviceState(String name, String bdf, String iommu, Integer group, Integer domain, Integer defaultDomain, boolean ats,
                          boolean untrusted, List<PasidEntryState> pasidTable, List<IotlbEntryState> deviceTlb,
                          List<DmaDebugEntryState> dmaDebug) { }

package org.dmaworkbench.runtime.state;

/**
 * One entry of a device's PASID table (VT-d scalable-mode PASID table, SMMUv3 context-descriptor
 * table; written by {@code set_dev_pasid}, kept in {@code group->pasid_array} by
 * {@code iommu_attach_device_pasid}). PASID 0 is the RID's entry ({@code IOMMU_NO_PASID}, RID2PASID):
 * the group's current domain.
 *
 * @param pasid  the PASID
 * @param domain the domain id
 * @param type   the domain's sysfs type ("DMA-FQ", "sva", …)
 * @param label  "KVA fast (init_mm)", "bypass (PA)" … or null
 */
public record PasidEntryState(int pasid, int domain, String type, String label) {
    public String key() { return String.valueOf(pasid); }
}

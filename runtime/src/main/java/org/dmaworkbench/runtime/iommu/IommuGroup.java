package org.dmaworkbench.runtime.iommu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code struct iommu_group}: the devices that cannot be isolated from each other, their default
 * and blocking domains, the current RID domain, the DMA owner count and the {@code pasid_array}.
 */
public final class IommuGroup {
    private final int id;
    private final List<Device> devices = new ArrayList<>(1);
    private IommuDomain defaultDomain;
    private IommuDomain blockingDomain;
    private IommuDomain domain;
    private int ownerCnt;
    private Object owner;
    private final Map<Integer, IommuDomain> pasidArray = new LinkedHashMap<>();

    public IommuGroup(int id) { this.id = id; }

    public int id() { return id; }
    public List<Device> devices() { return devices; }
    public IommuDomain defaultDomain() { return defaultDomain; }
    public void setDefaultDomain(IommuDomain d) { defaultDomain = d; }
    public IommuDomain blockingDomain() { return blockingDomain; }
    public void setBlockingDomain(IommuDomain d) { blockingDomain = d; }

    /** {@code group->domain}: what the RIDs of the group are attached to now. */
    public IommuDomain domain() { return domain; }
    public void setDomain(IommuDomain d) { domain = d; }

    public int ownerCnt() { return ownerCnt; }
    public void setOwnerCnt(int n) { ownerCnt = n; }
    public Object owner() { return owner; }
    public void setOwner(Object o) { owner = o; }

    /** {@code group->pasid_array}: PASID → domain. */
    public Map<Integer, IommuDomain> pasidArray() { return pasidArray; }
}

package org.dmaworkbench.runtime.iommu;

import java.util.HashMap;
import java.util.Map;
import org.dmaworkbench.runtime.mem.MmStruct;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * Shared Virtual Addressing (drivers/iommu/iommu-sva.c, ≥ v6.8): {@code iommu_sva_bind_device(dev, mm)}
 * gives the mm a global PASID ({@code mm->pasid}), reuses the mm's SVA domain for this IOMMU when
 * it can, and attaches it to the PASID; {@code iommu_sva_unbind_device} detaches and frees the
 * domain when its last user goes.
 */
public final class IommuSva {
    /** A bond ({@code struct iommu_sva}). */
    public record Handle(Device device, MmStruct mm, IommuDomain domain, int pasid) { }

    private final SimContext ctx;
    private final IommuCore core;
    private final Map<MmStruct, Map<IommuInstance, IommuDomain>> domains = new HashMap<>();

    public IommuSva(SimContext ctx, IommuCore core) {
        this.ctx = ctx;
        this.core = core;
    }

    /** Returns the handle, or an errno (as {@code ERR_PTR}) in {@code errno[0]}. */
    public Handle bind(Device dev, MmStruct mm, int[] errno) {
        errno[0] = 0;
        if (dev.group() == null) { errno[0] = Errno.ENODEV.ret(); return null; }
        if (dev.maxPasids() == 0) { errno[0] = Errno.EOPNOTSUPP.ret(); return null; }
        if (mm.pasid() < 0) {
            int p = core.allocGlobalPasid(dev);
            if (p == PasidAllocator.IOMMU_PASID_INVALID) { errno[0] = Errno.ENOSPC.ret(); return null; }
            mm.setPasid(p);
        } else if (mm.pasid() >= dev.maxPasids()) {
            errno[0] = Errno.EOVERFLOW.ret();
            return null;
        }
        IommuDomain existing = core.domainForDevPasid(dev, mm.pasid());
        if (existing != null && existing.mm() == mm) {
            existing.setUsers(existing.users() + 1);
            return new Handle(dev, mm, existing, mm.pasid());
        }
        Map<IommuInstance, IommuDomain> mine = domains.computeIfAbsent(mm, k -> new HashMap<>());
        IommuDomain d = mine.get(dev.iommu());
        boolean fresh = d == null;
        if (fresh) d = core.domainAlloc(DomainType.SVA, dev.iommu(), mm, null);
        int ret = core.attachDevicePasid(d, dev, mm.pasid());
        if (ret != 0) { errno[0] = ret; return null; }
        d.setUsers(d.users() + 1);
        mine.put(dev.iommu(), d);
        ctx.event(dev.describe() + " bound to process " + mm.name() + " PASID " + mm.pasid() + " (" + d.describe() + ")");
        return new Handle(dev, mm, d, mm.pasid());
    }

    /** {@code iommu_sva_unbind_device(handle)}. */
    public void unbind(Handle h) {
        IommuDomain d = h.domain();
        d.setUsers(d.users() - 1);
        if (d.users() <= 0) {
            core.detachDevicePasid(d, h.device(), h.pasid());
            Map<IommuInstance, IommuDomain> mine = domains.get(h.mm());
            if (mine != null) mine.remove(d.iommu());
        }
    }
}

package org.dmaworkbench.runtime.iommu;

import java.util.function.Consumer;
import org.dmaworkbench.runtime.mem.KernelPageTable;
import org.dmaworkbench.runtime.mem.MmStruct;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * The IOMMU core API of drivers/iommu/iommu.c: groups and default domains at probe, domain
 * attach/detach, {@code iommu_map}/{@code iommu_unmap}, PASID attach/replace/detach, the global
 * PASID allocator. Every misuse returns the kernel's errno, never an exception.
 */
public final class IommuCore {
    private final SimContext ctx;
    private final DefaultDomainPolicy policy;
    private final PasidAllocator pasids = new PasidAllocator();
    private final DomainInvalidator invalidator;
    private final Consumer<IommuDomain> dmaCookieInit;
    private int nextDomainId = 1;
    private int nextGroupId = 0;

    public IommuCore(SimContext ctx, DefaultDomainPolicy policy, Consumer<IommuDomain> dmaCookieInit) {
        this.ctx = ctx;
        this.policy = policy;
        this.invalidator = new DomainInvalidator(ctx);
        this.dmaCookieInit = dmaCookieInit;
    }

    public PasidAllocator pasids() { return pasids; }
    public DomainInvalidator invalidator() { return invalidator; }
    public DefaultDomainPolicy policy() { return policy; }

    /** Creates a domain ({@code __iommu_domain_alloc}); DMA domains get their cookie ({@code iommu_get_dma_cookie}). */
    public IommuDomain domainAlloc(DomainType type, IommuInstance iommu, MmStruct mm, KernelPageTable kpt) {
        IommuDomain d = new IommuDomain(nextDomainId++, type, iommu, mm, kpt);
        if (ctx.recording() && d.pageTable() != null) d.pageTable().recordTombstones();
        if (type.isDmaApi()) dmaCookieInit.accept(d);
        return d;
    }

    /**
     * {@code iommu_probe_device()} at boot: a singleton group, its blocking domain and the default
     * domain chosen by policy, attached. Returns 0 or -EINVAL when an override is refused.
     */
    public int probeDevice(Device dev, DomainType requested) {
        if (dev.iommu() == null) return Errno.ENODEV.ret();
        DomainType type = policy.forDevice(dev, requested);
        IommuGroup g = new IommuGroup(nextGroupId++);
        g.devices().add(dev);
        dev.setGroup(g);
        if (type == null) {
            ctx.event("iommu: Device is not trusted, but driver is overriding group " + g.id() + " to "
                    + requested.sysfsName() + ", refusing to probe.");
            g.setBlockingDomain(domainAlloc(DomainType.BLOCKED, dev.iommu(), null, null));
            setRidDomain(g, g.blockingDomain());
            return Errno.EINVAL.ret();
        }
        g.setBlockingDomain(domainAlloc(DomainType.BLOCKED, dev.iommu(), null, null));
        IommuDomain def = domainAlloc(type, dev.iommu(), null, null);
        g.setDefaultDomain(def);
        setRidDomain(g, def);
        ctx.event("iommu: Adding to iommu group " + g.id() + ": " + dev.describe() + " default domain " + def.describe()
                + (dev.isUntrusted() ? " (untrusted: strict DMA forced)" : ""));
        return 0;
    }

    private void setRidDomain(IommuGroup g, IommuDomain d) {
        IommuDomain old = g.domain();
        for (Device dev : g.devices()) {
            if (old != null) {
                old.detach(dev, PasidAllocator.IOMMU_NO_PASID);
                dev.deviceTlb().invalidateAll(PasidAllocator.IOMMU_NO_PASID);
            }
            d.attach(dev, PasidAllocator.IOMMU_NO_PASID);
        }
        g.setDomain(d);
        if (old != null && old.iommu() != null) old.iommu().iotlb().invalidateDomain(old.id());
    }

    /** {@code iommu_device_use_default_domain()} at driver probe. */
    public int deviceUseDefaultDomain(Device dev) {
        IommuGroup g = dev.group();
        if (g == null) return 0;
        if (g.defaultDomain() == null) return Errno.EPROBE_DEFER.ret();
        if (g.ownerCnt() > 0 && (g.domain() != g.defaultDomain() || g.owner() != null || !g.pasidArray().isEmpty())) {
            return Errno.EBUSY.ret();
        }
        if (g.owner() != null || g.domain() != g.defaultDomain()) return Errno.EBUSY.ret();
        g.setOwnerCnt(g.ownerCnt() + 1);
        return 0;
    }

    /** {@code iommu_device_unuse_default_domain()} at driver unbind; WARNs when PASIDs are still attached. */
    public void deviceUnuseDefaultDomain(Device dev) {
        IommuGroup g = dev.group();
        if (g == null) return;
        if (!g.pasidArray().isEmpty()) {
            ctx.event("WARNING: iommu_device_unuse_default_domain: " + g.pasidArray().size() + " PASID(s) still attached");
        }
        if (g.ownerCnt() > 0) g.setOwnerCnt(g.ownerCnt() - 1);
    }

    /** {@code iommu_paging_domain_alloc(dev)}: an UNMANAGED domain for a driver or VFIO. */
    public IommuDomain pagingDomainAlloc(Device dev) {
        return domainAlloc(DomainType.UNMANAGED, dev.iommu(), null, null);
    }

    /** {@code iommu_attach_device(domain, dev)}. */
    public int attachDevice(IommuDomain domain, Device dev) {
        IommuGroup g = dev.group();
        if (g == null) return Errno.ENODEV.ret();
        if (g.devices().size() != 1) return Errno.EINVAL.ret();
        if (g.domain() != g.defaultDomain() && g.domain() != g.blockingDomain()) return Errno.EBUSY.ret();
        if (!compatible(domain, dev)) return Errno.EINVAL.ret();
        if (dev.requireDirect() && domain.type() == DomainType.BLOCKED) {
            ctx.event("Firmware has requested this device have a 1:1 IOMMU mapping, rejecting configuring the device without a 1:1 mapping.");
            return Errno.EINVAL.ret();
        }
        setRidDomain(g, domain);
        ctx.event(dev.describe() + " RID attached to " + domain.describe());
        return 0;
    }

    /** {@code iommu_detach_device(domain, dev)}: back to the blocking domain if owned, else the default. */
    public int detachDevice(IommuDomain domain, Device dev) {
        IommuGroup g = dev.group();
        if (g == null) return Errno.ENODEV.ret();
        if (domain != g.domain() || g.devices().size() != 1) {
            ctx.event("WARNING: iommu_detach_device: domain is not the group's current domain");
            return 0;
        }
        setRidDomain(g, g.owner() != null ? g.blockingDomain() : g.defaultDomain());
        return 0;
    }

    private static boolean compatible(IommuDomain domain, Device dev) {
        return domain.iommu() == null || domain.iommu() == dev.iommu() || domain.type() == DomainType.BLOCKED
                || domain.type() == DomainType.IDENTITY;
    }

    /**
     * {@code iommu_map(domain, iova, paddr, size, prot, GFP_KERNEL)}: -EINVAL for a non-paging
     * domain or when iova|paddr|size is not aligned to the minimum page size; -EEXIST (io-pgtable)
     * when something is mapped there already; then {@code iotlb_sync_map}.
     */
    public int map(IommuDomain domain, long iova, long paddr, long size, int prot, Object owner) {
        if (!domain.type().isPaging()) return Errno.EINVAL.ret();
        long min = Long.lowestOneBit(IoPageTable.PGSIZE_BITMAP);
        if (((iova | paddr | size) & (min - 1)) != 0 || size == 0) {
            ctx.event(String.format("unaligned: iova 0x%x pa 0x%x size 0x%x min_pagesz 0x%x", iova, paddr, size, min));
            return Errno.EINVAL.ret();
        }
        if (Long.compareUnsigned(iova + size - 1, domain.apertureEnd()) > 0) return Errno.EINVAL.ret();
        IoMapping m = domain.pageTable().map(iova, paddr, size, prot, owner, ctx.step());
        if (m == null) return Errno.EEXIST.ret();
        long pages = size >>> 12;
        long leaves = m.pageSize() == IoPageTable.SZ_4K ? pages : Math.max(1, size / m.pageSize());
        ctx.counters.pteWrites += leaves;
        ctx.charge(ctx.cost.pteWriteNs() * leaves);
        return 0;
    }

    /**
     * {@code iommu_unmap()}: returns the bytes unmapped (0 for a non-paging domain or unaligned
     * input; stops at the first hole or unsplittable mapping) and always ends with {@code iotlb_sync}.
     */
    public long unmap(IommuDomain domain, long iova, long size) {
        long done = unmapFast(domain, iova, size);
        if (done > 0) invalidator.flushRange(domain, iova, done);
        return done;
    }

    /** {@code iommu_unmap_fast()}: PTEs cleared, no IOTLB invalidation (the caller gathers and syncs). */
    public long unmapFast(IommuDomain domain, long iova, long size) {
        if (!domain.type().isPaging()) return 0;
        if (((iova | size) & 0xfff) != 0) return 0;
        long done = domain.pageTable().unmap(iova, size, ctx.step());
        long pages = done >>> 12;
        ctx.counters.pteClears += pages;
        ctx.charge(ctx.cost.pteClearNs() * Math.max(1, pages));
        return done;
    }

    /** {@code iommu_iova_to_phys()}: identity returns iova, blocked 0. */
    public long iovaToPhys(IommuDomain domain, long iova) {
        if (domain.type() == DomainType.IDENTITY) return iova;
        if (!domain.type().isPaging()) return 0;
        IoMapping m = domain.pageTable().lookup(iova);
        return m == null ? 0 : m.translate(iova);
    }

    // ---------------------------------------------------------------- PASID

    /** {@code iommu_alloc_global_pasid(dev)}: IOMMU_PASID_INVALID when the device has no PASIDs or the space is exhausted. */
    public int allocGlobalPasid(Device dev) {
        if (dev.maxPasids() == 0) return PasidAllocator.IOMMU_PASID_INVALID;
        return pasids.alloc(dev.maxPasids());
    }

    /** {@code iommu_free_global_pasid(pasid)}; false when the kernel would WARN. */
    public boolean freeGlobalPasid(int pasid) {
        boolean ok = pasids.free(pasid);
        if (!ok) ctx.event("WARNING: iommu_free_global_pasid(" + pasid + "): not allocated");
        return ok;
    }

    /** {@code iommu_attach_device_pasid(domain, dev, pasid, NULL)} with every errno rule. */
    public int attachDevicePasid(IommuDomain domain, Device dev, int pasid) {
        IommuGroup g = dev.group();
        if (g == null) return Errno.ENODEV.ret();
        if (domain.type() == DomainType.BLOCKED) return Errno.EOPNOTSUPP.ret();
        if (!compatible(domain, dev) || pasid == PasidAllocator.IOMMU_NO_PASID || pasid < 0) return Errno.EINVAL.ret();
        for (Device d : g.devices()) {
            if (pasid >= d.maxPasids()) return Errno.EINVAL.ret();
        }
        if (g.pasidArray().containsKey(pasid)) return Errno.EBUSY.ret();
        g.pasidArray().put(pasid, domain);
        for (Device d : g.devices()) setDevPasid(domain, d, pasid);
        ctx.event(dev.describe() + " PASID " + pasid + " attached to " + domain.describe());
        return 0;
    }

    /** The driver's {@code set_dev_pasid}: writes the PASID entry / CD. */
    private void setDevPasid(IommuDomain domain, Device d, int pasid) {
        IommuDomain old = d.pasidTable().put(pasid, domain);
        if (old != null) {
            old.detach(d, pasid);
            if (old.iommu() != null) old.iommu().iotlb().invalidateRange(old.id(), pasid, 0, -1L >>> 1);
            d.deviceTlb().invalidateAll(pasid);
        }
        domain.attach(d, pasid);
    }

    /** {@code iommu_replace_device_pasid(domain, dev, pasid, handle)}; a null handle is -EINVAL. */
    public int replaceDevicePasid(IommuDomain domain, Device dev, int pasid, boolean haveHandle) {
        IommuGroup g = dev.group();
        if (g == null) return Errno.ENODEV.ret();
        if (domain.type() == DomainType.BLOCKED) return Errno.EOPNOTSUPP.ret();
        if (!compatible(domain, dev) || pasid == PasidAllocator.IOMMU_NO_PASID || !haveHandle) return Errno.EINVAL.ret();
        IommuDomain cur = g.pasidArray().get(pasid);
        if (cur == null) return Errno.EINVAL.ret();
        if (cur == domain) return 0;
        g.pasidArray().put(pasid, domain);
        for (Device d : g.devices()) setDevPasid(domain, d, pasid);
        ctx.event(dev.describe() + " PASID " + pasid + " replaced: " + cur.describe() + " -> " + domain.describe());
        return 0;
    }

    /** {@code iommu_detach_device_pasid(domain, dev, pasid)}: the blocked domain's set_dev_pasid on every device. */
    public void detachDevicePasid(IommuDomain domain, Device dev, int pasid) {
        IommuGroup g = dev.group();
        if (g == null) return;
        if (g.pasidArray().get(pasid) != domain) {
            ctx.event("WARNING: iommu_detach_device_pasid: PASID " + pasid + " is not attached to " + domain.describe());
            return;
        }
        g.pasidArray().remove(pasid);
        for (Device d : g.devices()) {
            d.pasidTable().remove(pasid);
            domain.detach(d, pasid);
            if (domain.iommu() != null) domain.iommu().iotlb().invalidateRange(domain.id(), pasid, 0, -1L >>> 1);
            d.deviceTlb().invalidateAll(pasid);
        }
        ctx.event(dev.describe() + " PASID " + pasid + " detached from " + domain.describe());
    }

    /** {@code iommu_get_domain_for_dev_pasid(dev, pasid, type)}. */
    public IommuDomain domainForDevPasid(Device dev, int pasid) {
        return dev.group() == null ? null : dev.group().pasidArray().get(pasid);
    }

    /** {@code iommu_get_domain_for_dev(dev)}. */
    public IommuDomain domainForDev(Device dev) {
        return dev.group() == null ? null : dev.group().domain();
    }

    // ---------------------------------------------------------------- ownership and sysfs

    /** {@code iommu_group_claim_dma_owner(group, owner)} (VFIO / iommufd). */
    public int groupClaimDmaOwner(IommuGroup g, Object owner) {
        if (g.ownerCnt() != 0) return Errno.EPERM.ret();
        if (g.domain() != g.defaultDomain() || !g.pasidArray().isEmpty()) return Errno.EBUSY.ret();
        g.setOwner(owner);
        g.setOwnerCnt(1);
        setRidDomain(g, g.blockingDomain());
        return 0;
    }

    /** {@code iommu_group_release_dma_owner(group)}. */
    public void groupReleaseDmaOwner(IommuGroup g) {
        g.setOwner(null);
        g.setOwnerCnt(0);
        setRidDomain(g, g.defaultDomain());
    }

    /**
     * A write to {@code /sys/kernel/iommu_groups/N/type} ({@code iommu_group_store_type}): needs
     * CAP_SYS_ADMIN and CAP_SYS_RAWIO (-EACCES); "identity", "DMA", "DMA-FQ", "auto" (else -EINVAL);
     * DMA → DMA-FQ live; anything else only with no driver bound (-EPERM). Returns 0 or the errno.
     */
    public int groupStoreType(IommuGroup g, String value, boolean capable) {
        if (!capable) return Errno.EACCES.ret();
        DomainType type = switch (value.trim()) {
            case "identity" -> DomainType.IDENTITY;
            case "DMA" -> DomainType.DMA;
            case "DMA-FQ" -> DomainType.DMA_FQ;
            case "auto" -> policy.global();
            default -> null;
        };
        if (type == null) return Errno.EINVAL.ret();
        if (g.devices().isEmpty()) return Errno.EPERM.ret();
        Device first = g.devices().get(0);
        if (first.isUntrusted() && type != DomainType.DMA) {
            ctx.event("iommu: Device is not trusted, but driver is overriding group " + g.id() + " to " + type.sysfsName()
                    + ", refusing to probe.");
            return Errno.EINVAL.ret();
        }
        IommuDomain cur = g.defaultDomain();
        if (cur.type() == DomainType.DMA && type == DomainType.DMA_FQ) {
            cur.upgradeToFlushQueue();
            dmaCookieInit.accept(cur); // iommu_dma_init_fq: the flush queue is initialised in place
            return 0;
        }
        if (g.ownerCnt() != 0 || g.devices().stream().anyMatch(Device::isDriverBound)) return Errno.EPERM.ret();
        if (cur.type() == type) return 0;
        IommuDomain def = domainAlloc(type, first.iommu(), null, null);
        g.setDefaultDomain(def);
        setRidDomain(g, def);
        return 0;
    }
}

package org.dmaworkbench.runtime.run;

import static org.dmaworkbench.runtime.run.CallSignature.Param.of;
import static org.dmaworkbench.runtime.run.CallSignature.Param.sym;
import static org.dmaworkbench.runtime.run.CallTable.sig;

import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.Errno;

/** IOMMU core calls: domains, attach/detach, iommu_map/unmap, group ownership, the sysfs type file. */
final class IommuCalls {
    private IommuCalls() { }

    static final String[] PROTS = {"IOMMU_READ", "IOMMU_WRITE", "IOMMU_READ|IOMMU_WRITE"};

    static int prot(String s) {
        int p = 0;
        if (s.contains("READ")) p |= IoMapping.PROT_READ;
        if (s.contains("WRITE")) p |= IoMapping.PROT_WRITE;
        return p;
    }

    static void register(CallTable t) {
        t.define(sig("default_domain", ValueType.DOMAIN, "iommu_get_dma_domain(dev): the group's default domain",
                "the default domain chosen at probe (identity, DMA or DMA-FQ)", of("dev", ValueType.DEVICE)),
                (st, a) -> domain(st, Args.dev(a, 0).group() == null ? null : Args.dev(a, 0).group().defaultDomain()));
        t.define(sig("iommu_get_domain_for_dev", ValueType.DOMAIN, "iommu_get_domain_for_dev(dev)",
                "the domain the RID is attached to now", of("dev", ValueType.DEVICE)),
                (st, a) -> domain(st, st.sys.iommu.domainForDev(Args.dev(a, 0))));
        t.define(sig("iommu_paging_domain_alloc", ValueType.DOMAIN, "iommu_paging_domain_alloc(dev)",
                "a new UNMANAGED paging domain on the device's IOMMU", of("dev", ValueType.DEVICE)),
                (st, a) -> domain(st, st.sys.iommu.pagingDomainAlloc(Args.dev(a, 0))));
        t.define(sig("iommu_attach_device", ValueType.INT, "iommu_attach_device(domain, dev)",
                "0; -ENODEV no group; -EINVAL group of several devices or foreign domain; -EBUSY group not on its default/blocking domain",
                of("domain", ValueType.DOMAIN), of("dev", ValueType.DEVICE)),
                (st, a) -> ret(st, st.sys.iommu.attachDevice(Args.domain(a, 0), Args.dev(a, 1))));
        t.define(sig("iommu_detach_device", ValueType.VOID, "iommu_detach_device(domain, dev)",
                "the RID returns to the default domain (blocking when owned)", of("domain", ValueType.DOMAIN), of("dev", ValueType.DEVICE)),
                (st, a) -> {
                    st.sys.iommu.detachDevice(Args.domain(a, 0), Args.dev(a, 1));
                    return Value.VOID;
                });
        t.define(sig("iommu_map", ValueType.INT, "iommu_map(domain, iova, paddr, size, prot, GFP_KERNEL)",
                "0; -EINVAL non-paging domain or unaligned iova/paddr/size; -EEXIST already mapped",
                of("domain", ValueType.DOMAIN), of("iova", ValueType.INT), of("buffer", ValueType.BUFFER), of("size", ValueType.INT),
                sym("prot", PROTS)),
                (st, a) -> {
                    Allocation b = Args.buf(a, 2);
                    long pa = b.phys(Args.off(a, 2));
                    return ret(st, st.sys.iommu.map(Args.domain(a, 0), Args.num(a, 1), pa, Args.num(a, 3), prot(Args.sym(a, 4)), null));
                });
        t.define(sig("iommu_unmap", ValueType.INT, "iommu_unmap(domain, iova, size)",
                "bytes unmapped: 0 for a non-paging domain or unaligned input; stops at a hole; never splits a mapping",
                of("domain", ValueType.DOMAIN), of("iova", ValueType.INT), of("size", ValueType.INT)),
                (st, a) -> {
                    long n = st.sys.iommu.unmap(Args.domain(a, 0), Args.num(a, 1), Args.num(a, 2));
                    st.explain("iommu_unmap returned " + n + " bytes");
                    return Value.of(ValueType.INT, n);
                });
        t.define(sig("iommu_iova_to_phys", ValueType.INT, "iommu_iova_to_phys(domain, iova)",
                "the physical address; identity returns iova, blocked 0", of("domain", ValueType.DOMAIN), of("iova", ValueType.INT)),
                (st, a) -> Value.of(ValueType.INT, st.sys.iommu.iovaToPhys(Args.domain(a, 0), Args.num(a, 1))));
        t.define(sig("iommu_group_claim_dma_owner", ValueType.INT, "iommu_group_claim_dma_owner(group, owner) (VFIO/iommufd)",
                "0; -EPERM already owned; -EBUSY not on the default domain or PASIDs attached", of("dev", ValueType.DEVICE)),
                (st, a) -> {
                    Device d = Args.dev(a, 0);
                    return ret(st, d.group() == null ? Errno.ENODEV.ret() : st.sys.iommu.groupClaimDmaOwner(d.group(), "vfio"));
                });
        t.define(sig("iommu_group_release_dma_owner", ValueType.VOID, "iommu_group_release_dma_owner(group)",
                "the group returns to its default domain", of("dev", ValueType.DEVICE)),
                (st, a) -> {
                    Device d = Args.dev(a, 0);
                    if (d.group() != null) st.sys.iommu.groupReleaseDmaOwner(d.group());
                    return Value.VOID;
                });
        t.define(sig("sysfs_group_type", ValueType.INT, "echo TYPE > /sys/kernel/iommu_groups/N/type (iommu_group_store_type)",
                "0; -EACCES without CAP_SYS_ADMIN+CAP_SYS_RAWIO; -EINVAL unknown type; -EPERM driver bound (except DMA to DMA-FQ)",
                of("dev", ValueType.DEVICE), sym("type", "identity", "DMA", "DMA-FQ", "auto"), sym("caller", "root", "user").opt()),
                (st, a) -> {
                    Device d = Args.dev(a, 0);
                    boolean capable = !Args.has(a, 2) || !"user".equals(Args.sym(a, 2));
                    return ret(st, d.group() == null ? Errno.ENODEV.ret() : st.sys.iommu.groupStoreType(d.group(), Args.sym(a, 1), capable));
                });
    }

    static Value domain(RunState st, IommuDomain d) {
        st.explain(d == null ? "no domain" : d.describe());
        return Value.of(ValueType.DOMAIN, d == null ? 0 : d.id(), d);
    }

    static Value ret(RunState st, int ret) {
        st.explain("returned " + Errno.describe(ret));
        return Value.of(ValueType.INT, ret);
    }
}

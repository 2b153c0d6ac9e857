package org.dmaworkbench.runtime.run;

import static org.dmaworkbench.runtime.run.CallSignature.Param.of;
import static org.dmaworkbench.runtime.run.CallTable.sig;

import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IommuSva;
import org.dmaworkbench.runtime.iommu.PasidAllocator;
import org.dmaworkbench.runtime.mem.MmStruct;
import org.dmaworkbench.runtime.sim.Errno;

/** PASID calls: the global allocator, PASID attach/replace/detach, SVA bind/unbind. */
final class PasidCalls {
    private PasidCalls() { }

    static void register(CallTable t) {
        t.define(sig("iommu_alloc_global_pasid", ValueType.PASID, "iommu_alloc_global_pasid(dev)",
                "the lowest free PASID in [1, max_pasids-1]; IOMMU_PASID_INVALID without PASID support or when exhausted",
                of("dev", ValueType.DEVICE)),
                (st, a) -> {
                    int p = st.sys.iommu.allocGlobalPasid(Args.dev(a, 0));
                    st.explain(p == PasidAllocator.IOMMU_PASID_INVALID ? "IOMMU_PASID_INVALID (max_pasids "
                            + Args.dev(a, 0).maxPasids() + ")" : "global PASID " + p);
                    return Value.of(ValueType.PASID, p);
                });
        t.define(sig("iommu_free_global_pasid", ValueType.VOID, "iommu_free_global_pasid(pasid)",
                "WARNs for IOMMU_PASID_INVALID or a PASID not allocated", of("pasid", ValueType.PASID)),
                (st, a) -> {
                    st.sys.iommu.freeGlobalPasid(Args.pasid(a, 0));
                    return Value.VOID;
                });
        t.define(sig("iommu_attach_device_pasid", ValueType.INT, "iommu_attach_device_pasid(domain, dev, pasid, NULL)",
                "0; -ENODEV no group; -EOPNOTSUPP blocked domain; -EINVAL pasid 0 (IOMMU_NO_PASID), pasid >= max_pasids or foreign domain; -EBUSY already attached",
                of("domain", ValueType.DOMAIN), of("dev", ValueType.DEVICE), of("pasid", ValueType.PASID)),
                (st, a) -> IommuCalls.ret(st, st.sys.iommu.attachDevicePasid(Args.domain(a, 0), Args.dev(a, 1), Args.pasid(a, 2))));
        t.define(sig("iommu_replace_device_pasid", ValueType.INT, "iommu_replace_device_pasid(domain, dev, pasid, handle)",
                "0; -EINVAL pasid not attached, pasid 0 or no handle; the old domain stays on failure",
                of("domain", ValueType.DOMAIN), of("dev", ValueType.DEVICE), of("pasid", ValueType.PASID)),
                (st, a) -> IommuCalls.ret(st, st.sys.iommu.replaceDevicePasid(Args.domain(a, 0), Args.dev(a, 1), Args.pasid(a, 2), true)));
        t.define(sig("iommu_detach_device_pasid", ValueType.VOID, "iommu_detach_device_pasid(domain, dev, pasid)",
                "the PASID entry is blocked; later PASID DMA faults pasid-not-attached",
                of("domain", ValueType.DOMAIN), of("dev", ValueType.DEVICE), of("pasid", ValueType.PASID)),
                (st, a) -> {
                    st.sys.iommu.detachDevicePasid(Args.domain(a, 0), Args.dev(a, 1), Args.pasid(a, 2));
                    return Value.VOID;
                });
        t.define(sig("iommu_get_domain_for_dev_pasid", ValueType.DOMAIN, "iommu_get_domain_for_dev_pasid(dev, pasid, 0)",
                "the domain attached to the PASID, or none", of("dev", ValueType.DEVICE), of("pasid", ValueType.PASID)),
                (st, a) -> IommuCalls.domain(st, st.sys.iommu.domainForDevPasid(Args.dev(a, 0), Args.pasid(a, 1))));
        t.define(sig("iommu_sva_bind_device", ValueType.SVA, "iommu_sva_bind_device(dev, mm)",
                "a bond whose PASID is mm->pasid; -EOPNOTSUPP without PASIDs, -EOVERFLOW mm PASID beyond the device, -ENOSPC PASIDs exhausted",
                of("dev", ValueType.DEVICE), of("process", ValueType.PROCESS)),
                (st, a) -> {
                    int[] err = new int[1];
                    Device d = Args.dev(a, 0);
                    IommuSva.Handle h = st.sys.sva.bind(d, (MmStruct) a.get(1).ref(), err);
                    if (h == null) {
                        st.explain("ERR_PTR(" + Errno.describe(err[0]) + ")");
                        return Value.of(ValueType.SVA, err[0], null);
                    }
                    st.explain("bound: PASID " + h.pasid() + " on " + h.domain().describe());
                    return Value.of(ValueType.SVA, h.pasid(), h);
                });
        t.define(sig("iommu_sva_unbind_device", ValueType.VOID, "iommu_sva_unbind_device(handle)",
                "the PASID is detached when the domain's last user goes", of("handle", ValueType.SVA)),
                (st, a) -> {
                    if (a.get(0).ref() instanceof IommuSva.Handle h) st.sys.sva.unbind(h);
                    return Value.VOID;
                });
        t.define(sig("iommu_sva_get_pasid", ValueType.PASID, "iommu_sva_get_pasid(handle)", "the bond's PASID",
                of("handle", ValueType.SVA)),
                (st, a) -> Value.of(ValueType.PASID, a.get(0).ref() instanceof IommuSva.Handle h ? h.pasid()
                        : PasidAllocator.IOMMU_PASID_INVALID));
    }
}

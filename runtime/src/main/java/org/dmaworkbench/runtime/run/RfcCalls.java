package org.dmaworkbench.runtime.run;

import static org.dmaworkbench.runtime.run.CallSignature.Param.of;
import static org.dmaworkbench.runtime.run.CallSignature.Param.sym;
import static org.dmaworkbench.runtime.run.CallTable.sig;

import org.dmaworkbench.runtime.iommu.PasidAllocator;
import org.dmaworkbench.runtime.kva.DmaPasidMode;
import org.dmaworkbench.runtime.mem.Allocation;

/** The 2021 RFC's proposed APIs and Jason Gunthorpe's pci_enable_pasid_dma, for side-by-side runs. */
final class RfcCalls {
    private RfcCalls() { }

    static void register(CallTable t) {
        t.define(sig("iommu_dma_pasid_enable", ValueType.PASID, "iommu_dma_pasid_enable(dev, &domain, mode) [RFC, not merged]",
                "a supervisor PASID; IOMMU_PASID_INVALID without PASID capability, or BYPASS/KVA for an untrusted device",
                of("dev", ValueType.DEVICE), sym("mode", "BYPASS", "IOVA", "KVA")),
                (st, a) -> {
                    int p = st.sys.rfc.enable(Args.dev(a, 0), DmaPasidMode.parse(Args.sym(a, 1)));
                    st.explain(p == PasidAllocator.IOMMU_PASID_INVALID ? "IOMMU_PASID_INVALID"
                            : "PASID " + p + " on " + st.sys.rfc.domainOf(Args.dev(a, 0), p).describe());
                    return Value.of(ValueType.PASID, p);
                });
        t.define(sig("iommu_dma_pasid_disable", ValueType.INT, "iommu_dma_pasid_disable(dev, pasid) [RFC]",
                "0; -EINVAL when the PASID was not enabled", of("dev", ValueType.DEVICE), of("pasid", ValueType.PASID)),
                (st, a) -> IommuCalls.ret(st, st.sys.rfc.disable(Args.dev(a, 0), Args.pasid(a, 1))));
        t.define(sig("iommu_dma_pasid_domain", ValueType.DOMAIN, "the domain iommu_dma_pasid_enable returned [RFC]",
                "bypass (identity), the DMA domain, KVA fast (SVA on init_mm) or KVA strict (replicated)",
                of("dev", ValueType.DEVICE), of("pasid", ValueType.PASID)),
                (st, a) -> IommuCalls.domain(st, st.sys.rfc.domainOf(Args.dev(a, 0), Args.pasid(a, 1))));
        t.define(sig("iommu_map_kva", ValueType.INT, "iommu_map_kva(domain, cpu_addr, size, prot) [RFC]",
                "0; fast mode maps nothing (prot cannot be honoured); strict mode replicates KVA->PA page by page",
                of("domain", ValueType.DOMAIN), of("buffer", ValueType.BUFFER), of("size", ValueType.INT), sym("prot", IommuCalls.PROTS)),
                (st, a) -> {
                    Allocation b = Args.buf(a, 1);
                    return IommuCalls.ret(st, st.sys.rfc.mapKva(Args.domain(a, 0), b.va() + Args.off(a, 1), Args.num(a, 2),
                            IommuCalls.prot(Args.sym(a, 3))));
                });
        t.define(sig("iommu_unmap_kva", ValueType.INT, "iommu_unmap_kva(domain, cpu_addr, size) [RFC]",
                "0; strict mode unmaps and invalidates, fast mode changes nothing in the IOMMU",
                of("domain", ValueType.DOMAIN), of("buffer", ValueType.BUFFER), of("size", ValueType.INT)),
                (st, a) -> {
                    Allocation b = Args.buf(a, 1);
                    return IommuCalls.ret(st, st.sys.rfc.unmapKva(Args.domain(a, 0), b.va() + Args.off(a, 1), Args.num(a, 2)));
                });
        t.define(sig("pci_enable_pasid_dma", ValueType.PASID, "pci_enable_pasid_dma(pdev, &pasid) [proposed by Jason Gunthorpe]",
                "a global PASID attached to the RID's own domain: PASID and untagged DMA share one IO page table",
                of("dev", ValueType.DEVICE)),
                (st, a) -> {
                    int p = st.sys.rfc.pciEnablePasidDma(Args.dev(a, 0));
                    st.explain(p == PasidAllocator.IOMMU_PASID_INVALID ? "IOMMU_PASID_INVALID" : "PASID " + p + " on the RID domain");
                    return Value.of(ValueType.PASID, p);
                });
    }
}

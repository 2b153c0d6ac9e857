package org.dmaworkbench.runtime.iommu;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * Invalidates what a domain's translations may be cached in: the IOTLB for every (device, PASID)
 * attached to the domain, then each ATS device's ATC, then one sync. Models VT-d
 * {@code cache_tag_flush_range()}/{@code cache_tag_flush_all()} (drivers/iommu/intel/cache.c) and
 * SMMUv3 {@code arm_smmu_tlb_inv_range_domain()} + {@code arm_smmu_atc_inv_domain()}.
 */
public final class DomainInvalidator {
    private final SimContext ctx;

    public DomainInvalidator(SimContext ctx) { this.ctx = ctx; }

    /** Page-selective invalidation of [iova, iova+size) followed by a sync ({@code iotlb_sync}). */
    public void flushRange(IommuDomain domain, long iova, long size) {
        IommuInstance iommu = domain.iommu();
        if (iommu == null) return;
        boolean rec = ctx.recording();
        String range = rec ? String.format("iova 0x%x +%d page(s)", iova, (size + 4095) / 4096) : null;
        boolean tagged = iommu.iotlbTaggedByPasid();
        for (int pasid : tags(domain)) {
            int n = iommu.iotlb().invalidateRange(domain.id(), pasid, iova, size);
            ctx.counters.invalidations++;
            iommu.queue().submit(tagged ? iommu.arch().pasidIotlbInvalidateCommand() : iommu.arch().iotlbInvalidateCommand(),
                    rec ? domain.describe() + (tagged ? " PASID " + pasid : "") + " " + range + (n > 0 ? " (" + n + " cached)" : "")
                            : null);
        }
        for (IommuDomain.Attachment a : domain.attachments()) {
            Device d = a.device();
            if (!d.atsEnabled()) continue;
            if (iommu.quirkInvalidateRidOnly() && a.pasid() != 0) continue;
            d.deviceTlb().invalidate(a.pasid(), iova, size);
            ctx.counters.devTlbInvalidations++;
            ctx.charge(ctx.cost.devTlbInvNs());
            iommu.queue().submit(iommu.arch().deviceTlbInvalidateCommand(), rec ? d.bdfName() + " PASID " + a.pasid() + " " + range : null);
        }
        iommu.queue().sync();
    }

    /** Domain-selective invalidation of everything ({@code flush_iotlb_all}) followed by a sync. */
    public void flushAll(IommuDomain domain) {
        IommuInstance iommu = domain.iommu();
        if (iommu == null) return;
        int n = iommu.iotlb().invalidateDomain(domain.id());
        ctx.counters.invalidations++;
        ctx.counters.flushAlls++;
        iommu.queue().submit(iommu.arch().flushAllCommand(), domain.describe() + " (" + n + " cached)");
        for (IommuDomain.Attachment a : domain.attachments()) {
            if (!a.device().atsEnabled()) continue;
            a.device().deviceTlb().invalidateAll(a.pasid());
            ctx.counters.devTlbInvalidations++;
            ctx.charge(ctx.cost.devTlbInvNs());
            iommu.queue().submit(iommu.arch().deviceTlbInvalidateCommand(), a.device().bdf() + " PASID " + a.pasid() + " all");
        }
        iommu.queue().sync();
    }

    /** The PASID tags an invalidation must name: every attached PASID on VT-d, one per domain on SMMUv3. */
    private static final List<Integer> DOMAIN_TAG = List.of(0);

    private List<Integer> tags(IommuDomain domain) {
        IommuInstance iommu = domain.iommu();
        if (!iommu.iotlbTaggedByPasid()) return DOMAIN_TAG;
        List<Integer> out = new ArrayList<>(2);
        for (IommuDomain.Attachment a : domain.attachments()) {
            if (iommu.quirkInvalidateRidOnly() && a.pasid() != 0) continue;
            if (!out.contains(a.pasid())) out.add(a.pasid());
        }
        if (out.isEmpty()) out.add(0);
        return out;
    }
}

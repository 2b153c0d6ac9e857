package org.dmaworkbench.runtime.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.IommuInstance;
import org.dmaworkbench.runtime.iommu.IotlbEntry;
import org.dmaworkbench.runtime.mem.KernelPte;

/**
 * The IOTLB's and the ATCs' entries, each checked against the page table it was filled from with the
 * rule a device access applies ({@link org.dmaworkbench.runtime.findings.TranslationFindings#checkStale}):
 * an io-pgtable entry is stale once the page table holds another mapping (or none) at its IOVA; an
 * entry filled from a CPU page table (SVA, the RFC's KVA fast mode) once that table's entry changed
 * address or write permission.
 */
final class CachedTranslations {
    private CachedTranslations() { }

    /** The IOTLB entries of {@code iommu}, added to their domain's list in {@code byDomain} (domain id → list). */
    static void iotlb(IommuInstance iommu, Map<Integer, IommuDomain> domains, Map<Integer, List<IotlbEntryState>> byDomain) {
        iommu.iotlb().forEach((domainId, pasid, e) -> {
            IommuDomain d = domains.get(domainId);
            byDomain.computeIfAbsent(domainId, k -> new ArrayList<>()).add(entry(null, domainId, pasid, d, e));
        });
    }

    /** A device's ATC; the domain of each PASID is the one the device's PASID table (PASID 0: the RID's) names now. */
    static List<IotlbEntryState> atc(Device dev) {
        List<IotlbEntryState> out = new ArrayList<>();
        dev.deviceTlb().forEach((pasid, e) -> {
            IommuDomain d = pasid == 0 ? (dev.group() == null ? null : dev.group().domain()) : dev.pasidTable().get(pasid);
            out.add(entry(dev.name(), d == null ? -1 : d.id(), pasid, d, e));
        });
        return out;
    }

    private static IotlbEntryState entry(String device, int domainId, int pasid, IommuDomain d, IotlbEntry e) {
        String why = staleWhy(d, e);
        return new IotlbEntryState(device, domainId, pasid, e.pageBase(), e.pageSize(), e.pa(), IoMapping.protString(e.prot()),
                e.kernelPte() != null ? "cpu-page-table" : "io-pgtable", e.fillStep(), why != null, why);
    }

    /** Why {@code e} no longer agrees with its domain's page table, or null when it does. */
    static String staleWhy(IommuDomain d, IotlbEntry e) {
        if (d == null) return "no domain is attached to its tag any more";
        long a = e.pageBase();
        if (e.kernelPte() != null) {
            KernelPte now = d.kernelPageTable() != null ? d.kernelPageTable().walk(a) : d.mm() != null ? d.mm().walk(a) : null;
            if (now == null) return "the CPU page table no longer maps it";
            long curPa = now.pa() + (a & (now.pageSize() - 1));
            if (curPa != e.pa()) return "the CPU page table now points elsewhere";
            if (now.writable() != e.kernelPte().writable()) return "the CPU page table now has " + now.perms();
            return null;
        }
        IoMapping cur = d.pageTable() == null ? null : d.pageTable().lookup(a);
        if (cur == e.source()) return null;
        IoMapping src = e.source();
        return src != null && !src.isLive() ? "unmapped at line " + src.unmappedAtStep() + ", not yet invalidated" : "remapped";
    }
}

package org.dmaworkbench.runtime.findings;

import java.util.List;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.IotlbEntry;
import org.dmaworkbench.runtime.mem.KernelPageTable;
import org.dmaworkbench.runtime.mem.KernelPte;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * Stale translations ({@code stale-iotlb}, {@code kva-stale-page-table}): an IOTLB or ATC hit whose
 * io-pgtable entry was unmapped or remapped, or whose CPU page-table entry (SVA, KVA fast) changed,
 * without the invalidation the kernel owes (iommu-semantics.md §2, checks not done by dma-debug).
 */
public final class TranslationFindings {
    private final SimContext ctx;

    public TranslationFindings(SimContext ctx) { this.ctx = ctx; }

    /** Checks a translation served from a cache against the page table it came from; adds the finding when stale. */
    public void checkStale(IommuDomain domain, IotlbEntry e, long a, List<Finding> findings, String who, boolean fromAtc) {
        String cache = fromAtc ? "device ATC" : "IOTLB";
        if (e.kernelPte() != null) {
            KernelPte now = domain.kernelPageTable() != null ? domain.kernelPageTable().walk(a)
                    : domain.mm() != null ? domain.mm().walk(a) : null;
            long curPa = now == null ? -1 : now.pa() + (a & (now.pageSize() - 1));
            if (now == null || curPa != e.translate(a) || now.writable() != e.kernelPte().writable()) {
                String change = "";
                if (domain.kernelPageTable() != null) {
                    KernelPageTable.Change c = domain.kernelPageTable().lastChangeAt(a);
                    if (c != null) change = " (" + c.what() + " at line " + c.step() + ")";
                }
                FindingKind k = domain.kernelPageTable() != null ? FindingKind.KVA_STALE_PAGE_TABLE : FindingKind.STALE_IOTLB;
                Findings.add(ctx, findings, k, String.format("%s: %s served 0x%x as %s %s cached at line %d, but the CPU page table now has %s%s",
                        who, cache, a, e.kernelPte().perms(), e.pageSize() >= KernelPageTable.SIZE_2M ? "2M page" : "page",
                        e.fillStep(), now == null ? "no mapping" : now.perms(), change));
            }
            return;
        }
        IoMapping cur = domain.pageTable() == null ? null : domain.pageTable().lookup(a);
        if (cur != e.source()) {
            IoMapping src = e.source();
            String why = src != null && !src.isLive() ? "unmapped at line " + src.unmappedAtStep() : "remapped";
            Findings.add(ctx, findings, FindingKind.STALE_IOTLB, String.format(
                    "%s: %s entry for IOVA 0x%x in %s is stale (%s, not yet invalidated)", who, cache, a, domain.describe(), why));
        }
    }
}

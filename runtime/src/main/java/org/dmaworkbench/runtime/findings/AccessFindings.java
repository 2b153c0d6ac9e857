package org.dmaworkbench.runtime.findings;

import java.util.List;
import java.util.function.Supplier;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.kva.KvaIntent;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.AllocationKind;
import org.dmaworkbench.runtime.mem.PhysicalMemory;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * What a completed device access reached (use-after-free, kernel-text-reachable, no-isolation,
 * sub-page-exposure, direction-not-honoured, stale-data): the checks the IOMMU model makes possible
 * and dma-debug does not (iommu-semantics.md §2).
 */
public final class AccessFindings {
    private final SimContext ctx;
    private final PhysicalMemory mem;

    public AccessFindings(SimContext ctx, PhysicalMemory mem) {
        this.ctx = ctx;
        this.mem = mem;
    }

    /** KVA fast mode: the shared kernel page table reaches what no iommu_map_kva covers, and cannot refuse writes. */
    public void checkKva(String who, long va, long len, AccessType type, List<Finding> findings, List<KvaIntent> intents) {
        KvaIntent covering = null;
        for (KvaIntent i : intents) if (i.covers(va, len)) covering = i;
        if (covering == null) {
            Findings.add(ctx, findings, FindingKind.NO_ISOLATION, String.format(
                    "%s: KVA 0x%x reached through the shared kernel page table although no iommu_map_kva covers it", who, va));
        } else if (type == AccessType.WRITE && (covering.prot() & IoMapping.PROT_WRITE) == 0) {
            Findings.add(ctx, findings, FindingKind.DIRECTION_NOT_HONOURED, String.format(
                    "%s: wrote KVA 0x%x mapped read-only at line %d: the kernel page table is RW, the KVA fast mode cannot honour the direction",
                    who, va, covering.line()));
        }
    }

    /**
     * Findings for one physical chunk [pa, pa+len) of a completed access: its owners, the DMA mapping
     * it went through ({@code dm}, null when none covers it) and the domain (null: no IOMMU).
     */
    public void check(Device dev, String who, long pa, long len, AccessType type, List<Allocation> owners,
                      Supplier<String> ownerText, DmaMapping dm, boolean untranslated, IommuDomain viaDomain, List<Finding> findings) {
        long pfn = pa >>> PhysicalMemory.PAGE_SHIFT;
        boolean bounceSlot = dm != null && dm.isBounced();
        for (Allocation o : owners) {
            if (o.kind() == AllocationKind.SWIOTLB) continue;
            if (o.isFreed()) {
                Findings.add(ctx, findings, FindingKind.USE_AFTER_FREE, String.format("%s: %s %d bytes at PA 0x%x: %s was freed at line %d",
                        who, type.dslName(), len, pa, o.describe(), o.freedAtStep()));
            } else if (dm != null && !bounceSlot && dm.buffer() != null && o != dm.buffer() && !dm.isUnmapped()
                    && dm.buffer().isFreed()) {
                Findings.add(ctx, findings, FindingKind.USE_AFTER_FREE, String.format("%s: %s was freed at line %d and the page now holds %s",
                        who, dm.buffer().describe(), dm.buffer().freedAtStep(), o.describe()));
            }
            if (o.kind() == AllocationKind.KERNEL_TEXT || o.kind() == AllocationKind.RODATA || o.kind() == AllocationKind.MODULE) {
                Findings.add(ctx, findings, FindingKind.KERNEL_TEXT_REACHABLE, String.format("%s: %s reached %s through %s", who,
                        type.dslName(), o.describe(), via(viaDomain)));
            }
        }
        if (owners.isEmpty() && mem.isFreedPage(pfn)) {
            Findings.add(ctx, findings, FindingKind.USE_AFTER_FREE, String.format("%s: %s PA 0x%x: the page was freed", who, type.dslName(), pa));
        }
        if (dm == null) {
            if (untranslated) {
                Findings.add(ctx, findings, FindingKind.NO_ISOLATION, String.format(
                        "%s: %s %d bytes at PA 0x%x (%s) that no DMA mapping of this device covers: %s isolates nothing",
                        who, type.dslName(), len, pa, owners.isEmpty() ? "unallocated" : ownerText.get(), via(viaDomain)));
            }
        } else {
            long lo = dm.devicePhys(), hi = lo + dm.size();
            if (!bounceSlot && (pa < lo || pa + len > hi)) {
                long outLo = pa < lo ? pa : hi, outHi = pa < lo ? Math.min(lo, pa + len) : pa + len;
                StringBuilder neighbours = new StringBuilder();
                for (Allocation o : owners) if (o != dm.buffer()) neighbours.append(neighbours.length() > 0 ? ", " : "").append(o.describe());
                Findings.add(ctx, findings, FindingKind.SUB_PAGE_EXPOSURE, String.format(
                        "%s: %s bytes PA 0x%x..0x%x outside the %d-byte buffer of the %s%s", who, type.dslName(), outLo, outHi - 1,
                        dm.size(), dm.describe(), neighbours.length() > 0 ? "; the page also holds " + neighbours : ""));
            }
            if (type == AccessType.WRITE && !dm.dir().deviceWrites()) {
                Findings.add(ctx, findings, FindingKind.DIRECTION_NOT_HONOURED, String.format(
                        "%s: wrote a %s buffer: %s does not enforce the direction", who, dm.dir().kernelName(), via(viaDomain)));
            }
            if (type == AccessType.READ && bounceSlot && dm.isOrigDirty()) {
                Findings.add(ctx, findings, FindingKind.STALE_DATA, String.format(
                        "%s: read the swiotlb slot of %s, which lacks the CPU's later write (no dma_sync_single_for_device)",
                        who, dm.describe()));
            }
        }
        if (!dev.isCoherent() && !bounceSlot) {
            if (type == AccessType.READ && mem.isCpuDirty(pfn)) {
                Findings.add(ctx, findings, FindingKind.STALE_DATA, String.format(
                        "%s: non-coherent read of PA 0x%x returned stale memory: the CPU wrote it at line %d and no sync for the device followed",
                        who, pa, mem.cpuDirtyStep(pfn)));
            }
        }
    }

    private static String via(IommuDomain d) { return d == null ? "no IOMMU" : d.describe(); }
}

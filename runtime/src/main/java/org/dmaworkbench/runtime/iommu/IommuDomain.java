package org.dmaworkbench.runtime.iommu;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.mem.KernelPageTable;
import org.dmaworkbench.runtime.mem.MmStruct;

/**
 * {@code struct iommu_domain}: a translation context that RIDs and PASIDs attach to. Paging domains
 * own an {@link IoPageTable}; SVA domains share a CPU page table (a process's mm, or, for the RFC's
 * KVA fast mode, the kernel's init_mm); the DMA API keeps its IOVA allocator and flush queue in the
 * domain's cookie ({@code iommu_dma_cookie}). The attachment list plays the role of VT-d's cache
 * tags ({@code cache_tag_assign_domain}): every (device, PASID) an invalidation must reach.
 */
public final class IommuDomain {
    /** A RID (pasid = 0, IOMMU_NO_PASID) or PASID attached to this domain. */
    public record Attachment(Device device, int pasid) { }

    private final int id;
    private DomainType type;
    private final IommuInstance iommu;
    private final IoPageTable pageTable;
    private final MmStruct mm;
    private final KernelPageTable kernelPageTable;
    private final List<Attachment> attachments = new ArrayList<>(2);
    private Object dmaCookie;
    private int users;
    private String label;
    private boolean kernelAddressing;

    public IommuDomain(int id, DomainType type, IommuInstance iommu, MmStruct mm, KernelPageTable kernelPageTable) {
        this.id = id;
        this.type = type;
        this.iommu = iommu;
        this.pageTable = type.isPaging() ? new IoPageTable() : null;
        this.mm = mm;
        this.kernelPageTable = kernelPageTable;
    }

    public int id() { return id; }
    public DomainType type() { return type; }

    /**
     * DMA → DMA-FQ in place, as a sysfs "DMA-FQ" write does ({@code iommu_dma_init_fq} on the live
     * domain): the page table, cookie and attachments stay. Only that transition is allowed.
     */
    public void upgradeToFlushQueue() {
        if (type != DomainType.DMA) throw new IllegalStateException("only a DMA domain can gain a flush queue");
        type = DomainType.DMA_FQ;
    }
    public IommuInstance iommu() { return iommu; }
    public IoPageTable pageTable() { return pageTable; }
    public MmStruct mm() { return mm; }

    /** Non-null for an SVA domain on init_mm: the RFC's KVA fast mode (supervisor SVA). */
    public KernelPageTable kernelPageTable() { return kernelPageTable; }

    public List<Attachment> attachments() { return attachments; }
    public void attach(Device d, int pasid) { attachments.add(new Attachment(d, pasid)); }
    public void detach(Device d, int pasid) { attachments.removeIf(a -> a.device() == d && a.pasid() == pasid); }

    /** The DMA-API cookie (IOVA domain + flush queue) of a DMA / DMA-FQ domain. */
    public Object dmaCookie() { return dmaCookie; }
    public void setDmaCookie(Object c) { dmaCookie = c; }

    /** SVA domain users ({@code domain->users}). */
    public int users() { return users; }
    public void setUsers(int u) { users = u; }

    /** An optional label: "KVA strict", "bypass" … for explanations. */
    public void setLabel(String l) { label = l; }
    public String label() { return label; }

    /** The domain translates kernel virtual addresses as IOVAs (the RFC's KVA strict mode). */
    public void setKernelAddressing(boolean b) { kernelAddressing = b; }
    public boolean kernelAddressing() { return kernelAddressing; }

    /** Widest IOVA the domain translates: {@code domain->geometry.aperture_end}. */
    public long apertureEnd() {
        if (kernelAddressing) return -1L;
        int w = iommu == null ? 64 : iommu.addressWidth();
        return w >= 64 ? -1L : (1L << w) - 1;
    }

    /** "DMA-FQ domain 3". */
    public String describe() {
        String kind = label != null ? label : type == DomainType.SVA && kernelPageTable != null ? "SVA(init_mm)" : type.sysfsName();
        return kind + " domain " + id;
    }

    @Override public String toString() { return describe(); }
}

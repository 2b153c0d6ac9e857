package org.dmaworkbench.runtime.kva;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.DomainType;
import org.dmaworkbench.runtime.iommu.IoPageTable;
import org.dmaworkbench.runtime.iommu.IommuCore;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.PasidAllocator;
import org.dmaworkbench.runtime.mem.KernelAddressSpace;
import org.dmaworkbench.runtime.mem.PhysicalMemory;
import org.dmaworkbench.runtime.sim.Errno;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * The APIs proposed in "[RFC 0/7] Support in-kernel DMA with PASID and SVA" (Jacob Pan,
 * 2021-09-21) and Jason Gunthorpe's counter-proposal, runnable beside the merged design:
 * {@code iommu_dma_pasid_enable(dev, &domain, BYPASS|IOVA|KVA)}, {@code iommu_dma_pasid_disable},
 * {@code iommu_map_kva}/{@code iommu_unmap_kva} (fast: the device shares init_mm's page table,
 * trusted devices only; strict: the KVA→PA mapping replicated in an IOMMU domain), and
 * {@code pci_enable_pasid_dma(pdev, &pasid)} (a PASID attached to the RID's own domain).
 */
public final class RfcDmaPasid {
    private final SimContext ctx;
    private final IommuCore core;
    private final DmaApi dma;
    private final KernelAddressSpace kas;
    private final String kvaPolicy;
    private final Map<IommuDomain, List<KvaIntent>> intents = new HashMap<>();
    private final Map<Device, Map<Integer, IommuDomain>> enabled = new HashMap<>();

    /** @param kvaPolicy {@code iommu.kva=} from the command line: "fast", "strict", "off" or null (SATC decides) */
    public RfcDmaPasid(SimContext ctx, IommuCore core, DmaApi dma, KernelAddressSpace kas, String kvaPolicy) {
        this.ctx = ctx;
        this.core = core;
        this.dma = dma;
        this.kas = kas;
        this.kvaPolicy = kvaPolicy;
    }

    /**
     * {@code iommu_dma_pasid_enable(dev, &domain, mode)}: a supervisor PASID, or IOMMU_PASID_INVALID
     * when the device has no PASID capability or the platform refuses the mode (bypass and KVA
     * are for trusted devices only: "KVA is only supported on trusted devices", Jacob Pan 2021-09-30).
     */
    public int enable(Device dev, DmaPasidMode mode) {
        if (dev.maxPasids() == 0) {
            ctx.event(dev.describe() + ": no PASID capability");
            return PasidAllocator.IOMMU_PASID_INVALID;
        }
        IommuDomain domain;
        switch (mode) {
            case BYPASS -> {
                if (dev.isUntrusted()) return refuse(dev, "PA bypass");
                domain = core.domainAlloc(DomainType.IDENTITY, dev.iommu(), null, null);
                domain.setLabel("bypass (PA)");
            }
            case IOVA -> {
                domain = dma.dmaDomain(dev);
                if (domain == null) domain = core.domainForDev(dev);
            }
            case KVA -> {
                if (dev.isUntrusted() || "off".equals(kvaPolicy)) return refuse(dev, "KVA");
                boolean fast = "fast".equals(kvaPolicy) || kvaPolicy == null && dev.listedInSatc();
                if (fast) {
                    domain = core.domainAlloc(DomainType.SVA, dev.iommu(), null, kas.pageTable());
                    domain.setLabel("KVA fast (init_mm)");
                } else {
                    domain = core.domainAlloc(DomainType.UNMANAGED, dev.iommu(), null, null);
                    domain.setKernelAddressing(true);
                    domain.setLabel("KVA strict");
                }
            }
            default -> throw new IllegalStateException();
        }
        int pasid = core.allocGlobalPasid(dev);
        if (pasid == PasidAllocator.IOMMU_PASID_INVALID) return pasid;
        int ret = core.attachDevicePasid(domain, dev, pasid);
        if (ret != 0) {
            core.freeGlobalPasid(pasid);
            return PasidAllocator.IOMMU_PASID_INVALID;
        }
        enabled.computeIfAbsent(dev, d -> new HashMap<>()).put(pasid, domain);
        ctx.event(dev.describe() + ": DMA PASID " + pasid + " enabled in " + mode + " mode on " + domain.describe());
        return pasid;
    }

    private int refuse(Device dev, String what) {
        ctx.event(dev.describe() + ": platform policy refuses " + what + " mode for "
                + (dev.isUntrusted() ? "an untrusted device" : "this device"));
        return PasidAllocator.IOMMU_PASID_INVALID;
    }

    /** {@code iommu_dma_pasid_disable(dev, pasid)}: 0 or -EINVAL when the PASID was not enabled. */
    public int disable(Device dev, int pasid) {
        Map<Integer, IommuDomain> m = enabled.get(dev);
        IommuDomain domain = m == null ? null : m.remove(pasid);
        if (domain == null) return Errno.EINVAL.ret();
        core.detachDevicePasid(domain, dev, pasid);
        core.freeGlobalPasid(pasid);
        intents.remove(domain);
        return 0;
    }

    /** The domain behind an enabled DMA PASID (what the RFC returned through {@code **domain}). */
    public IommuDomain domainOf(Device dev, int pasid) {
        Map<Integer, IommuDomain> m = enabled.get(dev);
        return m == null ? null : m.get(pasid);
    }

    /**
     * {@code iommu_map_kva(domain, cpu_addr, size, prot)}: fast mode maps nothing (the device uses
     * the CPU page table, so {@code prot} cannot be honoured); strict mode replicates the KVA→PA
     * mapping page by page. Returns 0 or an errno.
     */
    public int mapKva(IommuDomain domain, long va, long size, int prot) {
        if (domain.kernelPageTable() != null) {
            intents.computeIfAbsent(domain, d -> new ArrayList<>()).add(new KvaIntent(va, size, prot, ctx.step()));
            ctx.event("iommu_map_kva: fast mode, nothing mapped: the device shares the kernel page table");
            return 0;
        }
        if (!domain.kernelAddressing()) return Errno.EINVAL.ret();
        long start = va & ~PhysicalMemory.PAGE_MASK_LOW;
        for (long v = start; v < va + size; v += PhysicalMemory.PAGE_SIZE) {
            long pa = kas.virtToPhys(v);
            if (pa < 0) {
                unmapKva(domain, start, v - start);
                return Errno.EFAULT.ret();
            }
            int ret = core.map(domain, v, pa & ~PhysicalMemory.PAGE_MASK_LOW, IoPageTable.SZ_4K, prot,
                    new KvaIntent(va, size, prot, ctx.step()));
            if (ret != 0) {
                unmapKva(domain, start, v - start);
                return ret;
            }
        }
        return 0;
    }

    /** {@code iommu_unmap_kva(domain, cpu_addr, size)}: strict unmaps and invalidates; fast does nothing in the IOMMU. */
    public int unmapKva(IommuDomain domain, long va, long size) {
        if (domain.kernelPageTable() != null) {
            List<KvaIntent> l = intents.get(domain);
            if (l != null) l.removeIf(i -> i.va() == va);
            return 0;
        }
        long start = va & ~PhysicalMemory.PAGE_MASK_LOW;
        long len = ((va + size + PhysicalMemory.PAGE_MASK_LOW) & ~PhysicalMemory.PAGE_MASK_LOW) - start;
        for (long v = start; v < start + len; v += PhysicalMemory.PAGE_SIZE) core.unmap(domain, v, PhysicalMemory.PAGE_SIZE);
        return 0;
    }

    /** Every enabled domain that shares the kernel page table (KVA fast mode). */
    public List<IommuDomain> kernelSharingDomains() {
        List<IommuDomain> out = new ArrayList<>();
        for (Map<Integer, IommuDomain> m : enabled.values()) {
            for (IommuDomain d : m.values()) if (d.kernelPageTable() != null && !out.contains(d)) out.add(d);
        }
        return out;
    }

    /** The KVA fast-mode intents of a domain (empty when none). */
    public List<KvaIntent> intents(IommuDomain domain) {
        return intents.getOrDefault(domain, List.of());
    }

    /**
     * {@code pci_enable_pasid_dma(pdev, &pasid)} (Jason Gunthorpe, 2021-09-29): a global PASID
     * attached to the RID's own DMA domain; "PASID and no PASID point to the exact same IO page table".
     */
    public int pciEnablePasidDma(Device dev) {
        IommuDomain domain = core.domainForDev(dev);
        if (domain == null) return PasidAllocator.IOMMU_PASID_INVALID;
        int pasid = core.allocGlobalPasid(dev);
        if (pasid == PasidAllocator.IOMMU_PASID_INVALID) return pasid;
        if (core.attachDevicePasid(domain, dev, pasid) != 0) {
            core.freeGlobalPasid(pasid);
            return PasidAllocator.IOMMU_PASID_INVALID;
        }
        enabled.computeIfAbsent(dev, d -> new HashMap<>()).put(pasid, domain);
        return pasid;
    }
}

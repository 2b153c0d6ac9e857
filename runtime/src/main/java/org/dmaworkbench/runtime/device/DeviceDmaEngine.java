package org.dmaworkbench.runtime.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.findings.AccessFindings;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.findings.TranslationFindings;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.DomainType;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IoPageTable;
import org.dmaworkbench.runtime.iommu.IommuArch;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.IotlbEntry;
import org.dmaworkbench.runtime.kva.KvaIntent;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.KernelPte;
import org.dmaworkbench.runtime.mem.PhysicalMemory;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * The device side of DMA: a function issues a read or write of {@code len} bytes at an address,
 * untagged or with a PASID, and the IOMMU translates it page by page as the hardware does (context /
 * PASID-table or STE / CD lookup, ATC for ATS devices, IOTLB, page walk, permission check). Faults
 * carry the architecture's code; completed accesses are checked for findings ({@code findings/}).
 */
public final class DeviceDmaEngine {
    private final SimContext ctx;
    private final PhysicalMemory mem;
    private final DmaApi dma;
    private final Function<IommuDomain, List<KvaIntent>> kvaIntents;
    private final TranslationFindings translationFindings;
    private final AccessFindings accessFindings;

    public DeviceDmaEngine(SimContext ctx, PhysicalMemory mem, DmaApi dma, Function<IommuDomain, List<KvaIntent>> kvaIntents) {
        this.ctx = ctx;
        this.mem = mem;
        this.dma = dma;
        this.kvaIntents = kvaIntents;
        this.translationFindings = new TranslationFindings(ctx);
        this.accessFindings = new AccessFindings(ctx, mem);
    }

    /** Performs the access; {@code pasid} is null for untagged requests. */
    public DmaOutcome access(Device dev, Integer pasid, long addr, long len, AccessType type) {
        if (type == AccessType.READ) ctx.counters.deviceReads++; else ctx.counters.deviceWrites++;
        List<Finding> findings = new ArrayList<>();
        String who = pasid == null ? dev.bdfName() : dev.bdfName() + " PASID " + pasid;
        if (len < 0 || (len > 0 && Long.compareUnsigned(addr + len - 1, addr) < 0)) {
            // a request past the top of the 64-bit address space: no address decoder takes it
            String why = String.format("%s: %s of %s bytes at 0x%x wraps past the top of the address space", who, type.dslName(),
                    Long.toUnsignedString(len), addr);
            if (dev.iommu() == null) return DmaOutcome.fault(FaultClass.ADDRESS_SIZE, null, 0, why, findings);
            return fault(dev.iommu().arch(), FaultClass.ADDRESS_SIZE, type, 0, findings, why);
        }
        if (dev.iommu() == null) {
            return complete(dev, null, who, addr, len, type, findings);
        }
        IommuArch arch = dev.iommu().arch();
        IommuDomain domain;
        int tag;
        if (pasid == null) {
            domain = dev.group() == null ? null : dev.group().domain();
            tag = 0;
        } else if (dev.pasidBits() == 0 || pasid >= dev.maxPasids() || pasid < 0) {
            return fault(arch, FaultClass.PASID_OUT_OF_RANGE, type, addr, findings, who + ": PASID " + pasid
                    + (dev.pasidBits() == 0 ? " from a function without the PASID capability"
                    : " is beyond the device's " + dev.maxPasids() + " PASIDs"));
        } else if (pasid == 0) {
            if (!arch.explicitPasidZeroIsRid()) {
                return fault(arch, FaultClass.PASID_OUT_OF_RANGE, type, addr, findings,
                        who + ": explicit SSID 0 is illegal with S1DSS=SSID0 (the RID's traffic uses CD 0)");
            }
            domain = dev.group() == null ? null : dev.group().domain();
            tag = 0;
        } else {
            domain = dev.pasidTable().get(pasid);
            tag = pasid;
            if (domain == null) {
                return fault(arch, FaultClass.PASID_NOT_ATTACHED, type, addr, findings,
                        who + ": PASID " + pasid + " is not attached to any domain");
            }
        }
        if (domain == null || domain.type() == DomainType.BLOCKED) {
            return fault(arch, FaultClass.BLOCKED, type, addr, findings, who + " is attached to the blocking domain");
        }
        if (domain.type() == DomainType.IDENTITY) {
            return complete(dev, domain, who, addr, len, type, findings);
        }
        // translate page by page
        long npages = (((addr + len - 1) >>> 12) - (addr >>> 12)) + 1;
        int room = (int) Math.min(npages, 64); // grows as pages translate: a faulting huge request costs nothing
        long[] pieces = new long[3 * room];
        IotlbEntry[] used = new IotlbEntry[room];
        int np = 0;
        long a = addr;
        long remaining = len;
        while (remaining > 0) {
            if (np == used.length) {
                used = Arrays.copyOf(used, np * 2);
                pieces = Arrays.copyOf(pieces, 6 * np);
            }
            DmaOutcome fault = translate(dev, domain, tag, a, type, findings, who, used, np);
            if (fault != null) return fault;
            IotlbEntry e = used[np];
            long chunk = Math.min(remaining, e.pageBase() + e.pageSize() - a);
            remaining -= chunk;
            pieces[3 * np] = a;
            pieces[3 * np + 1] = e.translate(a);
            pieces[3 * np + 2] = chunk;
            np++;
            a += chunk;
        }
        return completeTranslated(dev, domain, who, addr, len, type, findings, pieces, used, np);
    }

    /**
     * One page: ATC, IOTLB, walk. On success stores the translation in {@code out[i]} and returns
     * null; otherwise returns the fault (the hardware's fault record for this request).
     */
    private DmaOutcome translate(Device dev, IommuDomain domain, int tag, long a, AccessType type, List<Finding> findings,
                                 String who, IotlbEntry[] out, int i) {
        IommuArch arch = dev.iommu().arch();
        if (domain.type().isPaging() && Long.compareUnsigned(a, domain.apertureEnd()) > 0) {
            return fault(arch, FaultClass.ADDRESS_SIZE, type, a, findings, String.format(
                    "%s: address 0x%x is beyond the %d-bit input range of %s", who, a, domain.iommu().addressWidth(),
                    domain.describe()));
        }
        IotlbEntry e = null;
        boolean fromAtc = false;
        if (dev.atsEnabled()) {
            e = dev.deviceTlb().lookup(tag, a);
            if (e != null) {
                fromAtc = true;
                ctx.counters.devTlbHits++;
            }
        }
        if (e == null) e = dev.iommu().iotlb().lookup(domain.id(), tag, a);
        if (e != null) {
            ctx.charge(ctx.cost.iotlbHitNs());
            translationFindings.checkStale(domain, e, a, findings, who, fromAtc);
        } else {
            ctx.counters.pageWalks++;
            ctx.charge(ctx.cost.pageWalkNs());
            DmaOutcome fault = walk(dev, domain, tag, a, type, findings, who, out, i);
            if (fault != null) return fault;
            e = out[i];
            dev.iommu().iotlb().fill(domain.id(), tag, e);
        }
        if (dev.atsEnabled() && !fromAtc) dev.deviceTlb().fill(tag, a, e);
        int readMask = arch.writeOnlyExpressible() ? IoMapping.PROT_READ : IoMapping.PROT_READ | IoMapping.PROT_WRITE;
        boolean allowed = type == AccessType.WRITE ? (e.prot() & IoMapping.PROT_WRITE) != 0 : (e.prot() & readMask) != 0;
        if (!allowed) {
            FaultClass c = type == AccessType.WRITE ? FaultClass.WRITE_NOT_PERMITTED : FaultClass.READ_NOT_PERMITTED;
            String origin = e.source() != null && e.source().owner() instanceof DmaMapping dm ? ", " + dm.describe() : "";
            return fault(arch, c, type, a, findings, String.format("%s: %s of 0x%x denied by %s (entry %s%s)", who,
                    type.dslName(), a, domain.describe(), IoMapping.protString(e.prot()), origin));
        }
        out[i] = e;
        return null;
    }

    /** The page walk (io-pgtable, or the CPU page table for SVA): the entry in {@code out[i]} and null, or the fault. */
    private DmaOutcome walk(Device dev, IommuDomain domain, int tag, long a, AccessType type, List<Finding> findings, String who,
                            IotlbEntry[] out, int i) {
        IommuArch arch = dev.iommu().arch();
        if (domain.type() == DomainType.SVA) {
            KernelPte pte = domain.kernelPageTable() != null ? domain.kernelPageTable().walk(a)
                    : domain.mm() != null ? domain.mm().walk(a) : null;
            if (pte == null) {
                return fault(arch, FaultClass.NOT_PRESENT, type, a, findings, String.format(
                        "%s: address 0x%x not present in the CPU page table shared by %s", who, a, domain.describe()));
            }
            int prot = IoMapping.PROT_READ | (pte.writable() ? IoMapping.PROT_WRITE : 0);
            long base = a & -pte.pageSize();
            out[i] = new IotlbEntry(base, pte.pa(), pte.pageSize(), prot, null, pte, ctx.step());
            return null;
        }
        IoMapping m = domain.pageTable().lookup(a);
        if (m == null) {
            return fault(arch, FaultClass.NOT_PRESENT, type, a, findings, notPresent(domain, a, who));
        }
        long ps = m.size() < IoPageTable.SZ_2M ? IoPageTable.SZ_4K : domain.pageTable().leafSize(a); // small maps have 4 KiB leaves only
        long base = a & -ps;
        out[i] = new IotlbEntry(base, m.translate(base), ps, m.prot(), m, null, ctx.step());
        return null;
    }

    private String notPresent(IommuDomain domain, long a, String who) {
        StringBuilder sb = new StringBuilder(String.format("%s: IOVA 0x%x not present in %s", who, a, domain.describe()));
        IoMapping gone = domain.pageTable().lastUnmapped(a);
        if (gone != null) {
            sb.append(": unmapped at line ").append(gone.unmappedAtStep());
            if (domain.dmaCookie() instanceof org.dmaworkbench.runtime.dma.IommuDmaCookie c && c.fq() != null
                    && c.fq().lastFlushStep() >= gone.unmappedAtStep()) {
                sb.append(", IOTLB flushed at line ").append(c.fq().lastFlushStep());
            }
        } else {
            sb.append(": never mapped");
        }
        return sb.toString();
    }

    private DmaOutcome fault(IommuArch arch, FaultClass c, AccessType t, long addr, List<Finding> findings, String why) {
        ctx.counters.faults++;
        var code = arch.faultCode(c, t);
        return DmaOutcome.fault(c, code, addr, why + " -> " + arch.name() + " fault " + code, findings);
    }

    // ------------------------------------------------------------------ completed accesses

    /** Untranslated (no IOMMU) or identity: the address is physical. */
    private DmaOutcome complete(Device dev, IommuDomain domain, String who, long addr, long len, AccessType type,
                                List<Finding> findings) {
        List<DmaOutcome.Touched> touched = new ArrayList<>();
        long a = addr;
        for (long remaining = len; remaining > 0; ) {
            long chunk = Math.min(remaining, PhysicalMemory.PAGE_SIZE - (a & PhysicalMemory.PAGE_MASK_LOW));
            remaining -= chunk;
            if (!mem.isValidPfn(a >>> PhysicalMemory.PAGE_SHIFT)) {
                return DmaOutcome.fault(FaultClass.ADDRESS_SIZE, null, a, who + String.format(": 0x%x is beyond physical memory", a),
                        findings);
            }
            DmaMapping dm = dma.find(dev, a);
            analyse(dev, who, a, chunk, type, findings, touched, dm, true, domain);
            a += chunk;
        }
        return DmaOutcome.ok(() -> String.format("%s %s %d bytes at PA 0x%x through %s", who, type.dslName(), len, addr,
                domain == null ? "no IOMMU" : domain.describe()), touched, findings);
    }

    private DmaOutcome completeTranslated(Device dev, IommuDomain domain, String who, long addr, long len, AccessType type,
                                         List<Finding> findings, long[] pieces, IotlbEntry[] used, int np) {
        List<DmaOutcome.Touched> touched = new ArrayList<>(np);
        List<KvaIntent> intents = domain.kernelPageTable() != null ? kvaIntents.apply(domain) : null;
        for (int i = 0; i < np; i++) {
            long iova = pieces[3 * i], pa = pieces[3 * i + 1], chunk = pieces[3 * i + 2];
            IotlbEntry e = used[i];
            if (intents != null) {
                accessFindings.checkKva(who, iova, chunk, type, findings, intents);
                analyse(dev, who, pa, chunk, type, findings, touched, null, false, domain);
            } else {
                DmaMapping dm = e.source() != null && e.source().owner() instanceof DmaMapping m ? m : null;
                analyse(dev, who, pa, chunk, type, findings, touched, dm, false, domain);
            }
        }
        long firstPa = np == 0 ? 0 : pieces[1];
        return DmaOutcome.ok(() -> String.format("%s %s %d bytes at 0x%x -> PA 0x%x via %s", who, type.dslName(), len, addr, firstPa,
                domain.describe()), touched, findings);
    }

    /** Findings for one physical chunk of a completed access, then the chunk's effect on bounce slots and caches. */
    private void analyse(Device dev, String who, long pa, long len, AccessType type, List<Finding> findings,
                         List<DmaOutcome.Touched> touched, DmaMapping dm, boolean untranslated, IommuDomain viaDomain) {
        List<Allocation> owners = mem.ownersOf(pa, len);
        DmaOutcome.Touched tch = new DmaOutcome.Touched(pa, len, owners);
        touched.add(tch);
        accessFindings.check(dev, who, pa, len, type, owners, tch::owner, dm, untranslated, viaDomain, findings);
        boolean bounceSlot = dm != null && dm.isBounced();
        if (type == AccessType.WRITE && bounceSlot) dma.deviceWroteBounce(dm);
        if (type == AccessType.WRITE && !dev.isCoherent() && !bounceSlot) mem.deviceWrote(pa >>> PhysicalMemory.PAGE_SHIFT, ctx.step());
    }

}

package org.dmaworkbench.runtime.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dmaworkbench.runtime.debug.DebugDevice;
import org.dmaworkbench.runtime.debug.DmaDebugEntry;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.dma.IommuDmaCookie;
import org.dmaworkbench.runtime.dma.Swiotlb;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.iommu.IommuGroup;
import org.dmaworkbench.runtime.iommu.IommuInstance;
import org.dmaworkbench.runtime.kva.KvaIntent;
import org.dmaworkbench.runtime.system.SimulatedSystem;

/**
 * Takes an {@link IommuState} of a booted machine: only when asked (a run takes none unless its
 * {@code StateRequest} says so), reading the kernel objects without changing them, so the hot path
 * does not know it exists. What a snapshot shows mirrors what the kernel would let a reviewer dump:
 * {@code /sys/kernel/iommu_groups}, {@code debugfs/iommu/intel/domain_translation_struct} (VT-d's
 * page-table dump), {@code debug_dma_dump_mappings}, {@code swiotlb} debugfs.
 */
public final class StateSnapshot {
    private StateSnapshot() { }

    /** The state of {@code sys} now, after the step at {@code line}; {@code handles} adds domains only a scenario holds. */
    public static IommuState take(SimulatedSystem sys, int line, Collection<IommuDomain> handles) {
        Map<IommuDomain, Boolean> reached = new LinkedHashMap<>();
        for (Device d : sys.devices().values()) {
            IommuGroup g = d.group();
            if (g != null) {
                if (g.domain() != null) reached.put(g.domain(), true);
                if (g.defaultDomain() != null) reached.put(g.defaultDomain(), true);
            }
            for (IommuDomain pd : d.pasidTable().values()) reached.put(pd, true);
        }
        if (handles != null) for (IommuDomain h : handles) if (h != null) reached.put(h, true);
        List<IommuDomain> domains = new ArrayList<>(reached.keySet());
        domains.sort(Comparator.comparingInt(IommuDomain::id));
        Map<Integer, IommuDomain> byId = new TreeMap<>();
        for (IommuDomain d : domains) byId.put(d.id(), d);

        Map<Integer, List<IotlbEntryState>> iotlb = new TreeMap<>();
        for (IommuInstance inst : sys.iommus().values()) CachedTranslations.iotlb(inst, byId, iotlb);
        long now = sys.ctx.clock.now();
        List<DomainState> domainStates = new ArrayList<>();
        for (IommuDomain d : domains) domainStates.add(domain(sys, d, sortedEntries(iotlb.remove(d.id())), now));
        for (Map.Entry<Integer, List<IotlbEntryState>> orphan : iotlb.entrySet()) {
            // entries whose domain nothing reaches any more: still in the cache, so still shown
            domainStates.add(new DomainState(orphan.getKey(), "unknown", null, null, List.of(), null, null, List.of(),
                    sortedEntries(orphan.getValue()), null, null));
        }
        List<DeviceState> devices = new ArrayList<>();
        for (Device d : sys.devices().values()) devices.add(device(sys, d));
        return new IommuState(line, now, List.copyOf(devices), List.copyOf(domainStates), swiotlb(sys, domains),
                sys.dmaDebug.isEnabled());
    }

    private static final Comparator<IotlbEntryState> BY_TAG_AND_IOVA = (a, b) -> {
        int c = Integer.compare(a.pasid(), b.pasid());
        return c != 0 ? c : Long.compareUnsigned(a.iova(), b.iova());
    };

    private static List<IotlbEntryState> sortedEntries(List<IotlbEntryState> l) {
        if (l == null) return List.of();
        l.sort(BY_TAG_AND_IOVA);
        return List.copyOf(l);
    }

    private static DomainState domain(SimulatedSystem sys, IommuDomain d, List<IotlbEntryState> iotlb, long now) {
        List<String> attached = new ArrayList<>();
        for (IommuDomain.Attachment a : d.attachments()) attached.add(a.device().name() + (a.pasid() == 0 ? " RID" : " PASID " + a.pasid()));
        IoPageTableState pt = d.pageTable() == null ? null
                : PageTableWalk.read(d.pageTable(), d.kernelAddressing() ? 48 : d.iommu() == null ? 48 : d.iommu().addressWidth());
        String shared = d.kernelPageTable() != null ? "init_mm" : d.mm() != null ? "mm " + d.mm().name() : null;
        List<String> kva = new ArrayList<>();
        if (d.kernelPageTable() != null) {
            for (KvaIntent k : sys.rfc.intents(d)) {
                kva.add(String.format("0x%x +%d %s at line %d", k.va(), k.size(), org.dmaworkbench.runtime.iommu.IoMapping.protString(k.prot()),
                        k.line()));
            }
        }
        FlushQueueState fq = null;
        IovaSpaceState iova = null;
        if (d.dmaCookie() instanceof IommuDmaCookie c) {
            iova = IovaSpaceWalk.read(c.iovad());
            if (c.fq() != null) fq = IovaSpaceWalk.flushQueue(c.fq(), now);
        }
        return new DomainState(d.id(), d.type().sysfsName(), d.label(), d.iommu() == null ? null : d.iommu().name(), List.copyOf(attached),
                pt, shared, List.copyOf(kva), iotlb, fq, iova);
    }

    private static DeviceState device(SimulatedSystem sys, Device d) {
        IommuGroup g = d.group();
        List<PasidEntryState> pasids = new ArrayList<>();
        if (g != null && g.domain() != null) pasids.add(pasid(0, g.domain()));
        new TreeMap<>(d.pasidTable()).forEach((p, dom) -> { if (p != 0) pasids.add(pasid(p, dom)); });
        List<DmaDebugEntryState> debug = new ArrayList<>();
        if (sys.dmaDebug.isEnabled()) {
            DebugDevice dd = sys.dma.debugDevice(d);
            for (DmaDebugEntry e : sys.dmaDebug.dump(dd)) {
                debug.add(new DmaDebugEntryState(e.type().kernelName(), e.devAddr(), e.size(), e.direction().kernelName(), e.paddr()));
            }
            debug.sort(Comparator.comparing(DmaDebugEntryState::dmaAddr, Long::compareUnsigned));
        }
        List<IotlbEntryState> atc = CachedTranslations.atc(d);
        atc.sort(BY_TAG_AND_IOVA);
        return new DeviceState(d.name(), d.bdfName(), d.iommu() == null ? null : d.iommu().name(), g == null ? null : g.id(),
                g == null || g.domain() == null ? null : g.domain().id(), g == null || g.defaultDomain() == null ? null : g.defaultDomain().id(),
                d.atsEnabled(), d.isUntrusted(), List.copyOf(pasids), List.copyOf(atc), List.copyOf(debug));
    }

    private static PasidEntryState pasid(int p, IommuDomain d) {
        return new PasidEntryState(p, d.id(), d.type().sysfsName(), d.label());
    }

    private static SwiotlbState swiotlb(SimulatedSystem sys, List<IommuDomain> domains) {
        Swiotlb sw = sys.dma.swiotlb();
        if (sw == null) return null;
        TreeMap<Long, String> owners = new TreeMap<>();
        for (IommuDomain d : domains) {
            if (d.pageTable() == null) continue;
            d.pageTable().forEachMapping(m -> {
                if (m.owner() instanceof DmaMapping dm && dm.isBounced()) owners.put(dm.bouncePhys(), dm.describe());
            });
        }
        long base = sw.pool().phys(0);
        List<SwiotlbState.Run> runs = new ArrayList<>();
        sw.forEachUsedRun((slot, count) -> {
            long pa = base + ((long) slot << Swiotlb.IO_TLB_SHIFT);
            var held = owners.subMap(pa, true, pa + ((long) count << Swiotlb.IO_TLB_SHIFT), false);
            runs.add(new SwiotlbState.Run(slot, count, pa, held.isEmpty() ? null : String.join("; ", held.values())));
        });
        return new SwiotlbState(sw.slots(), sw.usedSlots(), List.copyOf(runs));
    }

}

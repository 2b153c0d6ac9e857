package org.dmaworkbench.runtime.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.debug.DebugDevice;
import org.dmaworkbench.runtime.debug.DmaDebug;
import org.dmaworkbench.runtime.debug.DmaDebugEntry;
import org.dmaworkbench.runtime.debug.EntryType;
import org.dmaworkbench.runtime.debug.SgEntry;
import org.dmaworkbench.runtime.mem.MemoryArea;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * Replays a capture's events through the runtime's own {@link DmaDebug}, one {@code debug_dma_*()} hook per
 * event in the order kernel/dma/mapping.c calls them (each trace event is emitted right before its hook), and
 * hands every report to {@link Verdicts}. What a capture cannot show is assumed harmless, so that a clean
 * capture gives no finding: {@code dma_mapping_error()} leaves no event (every mapping counts as checked, check 8
 * off), the device's segment limits are unknown (checks 23/24 off), and the memory areas of buffers are unknown
 * (checks 9–13 off). A coherent allocation's physical address is not printed: it takes no part in cacheline
 * tracking.
 */
final class CaptureReplay implements CaptureSink {
    final String file;
    final DmaDebug debug = new DmaDebug();
    final Map<String, DeviceState> devices = new LinkedHashMap<>();
    final IommuRanges iommu = new IommuRanges();
    final Verdicts verdicts;
    final FaultAttribution faults;
    final LogFaults logFaults;
    /** Line of the latest lost-events marker (0: none yet), its CPU and count. */
    long lostLine;
    int lostCpu;
    long lostCount;
    long lostTotal;
    long lostMarkers;
    long firstEventLine;
    /** Trace times (ns) of the first and the latest event that print one, -1 before. */
    long firstNs = -1;
    long lastNs = -1;
    /** Line of a live mapping's map event → its trace time (ns), for faults of a kernel log read by their time. */
    final LongLongMap mapNs = new LongLongMap(1 << 20);
    /** The capture uses the 6.18 names (dma_map_phys): dma-debug tracks page mappings as "phy". */
    boolean physEra;

    CaptureReplay(String file, CaptureListener out, CaptureSession session) {
        this.file = file;
        this.verdicts = new Verdicts(this, out);
        this.faults = new FaultAttribution(this);
        this.logFaults = new LogFaults(this, session, out);
        debug.setShowAllErrors(true);
    }

    DeviceState device(String name) {
        DeviceState d = devices.get(name);
        if (d == null) {
            d = new DeviceState(name);
            devices.put(name, d);
        }
        return d;
    }

    @Override
    public void lost(long line, int cpu, long count) {
        lostLine = line;
        lostCpu = cpu;
        lostCount = count;
        lostMarkers++;
        if (count > 0) lostTotal += count;
    }

    @Override
    public void foreign(long line, String text) {
        logFaults.line(line, text);
    }

    @Override
    public void warning(long line, String message) {
        verdicts.warning(line, message);
    }

    @Override
    public void event(TraceEvent e, long line) {
        if (firstEventLine == 0) firstEventLine = line;
        if (e.timeNs >= 0) {
            if (firstNs < 0) firstNs = e.timeNs;
            lastNs = Math.max(lastNs, e.timeNs);
        }
        debug.setOrigin(line);
        if (e.type.isIommu()) {
            iommuEvent(e, line);
            return;
        }
        DeviceState d = device(e.device);
        DeviceStats st = d.stats;
        DebugDevice dev = d.debug;
        boolean skip = (e.attrs & EventFields.ATTR_SKIP_CPU_SYNC) != 0;
        switch (e.type) {
            case DMA_MAP_PAGE, DMA_MAP_RESOURCE, DMA_MAP_PHYS -> {
                if (e.type == TraceEventType.DMA_MAP_PHYS) physEra = true;
                if (e.dmaAddr == DmaDebug.DMA_MAPPING_ERROR) {
                    st.mapErrors++;
                    return;
                }
                st.maps++;
                mapped(d, e.dmaAddr, e.size);
                boolean mmio = (e.attrs & EventFields.ATTR_MMIO) != 0;
                // DMA_ATTR_DEBUGGING_IGNORE_CACHELINES: the driver asked dma-debug not to track the cacheline at all
                boolean track = (e.attrs & EventFields.ATTR_IGNORE_CACHELINES) == 0;
                if (e.type == TraceEventType.DMA_MAP_RESOURCE) debug.mapResource(dev, e.phys, e.size, e.dir, e.dmaAddr, false, skip);
                else debug.mapPhys(dev, e.type == TraceEventType.DMA_MAP_PHYS ? EntryType.PHY : EntryType.SINGLE, e.phys, track,
                        e.size, e.dir, e.dmaAddr, false, mmio, MemoryArea.DIRECT_MAP, skip);
                debug.mappingError(dev, e.dmaAddr);
                afterMap(d, e, line);
            }
            case DMA_UNMAP_PAGE, DMA_UNMAP_RESOURCE, DMA_UNMAP_PHYS -> {
                if (e.type == TraceEventType.DMA_UNMAP_PHYS) physEra = true;
                st.unmaps++;
                EntryType t = e.type == TraceEventType.DMA_UNMAP_PHYS ? EntryType.PHY
                        : e.type == TraceEventType.DMA_UNMAP_RESOURCE ? EntryType.RESOURCE : EntryType.SINGLE;
                debug.unmap(dev, t, e.dmaAddr, e.size, e.dir);
                afterUnmap(d, e, line, e.dmaAddr, e.size);
            }
            case DMA_ALLOC -> {
                if (e.nullVirt()) {
                    st.allocErrors++;
                    return;
                }
                st.allocs++;
                mapped(d, e.dmaAddr, e.size);
                debug.allocCoherent(dev, e.size, e.dmaAddr, e.virt, e.virt, skip, false);
                afterMap(d, e, line);
            }
            case DMA_ALLOC_PAGES -> {
                if (e.nullVirt()) {
                    st.allocErrors++;
                    return;
                }
                st.allocs++;
                mapped(d, e.dmaAddr, e.size);
                debug.mapPhys(dev, physEra ? EntryType.PHY : EntryType.SINGLE, e.virt, false, e.size, e.dir, e.dmaAddr,
                        false, false, MemoryArea.DIRECT_MAP, skip);
                debug.mappingError(dev, e.dmaAddr);
                afterMap(d, e, line);
            }
            case DMA_ALLOC_SGT_ERR -> st.allocErrors++;
            case DMA_ALLOC_SGT -> {
                st.allocs++;
                mapped(d, e.dmaAddr, e.size);
                long phys0 = e.physAddrs.length > 0 ? e.physAddrs[0] : 0;
                debug.mapSg(dev, List.of(SgEntry.of(phys0, e.size, e.dmaAddr, 0)), Math.max(1, e.physAddrs.length), 1,
                        e.dir, skip);
                afterMap(d, e, line);
            }
            case DMA_FREE -> {
                if (e.nullVirt()) return;
                st.frees++;
                debug.freeCoherent(dev, e.size, e.virt, e.dmaAddr);
                afterUnmap(d, e, line, e.dmaAddr, e.size);
            }
            case DMA_FREE_PAGES -> {
                st.frees++;
                debug.unmap(dev, physEra ? EntryType.PHY : EntryType.SINGLE, e.dmaAddr, e.size, e.dir);
                afterUnmap(d, e, line, e.dmaAddr, e.size);
            }
            case DMA_FREE_SGT -> {
                st.frees++;
                debug.unmapSg(dev, List.of(SgEntry.of(0, e.size, e.dmaAddr, 0)), Math.max(1, e.physAddrs.length), e.dir);
                afterUnmap(d, e, line, e.dmaAddr, e.size);
            }
            case DMA_MAP_SG -> mapSg(d, e, line, skip);
            case DMA_MAP_SG_ERR -> st.sgMapErrors++;
            case DMA_UNMAP_SG -> unmapSg(d, e, line);
            case DMA_SYNC_SINGLE_FOR_CPU, DMA_SYNC_SINGLE_FOR_DEVICE -> {
                boolean cpu = e.type == TraceEventType.DMA_SYNC_SINGLE_FOR_CPU;
                if (cpu) st.syncsForCpu++;
                else st.syncsForDevice++;
                if (cpu) debug.syncSingleForCpu(dev, e.dmaAddr, e.size, e.dir);
                else debug.syncSingleForDevice(dev, e.dmaAddr, e.size, e.dir);
                verdicts.drain(e, line);
            }
            case DMA_SYNC_SG_FOR_CPU, DMA_SYNC_SG_FOR_DEVICE -> {
                boolean cpu = e.type == TraceEventType.DMA_SYNC_SG_FOR_CPU;
                if (cpu) st.syncsForCpu++;
                else st.syncsForDevice++;
                List<SgEntry> segs = new ArrayList<>(e.dmaAddrs.length);
                for (int i = 0; i < e.dmaAddrs.length; i++) segs.add(SgEntry.of(0, e.sizes[i], e.dmaAddrs[i], 0));
                if (cpu) debug.syncSgForCpu(dev, segs, segs.size(), e.dir);
                else debug.syncSgForDevice(dev, segs, segs.size(), e.dir);
                verdicts.drain(e, line);
            }
            default -> throw new IllegalStateException(e.type.toString());
        }
    }

    private void mapSg(DeviceState d, TraceEvent e, long line, boolean skip) {
        DeviceStats st = d.stats;
        st.sgMaps++;
        List<SgEntry> segs = new ArrayList<>(e.physAddrs.length);
        for (int i = 0; i < e.physAddrs.length; i++) {
            boolean dma = i < e.dmaAddrs.length;
            long len = dma ? e.sizes[i] : 0;
            segs.add(new SgEntry(e.physAddrs[i], len, dma ? e.dmaAddrs[i] : 0, len, MemoryArea.DIRECT_MAP, 0));
        }
        for (int i = 0; i < e.dmaAddrs.length; i++) mapped(d, e.dmaAddrs[i], e.sizes[i]);
        debug.mapSg(d.debug, segs, e.nents, e.ents, e.dir, skip);
        d.liveSg.put(e.physAddrs[0], new SgMapping(segs.subList(0, e.dmaAddrs.length), e.nents, e.dir, line, e.truncated, 0));
        afterMap(d, e, line);
    }

    private void unmapSg(DeviceState d, TraceEvent e, long line) {
        d.stats.sgUnmaps++;
        long phys0 = e.physAddrs[0];
        SgMapping m = d.liveSg.remove(phys0);
        SgMapping replayed = m != null ? m : d.unmappedSg.get(phys0);
        if (replayed == null) {
            verdicts.unknownScatterlist(d, e, line);
            return;
        }
        debug.unmapSg(d.debug, replayed.segments(), e.physAddrs.length, e.dir);
        if (m != null) d.rememberUnmappedSg(phys0, m.unmappedAt(line));
        DmaDebugEntry removed = debug.lastRemoved();
        for (SgEntry s : replayed.segments()) recordUnmap(d, s.dmaAddress(), s.dmaLength(), removed, line, e.timeNs);
        if (removed != null) mapNs.remove(removed.origin(), -1);
        verdicts.drain(e, line);
    }

    private void iommuEvent(TraceEvent e, long line) {
        switch (e.type) {
            case IOMMU_MAP -> iommu.map(e.iova, e.size, e.phys, line);
            case IOMMU_UNMAP -> iommu.unmap(e.iova, e.size, line);
            case IO_PAGE_FAULT -> faults.fault(e, line);
            default -> device(e.device);
        }
    }

    /** A new mapping at {@code addr}: its bytes, and its reuse distance when the device unmapped it before. */
    private void mapped(DeviceState d, long addr, long size) {
        DeviceStats st = d.stats;
        long before = d.unmappedAfterMaps.remove(addr, -1);
        if (before >= 0) st.reuse(st.mapCalls - before);
        d.unmappedAt.remove(addr, 0);
        st.mapCalls++;
        st.bytesMapped += size;
    }

    private void afterMap(DeviceState d, TraceEvent e, long line) {
        if (e.timeNs >= 0) mapNs.put(line, e.timeNs);
        long live = debug.activeEntries(d.debug);
        if (live > d.stats.peakLive) d.stats.peakLive = live;
        verdicts.drain(e, line);
    }

    private void afterUnmap(DeviceState d, TraceEvent e, long line, long addr, long size) {
        DmaDebugEntry removed = debug.lastRemoved();
        recordUnmap(d, addr, size, removed, line, e.timeNs);
        if (removed != null) mapNs.remove(removed.origin(), -1);
        verdicts.drain(e, line);
    }

    private void recordUnmap(DeviceState d, long addr, long size, DmaDebugEntry removed, long line, long ns) {
        if (removed == null) return;
        d.unmappedAt.put(addr, line);
        d.unmappedAfterMaps.put(addr, d.stats.mapCalls);
        d.recentUnmaps.add(addr, Math.max(size, removed.size()), removed.direction(), removed.origin(), line, mapNs.get(removed.origin(), -1), ns);
    }

    /** The statistics with the live mappings at the end filled in. */
    List<DeviceStats> finish() {
        for (DeviceState d : devices.values()) {
            DeviceStats st = d.stats;
            for (DmaDebugEntry en : debug.dump(d.debug)) {
                st.liveAtEnd++;
                st.liveBytesAtEnd += en.size();
                if (st.oldestLiveLine == 0 || en.origin() < st.oldestLiveLine) {
                    st.oldestLiveLine = en.origin();
                    st.oldestLiveAddr = en.devAddr();
                }
            }
        }
        List<DeviceStats> out = new ArrayList<>();
        for (DeviceState d : devices.values()) out.add(d.stats);
        return out;
    }

    /** Used by the verdicts: the direction names of the kernel for a message. */
    static String dir(DmaDirection d) {
        return d == null ? "?" : d.kernelName();
    }
}

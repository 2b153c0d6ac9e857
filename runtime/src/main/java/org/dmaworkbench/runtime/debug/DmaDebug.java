package org.dmaworkbench.runtime.debug;

import java.util.List;
import org.dmaworkbench.runtime.mem.MemoryArea;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * The DMA-API debugging layer; models kernel/dma/debug.c (CONFIG_DMA_API_DEBUG with CONFIG_DMA_API_DEBUG_SG).
 *
 * <p>The DMA-API simulator calls one method per {@code debug_dma_*()} hook. Every mapping is tracked as a
 * {@link DmaDebugEntry} in a hash keyed by (device, DMA address) with the kernel's best-fit lookup; unmap, free
 * and sync calls are checked against it. Violations become {@link DmaDebugReport}s carrying the kernel's exact
 * message; {@link #errorCount()} is the debugfs {@code error_count}.
 *
 * <p>Differences from the kernel, all deliberate:
 * <ul>
 *   <li>Every violation is reported ({@code all_errors=1}); the kernel's default prints only the first one.
 *       {@link #setShowAllErrors(boolean)} and {@link #setNumErrors(long)} restore the kernel's behaviour.</li>
 *   <li>{@code %p} prints the raw pointer (16 hex digits), not a hashed one.</li>
 *   <li>Check 16 (ENOMEM) is never raised: the tracking memory is unbounded.</li>
 *   <li>{@link #deviceUnbound(DebugDevice)} drops the leaked entries after reporting them; the kernel keeps them.</li>
 *   <li>Failed {@code dma_map_resource()} calls are not tracked (as since Linux 6.17, where resources go through
 *       {@code dma_map_phys()}; older kernels tracked the DMA_MAPPING_ERROR address).</li>
 * </ul>
 *
 * <p>Thread-safe: every public method is synchronized (the kernel uses per-bucket spinlocks).
 */
public final class DmaDebug {

    /** {@code DMA_MAPPING_ERROR}: {@code (dma_addr_t)~0}. */
    public static final long DMA_MAPPING_ERROR = -1L;

    /** Reports kept by {@link #reports()}; later ones are still counted, drained and returned by drainReports(). */
    static final int HISTORY_LIMIT = 100_000;

    private final DmaEntryHash hash = new DmaEntryHash();
    private final ActiveCachelines cachelines = new ActiveCachelines();
    private final ErrPrintk errors = new ErrPrintk(HISTORY_LIMIT);
    private final MapChecks mapChecks = new MapChecks(errors);
    private final SyncChecks syncChecks = new SyncChecks(hash, errors);

    private volatile boolean enabled = true;
    private boolean overlapLimitWarned;
    private long origin;
    private DmaDebugEntry lastRemoved;

    // ---------------------------------------------------------------- configuration (debugfs dma-api/)

    /** Turns checking on or off ({@code dma_debug=off}, debugfs {@code disabled}); when off every hook returns at once. */
    public synchronized void setEnabled(boolean enabled) { this.enabled = enabled; }

    /** {@code !dma_debug_disabled()}. */
    public boolean isEnabled() { return enabled; }

    /** debugfs {@code all_errors}: report every violation (the simulator's default) or only {@code num_errors}. */
    public synchronized void setShowAllErrors(boolean all) { errors.setShowAllErrors(all); }

    /** debugfs {@code num_errors}: how many more violations are printed when all_errors is off (kernel default 1). */
    public synchronized void setNumErrors(long n) { errors.setNumErrors(n); }

    /** debugfs {@code driver_filter} / {@code dma_debug_driver=}: only this driver's violations are printed; null or "" for all. */
    public synchronized void setDriverFilter(String driverName) { errors.setDriverFilter(driverName); }

    /** The tag the entries created from now on carry ({@link DmaDebugEntry#origin()}): a replayed capture's line. */
    public synchronized void setOrigin(long origin) { this.origin = origin; }

    // ---------------------------------------------------------------- hooks called by the DMA API

    /**
     * debug_dma_map_single(): called by {@code dma_map_single()} before it maps. Checks 12 (!virt_addr_valid)
     * and 13 (vmalloc address; always together with 12). The stack checks 9/10 and the tracking happen in the
     * {@link #mapPage} call that {@code dma_map_single()} makes next, as in the kernel.
     */
    public synchronized void mapSingle(DebugDevice dev, long cpuAddr, MemoryArea area, long size) {
        if (!enabled) return;
        if (!area.isLinearMap()) err(DmaDebugCheck.MAP_INVALID_AREA, dev, 0, cpuAddr, size);
        if (isVmallocAddr(area)) err(DmaDebugCheck.MAP_VMALLOC_AREA, dev, 0, cpuAddr, size);
    }

    /** debug_dma_map_page() without DMA_ATTR_SKIP_CPU_SYNC. */
    public void mapPage(DebugDevice dev, long phys, long size, DmaDirection dir, long dmaAddr, boolean isMappingError,
                        long cpuAddr, MemoryArea area) {
        mapPage(dev, phys, size, dir, dmaAddr, isMappingError, cpuAddr, area, false);
    }

    /**
     * debug_dma_map_page(): a failed mapping is not tracked. Otherwise checks 9/10 (stack, vmapped stack),
     * 11 (kernel text/rodata), tracks a SINGLE entry whose map error is NOT_CHECKED, and tracks its first
     * cacheline (14/15; TO_DEVICE mappings are not tracked, DMA_ATTR_SKIP_CPU_SYNC suppresses 14).
     */
    public synchronized void mapPage(DebugDevice dev, long phys, long size, DmaDirection dir, long dmaAddr,
                                     boolean isMappingError, long cpuAddr, MemoryArea area, boolean skipCpuSync) {
        if (!enabled || isMappingError) return;
        DmaDebugEntry entry = entry(EntryType.SINGLE, dev, dmaAddr, size, dir, phys, cpuAddr, 0, 0,
                MapErrType.MAP_ERR_NOT_CHECKED, true);
        mapChecks.checkForStack(dev, area, cpuAddr, dmaAddr);
        mapChecks.checkForIllegalArea(dev, area, cpuAddr, size, dmaAddr);
        addEntry(entry, skipCpuSync);
    }

    /** debug_dma_mapping_error(): marks the first unchecked entry at this address CHECKED. */
    public synchronized void mappingError(DebugDevice dev, long dmaAddr) {
        if (!enabled) return;
        DmaDebugEntry e = hash.firstUnchecked(dev, dmaAddr);
        if (e != null) e.setMapErrType(MapErrType.MAP_ERR_CHECKED);
    }

    /** debug_dma_unmap_page(): check_unmap() of a SINGLE reference; checks 1, 2, 3, 4, 7, 8. */
    public synchronized void unmapPage(DebugDevice dev, long dmaAddr, long size, DmaDirection dir) {
        if (!enabled) return;
        checkUnmap(dev, EntryType.SINGLE, dmaAddr, size, dir, 0, 0, 0, false);
    }

    /** debug_dma_map_sg() without DMA_ATTR_SKIP_CPU_SYNC. */
    public void mapSg(DebugDevice dev, List<SgEntry> mapped, int nents, int mappedEnts, DmaDirection dir) {
        mapSg(dev, mapped, nents, mappedEnts, dir, false);
    }

    /**
     * debug_dma_map_sg(): checks 9/10/11 on each of the nents CPU segments, then for each of the mappedEnts
     * DMA segments checks 23/24 and tracks one SG entry (size {@code sg_dma_len}, address {@code sg_dma_address}).
     * The DMA API calls it only when the mapping succeeded (mappedEnts &gt; 0).
     */
    public synchronized void mapSg(DebugDevice dev, List<SgEntry> mapped, int nents, int mappedEnts, DmaDirection dir,
                                   boolean skipCpuSync) {
        if (!enabled) return;
        int n = Math.min(nents, mapped.size());
        for (int i = 0; i < n; i++) {
            SgEntry s = mapped.get(i);
            mapChecks.checkForStack(dev, s.area(), s.cpuAddr(), s.dmaAddress());
            mapChecks.checkForIllegalArea(dev, s.area(), s.cpuAddr(), s.length(), s.dmaAddress());
        }
        int m = Math.min(mappedEnts, mapped.size());
        for (int i = 0; i < m; i++) {
            SgEntry s = mapped.get(i);
            DmaDebugEntry entry = entry(EntryType.SG, dev, s.dmaAddress(), s.dmaLength(), dir, s.phys(),
                    s.cpuAddr(), nents, mappedEnts, MapErrType.MAP_ERR_CHECK_NOT_APPLICABLE, true);
            mapChecks.checkSgSegment(dev, s);
            addEntry(entry, skipCpuSync);
        }
    }

    /**
     * debug_dma_unmap_sg(): check_unmap() of each DMA segment, stopping after the number of segments the
     * mapping returned (read from the entry of the first one); checks 2, 3, 4, 6, 7.
     */
    public synchronized void unmapSg(DebugDevice dev, List<SgEntry> sg, int nelems, DmaDirection dir) {
        if (!enabled) return;
        int n = Math.min(nelems, sg.size());
        int mappedEnts = 0;
        for (int i = 0; i < n; i++) {
            SgEntry s = sg.get(i);
            if (mappedEnts != 0 && i >= mappedEnts) break;
            if (i == 0) mappedEnts = hash.nrMappedEntries(dev, s, dir, nelems);
            checkUnmap(dev, EntryType.SG, s.dmaAddress(), s.dmaLength(), dir, nelems, 0, 0, false);
        }
    }

    /** debug_dma_alloc_coherent() without attributes. */
    public void allocCoherent(DebugDevice dev, long size, long dmaAddr, long cpuAddr, long phys) {
        allocCoherent(dev, size, dmaAddr, cpuAddr, phys, false);
    }

    /**
     * debug_dma_alloc_coherent(): tracks a COHERENT entry (BIDIRECTIONAL, map error not applicable) and its
     * cacheline. A NULL CPU address (failed allocation) is not tracked.
     */
    public void allocCoherent(DebugDevice dev, long size, long dmaAddr, long cpuAddr, long phys, boolean skipCpuSync) {
        allocCoherent(dev, size, dmaAddr, cpuAddr, phys, skipCpuSync, true);
    }

    /**
     * debug_dma_alloc_coherent() for a caller that may not know the physical address ({@code physKnown} false:
     * a replayed {@code dma_alloc} event, whose {@code phys} is then the CPU address as printed, and whose
     * entry takes no part in cacheline tracking).
     */
    public synchronized void allocCoherent(DebugDevice dev, long size, long dmaAddr, long cpuAddr, long phys,
                                           boolean skipCpuSync, boolean physKnown) {
        if (!enabled || cpuAddr == 0) return;
        addEntry(entry(EntryType.COHERENT, dev, dmaAddr, size, DmaDirection.BIDIRECTIONAL, phys, cpuAddr,
                0, 0, MapErrType.MAP_ERR_CHECK_NOT_APPLICABLE, physKnown), skipCpuSync);
    }

    /**
     * debug_dma_free_coherent(): checks 1, 2, 3, 4, 5. The physical address of the freed CPU address is derived
     * from the allocation's (same offset as in the linear map); use the 5-argument form when it is known.
     */
    public synchronized void freeCoherent(DebugDevice dev, long size, long cpuAddr, long dmaAddr) {
        if (!enabled || cpuAddr == 0) return;
        checkUnmap(dev, EntryType.COHERENT, dmaAddr, size, DmaDirection.BIDIRECTIONAL, 0, cpuAddr, 0, false);
    }

    /** debug_dma_free_coherent() with the physical address of the freed CPU address (for check 5). */
    public synchronized void freeCoherent(DebugDevice dev, long size, long cpuAddr, long dmaAddr, long phys) {
        if (!enabled || cpuAddr == 0) return;
        checkUnmap(dev, EntryType.COHERENT, dmaAddr, size, DmaDirection.BIDIRECTIONAL, 0, cpuAddr, phys, true);
    }

    /** debug_dma_map_resource() without attributes. */
    public void mapResource(DebugDevice dev, long phys, long size, DmaDirection dir, long dmaAddr,
                            boolean isMappingError) {
        mapResource(dev, phys, size, dir, dmaAddr, isMappingError, false);
    }

    /** debug_dma_map_resource(): tracks a RESOURCE entry whose map error is NOT_CHECKED (failed mappings are not tracked). */
    public synchronized void mapResource(DebugDevice dev, long phys, long size, DmaDirection dir, long dmaAddr,
                                         boolean isMappingError, boolean skipCpuSync) {
        if (!enabled || isMappingError) return;
        addEntry(entry(EntryType.RESOURCE, dev, dmaAddr, size, dir, phys, 0, 0, 0,
                MapErrType.MAP_ERR_NOT_CHECKED, true), skipCpuSync);
    }

    /**
     * debug_dma_map_phys() (since 6.18, which tracks every dma_map_phys() mapping as type "phy"): a failed
     * mapping is not tracked; without DMA_ATTR_MMIO checks 9/10 and 11 on the area; {@code physKnown} false
     * for a mapping whose physical address the caller does not know (a replayed {@code dma_alloc_pages}).
     */
    public synchronized void mapPhys(DebugDevice dev, EntryType type, long phys, boolean physKnown, long size,
                                     DmaDirection dir, long dmaAddr, boolean isMappingError, boolean mmio,
                                     MemoryArea area, boolean skipCpuSync) {
        if (!enabled || isMappingError) return;
        DmaDebugEntry entry = entry(type, dev, dmaAddr, size, dir, phys, 0, 0, 0, MapErrType.MAP_ERR_NOT_CHECKED,
                physKnown && !mmio);
        if (!mmio) {
            mapChecks.checkForStack(dev, area, 0, dmaAddr);
            mapChecks.checkForIllegalArea(dev, area, 0, size, dmaAddr);
        }
        addEntry(entry, skipCpuSync);
    }

    /** debug_dma_unmap_phys() (since 6.17) or another single-entry unmap: check_unmap() of a {@code type} reference. */
    public synchronized void unmap(DebugDevice dev, EntryType type, long dmaAddr, long size, DmaDirection dir) {
        if (!enabled) return;
        checkUnmap(dev, type, dmaAddr, size, dir, 0, 0, 0, false);
    }

    /** debug_dma_unmap_resource(): check_unmap() of a RESOURCE reference; checks 1, 2, 3, 4, 7, 8. */
    public synchronized void unmapResource(DebugDevice dev, long dmaAddr, long size, DmaDirection dir) {
        if (!enabled) return;
        checkUnmap(dev, EntryType.RESOURCE, dmaAddr, size, dir, 0, 0, 0, false);
    }

    /** debug_dma_sync_single_for_cpu(): check_sync() with a containing match; checks 17, 18, 19, 20. */
    public synchronized void syncSingleForCpu(DebugDevice dev, long dmaAddr, long size, DmaDirection dir) {
        if (!enabled) return;
        syncChecks.checkSync(dev, EntryType.SINGLE, dmaAddr, size, dir, 0, true);
    }

    /** debug_dma_sync_single_for_device(): check_sync() with a containing match; checks 17, 18, 19, 21. */
    public synchronized void syncSingleForDevice(DebugDevice dev, long dmaAddr, long size, DmaDirection dir) {
        if (!enabled) return;
        syncChecks.checkSync(dev, EntryType.SINGLE, dmaAddr, size, dir, 0, false);
    }

    /**
     * debug_dma_sync_sg_for_cpu(): check_sync() of each DMA segment up to the number the mapping returned;
     * checks 17–20 and 22. When the first segment is not tracked nothing is checked (as in the kernel).
     */
    public synchronized void syncSgForCpu(DebugDevice dev, List<SgEntry> sg, int nelems, DmaDirection dir) {
        if (!enabled) return;
        syncChecks.syncSg(dev, sg, nelems, dir, true);
    }

    /** debug_dma_sync_sg_for_device(): as {@link #syncSgForCpu} with the for-device rule (21 instead of 20). */
    public synchronized void syncSgForDevice(DebugDevice dev, List<SgEntry> sg, int nelems, DmaDirection dir) {
        if (!enabled) return;
        syncChecks.syncSg(dev, sg, nelems, dir, false);
    }

    /**
     * dma_debug_device_change(BUS_NOTIFY_UNBOUND_DRIVER): when the device still has entries, check 25 with
     * their count and the last one in hash order. The prefix shows the bus name, since the driver is already
     * unbound when the notifier runs. The entries are then dropped.
     */
    public synchronized void deviceUnbound(DebugDevice dev) {
        if (!enabled) return;
        int count = hash.count(dev);
        if (count == 0) return;
        DmaDebugEntry e = hash.lastOf(dev);
        errors.err(DmaDebugCheck.PENDING_ALLOCATIONS_ON_UNBIND, dev, null, dev.unboundMessagePrefix(), e.devAddr(),
                count, e.devAddr(), e.size(), e.direction().kernelName(), e.type().kernelName());
        hash.removeAll(dev, cachelines::remove);
    }

    // ---------------------------------------------------------------- state

    /** Number of tracked entries of the device (mappings, sg segments, coherent allocations). */
    public synchronized int activeEntries(DebugDevice dev) { return hash.count(dev); }

    /** Number of tracked entries of all devices ({@code nr_total_entries - num_free_entries}). */
    public synchronized int activeEntries() { return hash.size(); }

    /** debugfs {@code error_count}: violations detected, printed or not. */
    public synchronized long errorCount() { return errors.errorCount(); }

    /** All reports so far (up to {@value #HISTORY_LIMIT}), oldest first. */
    public synchronized List<DmaDebugReport> reports() { return errors.reports(); }

    /** The reports added since the previous drain, oldest first; they are not returned again by a later drain. */
    public synchronized List<DmaDebugReport> drainReports() { return errors.drain(); }

    /** The device's entries (all devices for null), as debugfs {@code dump} lists them. */
    public synchronized List<DmaDebugEntry> dump(DebugDevice dev) { return hash.entries(dev); }

    /** The device's tracked entries at exactly this DMA address (several when the address was mapped twice). */
    public synchronized List<DmaDebugEntry> entriesAt(DebugDevice dev, long dmaAddr) { return hash.at(dev, dmaAddr); }

    /** The entry the latest unmap or free removed, or null when it found none. */
    public synchronized DmaDebugEntry lastRemoved() { return lastRemoved; }

    /** The overlap counter of an active physical cacheline (phys &gt;&gt; 6), or -1 when it is not active. */
    public synchronized int cachelineOverlap(long cacheline) { return cachelines.overlapOf(cacheline); }

    // ---------------------------------------------------------------- kernel helpers

    /** add_dma_entry(): hash insert, then cacheline tracking (checks 15 and 14, in the kernel's order). */
    private void addEntry(DmaDebugEntry entry, boolean skipCpuSync) {
        hash.add(entry);
        int rc = cachelines.insert(entry);
        if (rc == ActiveCachelines.INSERTED) return;
        if (rc == ActiveCachelines.EEXIST_OVERFLOW && !overlapLimitWarned) {
            overlapLimitWarned = true;
            errors.report(DmaDebugCheck.CACHELINE_OVERLAP_LIMIT, entry.device(), "DMA-API: ", entry.devAddr(),
                    ActiveCachelines.MAX_OVERLAP, entry.cacheline());
        }
        if (!skipCpuSync) err(DmaDebugCheck.CACHELINE_OVERLAP, entry.device(), entry.devAddr());
    }

    /** check_unmap(): the checks of every unmap/free, then the entry is dropped. */
    private void checkUnmap(DebugDevice dev, EntryType type, long devAddr, long size, DmaDirection dir, int sgCallEnts,
                            long cpuAddr, long phys, boolean physKnown) {
        DmaDebugEntry entry = hash.findExact(dev, devAddr, size, type, dir, sgCallEnts);
        lastRemoved = entry;
        errors.subject(entry);
        if (entry == null) {
            if (devAddr == DMA_MAPPING_ERROR) err(DmaDebugCheck.FREE_INVALID_ADDRESS, dev, devAddr);
            else err(DmaDebugCheck.FREE_NOT_ALLOCATED, dev, devAddr, devAddr, size);
            return;
        }
        if (size != entry.size()) {
            err(DmaDebugCheck.FREE_DIFFERENT_SIZE, dev, devAddr, devAddr, entry.size(), size);
        }
        if (type != entry.type()) {
            err(DmaDebugCheck.FREE_WRONG_FUNCTION, dev, devAddr, devAddr, size,
                    entry.type().kernelName(), type.kernelName());
        } else if (entry.type() == EntryType.COHERENT) {
            long refPhys = physKnown ? phys : entry.paddr() + (cpuAddr - entry.cpuAddr());
            if (refPhys != entry.paddr()) {
                err(DmaDebugCheck.FREE_DIFFERENT_CPU_ADDRESS, dev, devAddr, devAddr, size, entry.paddr(), refPhys);
            }
        }
        if (sgCallEnts != 0 && type == EntryType.SG && sgCallEnts != entry.sgCallEnts()) {
            err(DmaDebugCheck.FREE_SG_DIFFERENT_ENTRY_COUNT, dev, devAddr, entry.sgCallEnts(), sgCallEnts);
        }
        if (dir != entry.direction()) {
            err(DmaDebugCheck.FREE_DIFFERENT_DIRECTION, dev, devAddr, devAddr, size,
                    entry.direction().kernelName(), dir.kernelName());
        }
        if (entry.mapErrType() == MapErrType.MAP_ERR_NOT_CHECKED) {
            err(DmaDebugCheck.MAP_ERROR_NOT_CHECKED, dev, devAddr, devAddr, size, entry.type().kernelName());
        }
        errors.subject(null);
        hash.remove(entry);
        cachelines.remove(entry);
    }

    /** is_vmalloc_addr(): the vmalloc area, which holds vmapped stacks (x86-64 modules lie outside it). */
    private static boolean isVmallocAddr(MemoryArea area) {
        return area == MemoryArea.VMALLOC || area == MemoryArea.VMAPPED_STACK;
    }

    private DmaDebugEntry entry(EntryType type, DebugDevice dev, long dmaAddr, long size, DmaDirection dir, long phys,
                                long cpuAddr, int sgCallEnts, int sgMappedEnts, MapErrType mapErr, boolean physKnown) {
        return new DmaDebugEntry(type, dev, dmaAddr, size, dir, phys, cpuAddr, sgCallEnts, sgMappedEnts, mapErr,
                physKnown, origin);
    }

    /** err_printk() for a device with its driver bound. */
    private void err(DmaDebugCheck check, DebugDevice dev, long devAddr, Object... args) { errors.err(check, dev, devAddr, args); }
}

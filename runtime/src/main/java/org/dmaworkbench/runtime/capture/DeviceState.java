package org.dmaworkbench.runtime.capture;

import org.dmaworkbench.runtime.debug.DebugDevice;
import org.dmaworkbench.runtime.util.LongObjectMap;

/** What a replay keeps per device beside dma-debug's own entries: statistics and the recent history of its addresses. */
final class DeviceState {
    /** Addresses remembered per device for double-unmap and reuse verdicts before the tables start over. */
    static final int HISTORY_LIMIT = 1 << 20;
    /** Unmapped scatterlists remembered per device. */
    static final int SG_HISTORY_LIMIT = 1 << 16;

    final DebugDevice debug;
    final DeviceStats stats;
    /** DMA address → line of its latest unmap (dropped when the address is mapped again). */
    final LongLongMap unmappedAt = new LongLongMap(HISTORY_LIMIT);
    /** DMA address → the device's map count at its latest unmap (for the reuse distance). */
    final LongLongMap unmappedAfterMaps = new LongLongMap(HISTORY_LIMIT);
    final UnmapRing recentUnmaps = new UnmapRing();
    /** Live scatterlists by the physical address of their first segment. */
    final LongObjectMap<SgMapping> liveSg = new LongObjectMap<>();
    /** Unmapped scatterlists by the physical address of their first segment. */
    final LongObjectMap<SgMapping> unmappedSg = new LongObjectMap<>();

    DeviceState(String name) {
        // the capture does not show the device's DMA parameters: no segment limit, no boundary (checks 23/24 off)
        debug = new DebugDevice(null, name, 0xffffffffL, -1L, looksPci(name) ? "pci" : "platform");
        stats = new DeviceStats(name);
    }

    void rememberUnmappedSg(long phys0, SgMapping m) {
        if (unmappedSg.size() >= SG_HISTORY_LIMIT) unmappedSg.clear();
        unmappedSg.put(phys0, m);
    }

    /** dev_name() of a PCI device: [DDDD:]BB:DD.F. */
    static boolean looksPci(String n) {
        return n.matches("([0-9a-fA-F]{4,}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");
    }
}

package org.dmaworkbench.runtime.simtest.property;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.simtest.Machines;
import org.dmaworkbench.runtime.system.SimulatedSystem;

/**
 * A driver's view of one machine for property tests: a fixed set of page buffers ("slots") that
 * are mapped and unmapped with dma_map_single, and every mapping ever handed out ("handles"), so a
 * random program can be replayed identically on several machines and each read checked against
 * what the driver currently has mapped.
 */
final class DriverModel {
    static final int SLOTS = 6;
    static final int SLOT_PAGES = 4;
    static final DmaDirection BIDI = DmaDirection.BIDIRECTIONAL;

    /** One program step: 0 = map slot (size from {@code size}), 1 = unmap slot, 2 = device read of a handle. */
    record Step(int kind, int slot, int size, int pick) { }

    /** One dma_map_single result. */
    static final class Handle {
        final int slot;
        final long dmaAddr;
        final long size;
        final long phys;
        boolean live = true;

        Handle(int slot, long dmaAddr, long size, long phys) {
            this.slot = slot;
            this.dmaAddr = dmaAddr;
            this.size = size;
            this.phys = phys;
        }

        long mappedEnd() { return dmaAddr + ((size + 4095) & ~4095L); }

        boolean covers(long addr) { return live && addr >= dmaAddr && addr < mappedEnd(); }
    }

    /** What a read did, in terms the machines can be compared on. */
    record Seen(boolean ok, long pa) {
        static Seen of(DmaOutcome o) { return new Seen(o.ok(), o.ok() ? o.touched().get(0).pa() : -1); }
    }

    final SimulatedSystem sys;
    final Device dev;
    final Allocation[] slots = new Allocation[SLOTS];
    final Handle[] mappedSlot = new Handle[SLOTS];
    final List<Handle> handles = new ArrayList<>();

    DriverModel(SimulatedSystem sys, String device) {
        this.sys = sys;
        this.dev = sys.device(device);
        for (int i = 0; i < SLOTS; i++) slots[i] = sys.kernel.allocPages("slot" + i, 2, 0);
    }

    /** Maps slot {@code slot} if it is not mapped; returns the handle or null. */
    Handle map(int slot, int size) {
        if (mappedSlot[slot] != null) return null;
        long len = Math.max(8, Math.min(size, SLOT_PAGES * 4096L));
        long addr = sys.dma.mapSingle(dev, slots[slot], 0, len, BIDI);
        if (addr == DmaApi.DMA_MAPPING_ERROR) throw new AssertionError("map failed");
        sys.dma.mappingError(dev, addr);
        Handle h = new Handle(slot, addr, len, slots[slot].phys(0));
        handles.add(h);
        mappedSlot[slot] = h;
        return h;
    }

    /** Unmaps slot {@code slot} if it is mapped; returns the handle or null. */
    Handle unmap(int slot) {
        Handle h = mappedSlot[slot];
        if (h == null) return null;
        sys.dma.unmapPage(dev, h.dmaAddr, h.size, BIDI);
        h.live = false;
        mappedSlot[slot] = null;
        return h;
    }

    /** The handle a read step refers to, or null when nothing was mapped yet. */
    Handle pick(int pick) { return handles.isEmpty() ? null : handles.get(pick % handles.size()); }

    /** An in-buffer offset of a handle (8-byte aligned, leaving room for an 8-byte read). */
    static long offset(Handle h, int pick) { return ((pick * 8L) % (h.size - 7)) & ~7L; }

    DmaOutcome read(long addr) { return Machines.read(sys, dev, addr, 8); }

    /** The live mapping covering {@code addr}, or null. */
    Handle liveCovering(long addr) {
        for (Handle h : handles) if (h.covers(addr)) return h;
        return null;
    }

    /** Executes one step on this machine; returns the read outcome for read steps, else null. */
    DmaOutcome apply(Step s) {
        switch (s.kind()) {
            case 0 -> map(s.slot(), s.size());
            case 1 -> unmap(s.slot());
            default -> {
                Handle h = pick(s.pick());
                if (h != null) return read(h.dmaAddr + offset(h, s.pick()));
            }
        }
        return null;
    }
}

package org.dmaworkbench.runtime.debug;

import java.util.List;
import org.dmaworkbench.runtime.sim.DmaDirection;

/** check_sync() and the sg loop of debug_dma_sync_sg_for_cpu()/_for_device() (kernel/dma/debug.c): checks 17–22. */
final class SyncChecks {
    private final DmaEntryHash hash;
    private final ErrPrintk errors;

    SyncChecks(DmaEntryHash hash, ErrPrintk errors) {
        this.hash = hash;
        this.errors = errors;
    }

    /** check_sync(): containing lookup, then 18, and for non-bidirectional mappings 19, 20/21 and 22. */
    void checkSync(DebugDevice dev, EntryType type, long devAddr, long size, DmaDirection dir, int sgCallEnts,
                           boolean toCpu) {
        DmaDebugEntry entry = hash.findContaining(dev, devAddr, size, type, dir, sgCallEnts);
        if (entry == null) {
            errors.err(DmaDebugCheck.SYNC_NOT_ALLOCATED, dev, devAddr, devAddr, size);
            return;
        }
        errors.subject(entry);
        try {
            checkSyncEntry(entry, dev, type, devAddr, size, dir, sgCallEnts, toCpu);
        } finally {
            errors.subject(null);
        }
    }

    private void checkSyncEntry(DmaDebugEntry entry, DebugDevice dev, EntryType type, long devAddr, long size,
                                DmaDirection dir, int sgCallEnts, boolean toCpu) {
        if (Long.compareUnsigned(size, entry.size()) > 0) {
            errors.err(DmaDebugCheck.SYNC_OUTSIDE_RANGE, dev, devAddr, entry.devAddr(), entry.size(), size);
        }
        DmaDirection mapped = entry.direction();
        if (mapped == DmaDirection.BIDIRECTIONAL) return;
        if (dir != mapped) {
            errors.err(DmaDebugCheck.SYNC_DIFFERENT_DIRECTION, dev, devAddr, devAddr, entry.size(),
                    mapped.kernelName(), dir.kernelName());
        }
        if (toCpu && mapped != DmaDirection.FROM_DEVICE && dir != DmaDirection.TO_DEVICE) {
            errors.err(DmaDebugCheck.SYNC_DEVICE_READ_ONLY_FOR_CPU, dev, devAddr, devAddr, entry.size(),
                    mapped.kernelName(), dir.kernelName());
        }
        if (!toCpu && mapped != DmaDirection.TO_DEVICE && dir != DmaDirection.FROM_DEVICE) {
            errors.err(DmaDebugCheck.SYNC_DEVICE_WRITE_ONLY_TO_DEVICE, dev, devAddr, devAddr, entry.size(),
                    mapped.kernelName(), dir.kernelName());
        }
        if (sgCallEnts != 0 && type == EntryType.SG && sgCallEnts != entry.sgCallEnts()) {
            errors.err(DmaDebugCheck.SYNC_SG_DIFFERENT_ENTRY_COUNT, dev, devAddr, entry.sgCallEnts(), sgCallEnts);
        }
    }

    /** The sg loop of debug_dma_sync_sg_for_cpu()/_for_device(). */
    void syncSg(DebugDevice dev, List<SgEntry> sg, int nelems, DmaDirection dir, boolean toCpu) {
        int n = Math.min(nelems, sg.size());
        int mappedEnts = 0;
        for (int i = 0; i < n; i++) {
            SgEntry s = sg.get(i);
            if (i == 0) mappedEnts = hash.nrMappedEntries(dev, s, dir, nelems);
            if (i >= mappedEnts) break;
            checkSync(dev, EntryType.SG, s.dmaAddress(), s.dmaLength(), dir, nelems, toCpu);
        }
    }
}

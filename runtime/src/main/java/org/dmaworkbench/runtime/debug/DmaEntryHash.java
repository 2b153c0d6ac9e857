package org.dmaworkbench.runtime.debug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * The table of tracked entries; models {@code dma_entry_hash[HASH_SIZE]} with hash_fn(),
 * __hash_bucket_find() (best fit), bucket_find_exact() and bucket_find_contain() of kernel/dma/debug.c.
 *
 * <p>Same layout as the kernel (16384 buckets indexed by bits 13..26 of the DMA address, entries of all
 * devices in insertion order), so that the best-fit choice, including "several matches and none perfect
 * gives none", is the kernel's. A per-device count keeps {@link #count(DebugDevice)} O(1).
 */
final class DmaEntryHash {

    static final int HASH_SIZE = 16384;
    static final int HASH_FN_SHIFT = 13;
    private static final int HASH_FN_MASK = HASH_SIZE - 1;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private final ArrayList<DmaDebugEntry>[] buckets = new ArrayList[HASH_SIZE];
    private final Map<String, int[]> perDevice = new HashMap<>();
    private int size;

    /** hash_fn(): the bucket of a DMA address. */
    static int hashFn(long devAddr) {
        return (int) ((devAddr >>> HASH_FN_SHIFT) & HASH_FN_MASK);
    }

    /** hash_bucket_add(): appends to the bucket's list. */
    void add(DmaDebugEntry e) {
        int idx = hashFn(e.devAddr());
        ArrayList<DmaDebugEntry> b = buckets[idx];
        if (b == null) buckets[idx] = b = new ArrayList<>(4);
        b.add(e);
        perDevice.computeIfAbsent(e.device().device(), k -> new int[1])[0]++;
        size++;
    }

    /** hash_bucket_del(). */
    void remove(DmaDebugEntry e) {
        ArrayList<DmaDebugEntry> b = buckets[hashFn(e.devAddr())];
        if (b == null) return;
        for (int i = 0, n = b.size(); i < n; i++) {
            if (b.get(i) == e) {
                b.remove(i);
                uncount(e);
                return;
            }
        }
    }

    /** bucket_find_exact(): best fit among the entries of this device at exactly this address. */
    DmaDebugEntry findExact(DebugDevice dev, long devAddr, long size, EntryType type, DmaDirection dir, int sgCallEnts) {
        return bestFit(buckets[hashFn(devAddr)], false, dev, devAddr, size, type, dir, sgCallEnts);
    }

    /**
     * bucket_find_contain(): best fit among the entries of this device containing [devAddr, devAddr+size),
     * searching the address's bucket and then up to 16383 preceding ones.
     */
    DmaDebugEntry findContaining(DebugDevice dev, long devAddr, long size, EntryType type, DmaDirection dir,
                                 int sgCallEnts) {
        long limit = Math.min(HASH_SIZE, (devAddr >>> HASH_FN_SHIFT) + 1);
        long index = devAddr;
        for (long i = 0; i < limit; i++) {
            DmaDebugEntry e = bestFit(buckets[hashFn(index)], true, dev, devAddr, size, type, dir, sgCallEnts);
            if (e != null) return e;
            index -= 1L << HASH_FN_SHIFT;
        }
        return null;
    }

    /** get_nr_mapped_entries(): sg_mapped_ents of the best exact match for the first segment, or 0. */
    int nrMappedEntries(DebugDevice dev, SgEntry first, DmaDirection dir, int nelems) {
        DmaDebugEntry e = findExact(dev, first.dmaAddress(), first.dmaLength(), EntryType.SG, dir, nelems);
        return e == null ? 0 : e.sgMappedEnts();
    }

    /** debug_dma_mapping_error()'s walk: the first entry at exactly this address whose map error is not checked. */
    DmaDebugEntry firstUnchecked(DebugDevice dev, long devAddr) {
        ArrayList<DmaDebugEntry> b = buckets[hashFn(devAddr)];
        if (b == null) return null;
        for (int i = 0, n = b.size(); i < n; i++) {
            DmaDebugEntry e = b.get(i);
            if (e.devAddr() == devAddr && e.device().sameDevice(dev) && e.mapErrType() == MapErrType.MAP_ERR_NOT_CHECKED) {
                return e;
            }
        }
        return null;
    }

    /** The device's entries at exactly this address, in bucket order. */
    List<DmaDebugEntry> at(DebugDevice dev, long devAddr) {
        List<DmaDebugEntry> out = new ArrayList<>(2);
        ArrayList<DmaDebugEntry> b = buckets[hashFn(devAddr)];
        if (b != null) for (DmaDebugEntry e : b) if (exactMatch(e, dev, devAddr)) out.add(e);
        return out;
    }

    /** Number of entries of the device. */
    int count(DebugDevice dev) {
        int[] c = perDevice.get(dev.device());
        return c == null ? 0 : c[0];
    }

    /** Total number of entries. */
    int size() {
        return size;
    }

    /**
     * device_dma_allocations()'s choice of the reported entry: the last entry of the device in bucket order
     * (the kernel overwrites its out pointer on every match). Null when the device has none.
     */
    DmaDebugEntry lastOf(DebugDevice dev) {
        if (count(dev) == 0) return null;
        for (int idx = HASH_SIZE - 1; idx >= 0; idx--) {
            ArrayList<DmaDebugEntry> b = buckets[idx];
            if (b == null) continue;
            for (int i = b.size() - 1; i >= 0; i--) {
                if (b.get(i).device().sameDevice(dev)) return b.get(i);
            }
        }
        return null;
    }

    /** Removes every entry of the device, passing each to the callback, in bucket order. */
    void removeAll(DebugDevice dev, Consumer<DmaDebugEntry> removed) {
        if (count(dev) == 0) return;
        for (ArrayList<DmaDebugEntry> b : buckets) {
            if (b == null) continue;
            for (int i = 0; i < b.size(); ) {
                DmaDebugEntry e = b.get(i);
                if (e.device().sameDevice(dev)) {
                    b.remove(i);
                    uncount(e);
                    removed.accept(e);
                } else {
                    i++;
                }
            }
        }
    }

    /** The entries of a device (all devices when dev is null), in bucket order, as debug_dma_dump_mappings() walks them. */
    List<DmaDebugEntry> entries(DebugDevice dev) {
        List<DmaDebugEntry> out = new ArrayList<>();
        for (ArrayList<DmaDebugEntry> b : buckets) {
            if (b == null) continue;
            for (DmaDebugEntry e : b) {
                if (dev == null || e.device().sameDevice(dev)) out.add(e);
            }
        }
        return out;
    }

    /**
     * __hash_bucket_find(): among the matching entries, a perfect fit (size, type, direction and
     * sg_call_ents equal) is returned at once; otherwise the first best one, but only if it was the only match.
     */
    private static DmaDebugEntry bestFit(ArrayList<DmaDebugEntry> bucket, boolean containing, DebugDevice dev,
                                         long devAddr, long size, EntryType type, DmaDirection dir, int sgCallEnts) {
        if (bucket == null) return null;
        DmaDebugEntry ret = null;
        int matches = 0;
        int lastLvl = -1;
        for (int i = 0, n = bucket.size(); i < n; i++) {
            DmaDebugEntry e = bucket.get(i);
            if (!(containing ? containingMatch(e, dev, devAddr, size) : exactMatch(e, dev, devAddr))) continue;
            matches++;
            int lvl = 0;
            if (e.size() == size) lvl++;
            if (e.type() == type) lvl++;
            if (e.direction() == dir) lvl++;
            if (e.sgCallEnts() == sgCallEnts) lvl++;
            if (lvl == 4) return e;
            if (lvl > lastLvl) {
                lastLvl = lvl;
                ret = e;
            }
        }
        return matches == 1 ? ret : null;
    }

    /** exact_match(). */
    private static boolean exactMatch(DmaDebugEntry e, DebugDevice dev, long devAddr) {
        return e.devAddr() == devAddr && e.device().sameDevice(dev);
    }

    /** containing_match(), with the kernel's u64 arithmetic (sums may wrap). */
    private static boolean containingMatch(DmaDebugEntry e, DebugDevice dev, long devAddr, long size) {
        return e.device().sameDevice(dev)
                && Long.compareUnsigned(e.devAddr(), devAddr) <= 0
                && Long.compareUnsigned(e.devAddr() + e.size(), devAddr + size) >= 0;
    }

    private void uncount(DmaDebugEntry e) {
        int[] c = perDevice.get(e.device().device());
        if (c != null && --c[0] == 0) perDevice.remove(e.device().device());
        size--;
    }
}

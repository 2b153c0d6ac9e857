package org.dmaworkbench.runtime.debug;

import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * The set of physical cachelines with an active device-writable mapping and their overlap counters;
 * models {@code dma_active_cacheline} (radix tree + 3 tag bits) and active_cacheline_insert()/remove().
 *
 * <p>The first mapping of a cacheline inserts it with overlap 0; each further one fails with -EEXIST and
 * increments the overlap counter, which saturates at {@link #MAX_OVERLAP} (the kernel stops storing it and
 * warns once). A removal decrements it; the cacheline is deleted when it would go below 0.
 * TO_DEVICE mappings are not tracked at all, nor entries whose physical address is unknown
 * ({@link DmaDebugEntry#physKnown()}: a replayed capture's coherent allocations).
 */
final class ActiveCachelines {

    /** ACTIVE_CACHELINE_MAX_OVERLAP = (1 &lt;&lt; RADIX_TREE_MAX_TAGS) - 1. */
    static final int MAX_OVERLAP = 7;

    /** The cacheline was not active (or the entry is not tracked): no error. */
    static final int INSERTED = 0;
    /** -EEXIST: another active mapping covers the cacheline. */
    static final int EEXIST = 1;
    /** -EEXIST, and the overlap counter overflowed (the kernel's WARN_ONCE). */
    static final int EEXIST_OVERFLOW = 2;

    private final LongIntMap overlap = new LongIntMap();

    /** active_cacheline_insert(). */
    int insert(DmaDebugEntry entry) {
        if (entry.direction() == DmaDirection.TO_DEVICE || !entry.physKnown()) return INSERTED;
        long cln = entry.cacheline();
        int current = overlap.get(cln, -1);
        if (current < 0) {
            overlap.put(cln, 0);
            return INSERTED;
        }
        int next = current + 1;
        if (next > MAX_OVERLAP) return EEXIST_OVERFLOW;
        overlap.put(cln, next);
        return EEXIST;
    }

    /** active_cacheline_remove(). */
    void remove(DmaDebugEntry entry) {
        if (entry.direction() == DmaDirection.TO_DEVICE || !entry.physKnown()) return;
        long cln = entry.cacheline();
        int next = overlap.get(cln, 0) - 1;
        if (next < 0) overlap.remove(cln);
        else overlap.put(cln, next);
    }

    /** The overlap counter of a cacheline, or -1 when it is not active. */
    int overlapOf(long cacheline) {
        return overlap.get(cacheline, -1);
    }

    /** Number of active cachelines. */
    int size() {
        return overlap.size();
    }

    void clear() {
        overlap.clear();
    }
}

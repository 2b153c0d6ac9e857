package org.dmaworkbench.runtime.capture;

import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * The last {@value #SIZE} unmaps of one device (address range, map and unmap line, map and unmap time), for
 * attributing page faults.
 */
final class UnmapRing {
    static final int SIZE = 4096;
    private final long[] addr = new long[SIZE];
    private final long[] size = new long[SIZE];
    private final long[] mapLine = new long[SIZE];
    private final long[] unmapLine = new long[SIZE];
    private final long[] mapNs = new long[SIZE];
    private final long[] unmapNs = new long[SIZE];
    private final DmaDirection[] dir = new DmaDirection[SIZE];
    private int next;
    private int count;

    /** An unmap; {@code mappedNs}, {@code unmappedNs} the trace times of the map and the unmap, -1 when unknown. */
    void add(long a, long s, DmaDirection d, long mapped, long unmapped, long mappedNs, long unmappedNs) {
        dir[next] = d;
        addr[next] = a;
        size[next] = s;
        mapLine[next] = mapped;
        unmapLine[next] = unmapped;
        mapNs[next] = mappedNs;
        unmapNs[next] = unmappedNs;
        next = (next + 1) % SIZE;
        count = Math.min(count + 1, SIZE);
    }

    /** The newest unmap whose range covers {@code a}: its slot, or -1. */
    int covering(long a) {
        return coveringAt(a, -1);
    }

    /**
     * The newest unmap whose range covers {@code a} and whose mapping existed at {@code atNs} (mapped at or before
     * it, or at an unknown time): its slot, or -1; {@code atNs} -1 means at the end of the capture.
     */
    int coveringAt(long a, long atNs) {
        for (int k = 1; k <= count; k++) {
            int i = Math.floorMod(next - k, SIZE);
            if (Long.compareUnsigned(a, addr[i]) >= 0 && Long.compareUnsigned(a - addr[i], size[i]) < 0
                    && (atNs < 0 || mapNs[i] < 0 || mapNs[i] <= atNs)) return i;
        }
        return -1;
    }

    long addr(int slot) { return addr[slot]; }
    long size(int slot) { return size[slot]; }
    long mapLine(int slot) { return mapLine[slot]; }
    long unmapLine(int slot) { return unmapLine[slot]; }
    long unmapNs(int slot) { return unmapNs[slot]; }
    DmaDirection direction(int slot) { return dir[slot]; }
}

package org.dmaworkbench.runtime.capture;

/** The last {@value #SIZE} unmaps of one device (address range, map line, unmap line), for attributing page faults. */
final class UnmapRing {
    static final int SIZE = 4096;
    private final long[] addr = new long[SIZE];
    private final long[] size = new long[SIZE];
    private final long[] mapLine = new long[SIZE];
    private final long[] unmapLine = new long[SIZE];
    private int next;
    private int count;

    void add(long a, long s, long mapped, long unmapped) {
        addr[next] = a;
        size[next] = s;
        mapLine[next] = mapped;
        unmapLine[next] = unmapped;
        next = (next + 1) % SIZE;
        count = Math.min(count + 1, SIZE);
    }

    /** The newest unmap whose range covers {@code a}: its slot, or -1. */
    int covering(long a) {
        for (int k = 1; k <= count; k++) {
            int i = Math.floorMod(next - k, SIZE);
            if (Long.compareUnsigned(a, addr[i]) >= 0 && Long.compareUnsigned(a - addr[i], size[i]) < 0) return i;
        }
        return -1;
    }

    long addr(int slot) { return addr[slot]; }
    long size(int slot) { return size[slot]; }
    long mapLine(int slot) { return mapLine[slot]; }
    long unmapLine(int slot) { return unmapLine[slot]; }
}

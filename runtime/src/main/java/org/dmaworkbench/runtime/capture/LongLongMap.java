package org.dmaworkbench.runtime.capture;

import java.util.Arrays;

/**
 * A small open-addressing map from {@code long} to {@code long} (linear probing, backward-shift deletion) with a
 * size bound: when full it forgets everything (the replay's histories are hints, never verdicts of their own).
 */
final class LongLongMap {
    private static final long FREE = Long.MIN_VALUE;
    private final int limit;
    private long[] keys;
    private long[] vals;
    private int size;
    private int mask;

    LongLongMap(int limit) {
        this.limit = limit;
        alloc(16);
    }

    long get(long k, long absent) {
        if (k == FREE) return absent;
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            long kk = keys[i];
            if (kk == k) return vals[i];
            if (kk == FREE) return absent;
        }
    }

    void put(long k, long v) {
        if (k == FREE) return;
        if (size >= limit) clear();
        if ((size + 1) * 2 > keys.length) rehash(keys.length * 2);
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            long kk = keys[i];
            if (kk == k) {
                vals[i] = v;
                return;
            }
            if (kk == FREE) {
                keys[i] = k;
                vals[i] = v;
                size++;
                return;
            }
        }
    }

    /** Removes {@code k}; returns its value or {@code absent}. */
    long remove(long k, long absent) {
        if (k == FREE) return absent;
        int i = hash(k) & mask;
        while (true) {
            long kk = keys[i];
            if (kk == FREE) return absent;
            if (kk == k) break;
            i = (i + 1) & mask;
        }
        long v = vals[i];
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != FREE; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                vals[hole] = vals[j];
                hole = j;
            }
        }
        keys[hole] = FREE;
        size--;
        return v;
    }

    int size() { return size; }

    void clear() {
        alloc(16);
    }

    private void alloc(int cap) {
        keys = new long[cap];
        Arrays.fill(keys, FREE);
        vals = new long[cap];
        mask = cap - 1;
        size = 0;
    }

    private void rehash(int cap) {
        long[] ok = keys;
        long[] ov = vals;
        alloc(cap);
        for (int i = 0; i < ok.length; i++) if (ok[i] != FREE) put(ok[i], ov[i]);
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}

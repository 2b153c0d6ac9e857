package org.dmaworkbench.runtime.util;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * An open-addressing hash map from {@code long} to objects (linear probing, backward-shift
 * deletion). The IO page table, IOTLB and IOVA bookkeeping keep millions of entries: a boxed
 * {@code HashMap<Long,?>} costs about 3× the memory and time.
 */
public final class LongObjectMap<V> {
    private static final long FREE = Long.MIN_VALUE;
    private long[] keys;
    private Object[] vals;
    private int size;
    private int mask;

    public LongObjectMap() { this(16); }

    public LongObjectMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, FREE);
        vals = new Object[cap];
        mask = cap - 1;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The slot holding {@code key}, or {@code ~slot} of the free slot where it would be inserted. */
    private int slot(long key) {
        int i = hash(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) return i;
            if (k == FREE) return ~i;
            i = (i + 1) & mask;
        }
    }

    private void insertAt(int i, long key, V value) {
        if (key == FREE) throw new IllegalArgumentException("reserved key");
        keys[i] = key;
        vals[i] = value;
        if (++size * 2 > keys.length) grow();
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        int i = slot(key);
        return i >= 0 ? (V) vals[i] : null;
    }

    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        int i = slot(key);
        if (i < 0) {
            insertAt(~i, key, value);
            return null;
        }
        V old = (V) vals[i];
        vals[i] = value;
        return old;
    }

    /** Inserts unless the key is present; returns the present value (nothing changed) or null (inserted). */
    @SuppressWarnings("unchecked")
    public V putIfAbsent(long key, V value) {
        int i = slot(key);
        if (i >= 0) return (V) vals[i];
        insertAt(~i, key, value);
        return null;
    }

    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int i = hash(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == FREE) return null;
            if (k == key) break;
            i = (i + 1) & mask;
        }
        V old = (V) vals[i];
        size--;
        // backward-shift deletion keeps probe chains intact
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == FREE) break;
            int home = hash(k) & mask;
            boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!between) {
                keys[i] = k;
                vals[i] = vals[j];
                i = j;
            }
        }
        keys[i] = FREE;
        vals[i] = null;
        return old;
    }

    public int size() { return size; }
    public boolean isEmpty() { return size == 0; }

    public void clear() {
        Arrays.fill(keys, FREE);
        Arrays.fill(vals, null);
        size = 0;
    }

    /** Removes every entry whose key matches; returns how many were removed. */
    public int removeIf(LongPredicate p) {
        long[] ks = keys.clone();
        int n = 0;
        for (long k : ks) {
            if (k != FREE && p.test(k)) {
                remove(k);
                n++;
            }
        }
        return n;
    }

    /** Calls {@code f} for every entry. */
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.BiConsumer<Long, V> f) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != FREE) f.accept(keys[i], (V) vals[i]);
    }

    private void grow() {
        long[] ok = keys;
        Object[] ov = vals;
        keys = new long[ok.length * 2];
        Arrays.fill(keys, FREE);
        vals = new Object[ok.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != FREE) {
                int j = hash(ok[i]) & mask;
                while (keys[j] != FREE) j = (j + 1) & mask;
                keys[j] = ok[i];
                vals[j] = ov[i];
                size++;
            }
        }
    }
}

package org.dmaworkbench.runtime.debug;

/**
 * A map from long keys to int values without boxing (open addressing, linear probing, backward-shift
 * deletion); the storage behind {@link ActiveCachelines}, standing in for the kernel's radix tree.
 */
final class LongIntMap {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int shift;
    private int size;

    LongIntMap() {
        allocate(64);
    }

    int size() { return size; }

    boolean containsKey(long key) {
        return indexOf(key) >= 0;
    }

    /** The value for the key, or dflt when absent. */
    int get(long key, int dflt) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : dflt;
    }

    void put(long key, int value) {
        int mask = keys.length - 1;
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) grow();
    }

    /** Removes the key; returns whether it was present. */
    boolean remove(long key) {
        int i = indexOf(key);
        if (i < 0) return false;
        int mask = keys.length - 1;
        used[i] = false;
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (!used[j]) return true;
            int k = slot(keys[j]);
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (stays) continue;
            keys[i] = keys[j];
            values[i] = values[j];
            used[i] = true;
            used[j] = false;
            i = j;
        }
    }

    void clear() {
        allocate(64);
    }

    private int indexOf(long key) {
        int mask = keys.length - 1;
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) return i;
            i = (i + 1) & mask;
        }
        return -1;
    }

    private int slot(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) put(oldKeys[i], oldValues[i]);
        }
    }
}

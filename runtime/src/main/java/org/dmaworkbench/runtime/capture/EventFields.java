package org.dmaworkbench.runtime.capture;

import java.util.Arrays;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * Reads an event's fields by name, in any order, from the text after {@code EVENT: } — the output of the
 * TP_printk formats: {@code key=value} separated by blanks, {@code %llx} without "0x", {@code %zu} decimal,
 * {@code __print_array} as {@code {0x..,0x..}} (kernel/trace/trace_output.c {@code trace_print_array_seq}),
 * {@code __print_flags} names joined by "|" (empty when none), {@code __print_symbolic} names.
 * A missing or malformed field throws {@link BadEvent} with the reason.
 */
final class EventFields {
    /** DMA_ATTR_SKIP_CPU_SYNC as decode_dma_attrs() names it. */
    static final int ATTR_SKIP_CPU_SYNC = 1;
    /** DMA_ATTR_MMIO (since 6.18). */
    static final int ATTR_MMIO = 2;
    /** DMA_ATTR_DEBUGGING_IGNORE_CACHELINES, printed "CACHELINES_OVERLAP". */
    static final int ATTR_IGNORE_CACHELINES = 4;

    private static final long[] NONE = new long[0];

    private String s;
    private int from;
    private int end;

    /** Reads the fields of {@code line} from {@code from}. */
    EventFields reset(String line, int from) {
        this.s = line;
        this.from = from;
        this.end = line.length();
        return this;
    }

    /** The first blank-separated word (the device name of dma: events). */
    String firstWord() throws BadEvent {
        int i = from;
        while (i < end && s.charAt(i) != ' ') i++;
        if (i == from) throw new BadEvent("no device name");
        return s.substring(from, i);
    }

    /** Index after the first word and its blanks. */
    int afterFirstWord() {
        int i = from;
        while (i < end && s.charAt(i) != ' ') i++;
        while (i < end && s.charAt(i) == ' ') i++;
        return i;
    }

    /** Restricts the lookups to the text from {@code index}. */
    void from(int index) { this.from = index; }

    /** True when a field {@code key=} is present. */
    boolean has(String key) {
        return valueStart(key) >= 0;
    }

    /** True when the blank-separated word occurs (e.g. "[TRUNCATED]"). */
    boolean hasWord(String word) {
        int i = s.indexOf(word, from);
        while (i >= 0) {
            boolean before = i == from || s.charAt(i - 1) == ' ';
            int after = i + word.length();
            if (before && (after == end || s.charAt(after) == ' ')) return true;
            i = s.indexOf(word, i + 1);
        }
        return false;
    }

    /** A {@code %llx} / {@code 0x%016llx} / {@code %p} value as an unsigned 64-bit number. */
    long hex(String key) throws BadEvent {
        int v = require(key);
        return parseHex(key, v, valueEnd(v));
    }

    /** A {@code %zu} / {@code %d} value. */
    long dec(String key) throws BadEvent {
        int v = require(key);
        int e = valueEnd(v);
        boolean neg = v < e && s.charAt(v) == '-';
        int i = neg ? v + 1 : v;
        if (i == e || e - i > 19) throw new BadEvent(key + text(v, e) + " is not a decimal number");
        long r = 0;
        for (; i < e; i++) {
            char c = s.charAt(i);
            if (!FtraceLine.isDigit(c)) throw new BadEvent(key + text(v, e) + " is not a decimal number");
            r = r * 10 + (c - '0');
        }
        return neg ? -r : r;
    }

    /** {@code %d/%d}: the second number (the full count; the first is what the trace shows, at most 128). */
    int fullCount(String key) throws BadEvent {
        int v = require(key);
        int e = valueEnd(v);
        int slash = s.indexOf('/', v);
        if (slash < 0 || slash >= e) throw new BadEvent(key + text(v, e) + " is not N/M");
        try {
            return Integer.parseInt(s, slash + 1, e, 10);
        } catch (NumberFormatException ex) {
            throw new BadEvent(key + text(v, e) + " is not N/M");
        }
    }

    /** {@code dir=}: BIDIRECTIONAL, TO_DEVICE, FROM_DEVICE or NONE. */
    DmaDirection dir() throws BadEvent {
        int v = require("dir=");
        int e = valueEnd(v);
        switch (e - v) {
            case 13: if (s.startsWith("BIDIRECTIONAL", v)) return DmaDirection.BIDIRECTIONAL; break;
            case 9: if (s.startsWith("TO_DEVICE", v)) return DmaDirection.TO_DEVICE; break;
            case 11: if (s.startsWith("FROM_DEVICE", v)) return DmaDirection.FROM_DEVICE; break;
            case 4: if (s.startsWith("NONE", v)) return DmaDirection.NONE; break;
            default: break;
        }
        throw new BadEvent("dir=" + text(v, e) + " is not BIDIRECTIONAL, TO_DEVICE, FROM_DEVICE or NONE");
    }

    /** {@code dir=} when present, else BIDIRECTIONAL (6.12's dma_alloc/dma_free printed none). */
    DmaDirection dirOrBidirectional() throws BadEvent {
        return has("dir=") ? dir() : DmaDirection.BIDIRECTIONAL;
    }

    /** {@code attrs=}: the DMA_ATTR_* names the replay uses, as ATTR_* bits; absent or empty is 0. */
    int attrs() {
        int v = valueStart("attrs=");
        if (v < 0) return 0;
        int e = valueEnd(v);
        int bits = 0;
        int i = v;
        while (i < e) {
            int bar = s.indexOf('|', i);
            int w = bar < 0 || bar > e ? e : bar;
            if (w - i == 13 && s.startsWith("SKIP_CPU_SYNC", i)) bits |= ATTR_SKIP_CPU_SYNC;
            else if (w - i == 4 && s.startsWith("MMIO", i)) bits |= ATTR_MMIO;
            else if (w - i == 18 && s.startsWith("CACHELINES_OVERLAP", i)) bits |= ATTR_IGNORE_CACHELINES;
            i = w + 1;
        }
        return bits;
    }

    /** A {@code __print_array} value: {@code {0x1,0x2}}, {@code {}}. */
    long[] array(String key) throws BadEvent {
        int v = require(key);
        int e = valueEnd(v);
        if (e - v < 2 || s.charAt(v) != '{' || s.charAt(e - 1) != '}') {
            throw new BadEvent(key + text(v, e) + " is not an array {0x..,0x..}");
        }
        if (e - v == 2) return NONE;
        long[] out = new long[8];
        int n = 0;
        int i = v + 1;
        while (i < e - 1) {
            int comma = s.indexOf(',', i);
            int w = comma < 0 || comma > e - 1 ? e - 1 : comma;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = parseHex(key, i, w);
            i = w + 1;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The value of {@code key} as text. */
    String wordAfter(String key) throws BadEvent {
        int v = require(key);
        int e = valueEnd(v);
        if (e == v) throw new BadEvent(key + " is empty");
        return s.substring(v, e);
    }

    private int require(String key) throws BadEvent {
        int v = valueStart(key);
        if (v < 0) throw new BadEvent("no " + key + " field");
        return v;
    }

    /** Where the value of {@code key} (written with its "=") starts, or -1. */
    private int valueStart(String key) {
        int i = s.indexOf(key, from);
        while (i >= 0) {
            if (i == from || s.charAt(i - 1) == ' ') return i + key.length();
            i = s.indexOf(key, i + 1);
        }
        return -1;
    }

    private int valueEnd(int v) {
        int i = v;
        while (i < end && s.charAt(i) != ' ') i++;
        return i;
    }

    private long parseHex(String key, int v, int e) throws BadEvent {
        int i = v;
        if (e - i > 2 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) i += 2;
        if (i == e || e - i > 16) throw new BadEvent(key + text(v, e) + " is not a hexadecimal number");
        long r = 0;
        for (; i < e; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) throw new BadEvent(key + text(v, e) + " is not a hexadecimal number");
            r = (r << 4) | d;
        }
        return r;
    }

    private String text(int v, int e) {
        String t = s.substring(v, e);
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}

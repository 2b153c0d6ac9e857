package org.dmaworkbench.runtime.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The picture of a domain's IOVA space a reviewer wants after an unmap: which ranges are mapped in the
 * page table, which are allocated but no longer mapped (queued on the flush queue: iova.c keeps them
 * until {@code fq_ring_free}), which are still translated by a stale IOTLB or ATC entry, the rest free;
 * over the window that holds them (the aperture is far too wide to draw). What the HTML report draws as
 * an SVG bar and a view can draw as it likes.
 *
 * @param from     the window's first IOVA
 * @param to       the window's end (exclusive)
 * @param segments the coloured ranges, by IOVA; stale ranges overlap the others and are listed last
 */
public record IovaBar(long from, long to, List<Segment> segments) {
    public enum Kind { MAPPED, ALLOCATED, STALE }

    /** [iova, iova + size) of {@code kind}. */
    public record Segment(Kind kind, long iova, long size) { }

    /** At least this many bytes are shown, so one page is not the whole bar. */
    static final long MIN_WINDOW = 16 * 4096;

    /** The bar of {@code d}, or null when it has nothing mapped, allocated or stale. */
    public static IovaBar of(DomainState d) {
        List<Segment> mapped = new ArrayList<>();
        if (d.pageTable() != null) for (IoMappingState m : d.pageTable().mappings()) mapped.add(new Segment(Kind.MAPPED, m.iova(), m.size()));
        List<Segment> allocated = new ArrayList<>();
        if (d.iova() != null) for (IovaSpaceState.Range r : d.iova().allocated()) allocated.add(new Segment(Kind.ALLOCATED, r.iova(), r.size()));
        List<Segment> stale = new ArrayList<>();
        for (IotlbEntryState e : d.iotlb()) if (e.stale()) stale.add(new Segment(Kind.STALE, e.iova(), e.pageSize()));
        if (mapped.isEmpty() && allocated.isEmpty() && stale.isEmpty()) return null;
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (List<Segment> l : List.of(mapped, allocated, stale)) {
            for (Segment s : l) {
                lo = Math.min(lo, s.iova());
                hi = Math.max(hi, s.iova() + s.size());
            }
        }
        if (hi - lo < MIN_WINDOW) hi = lo + MIN_WINDOW;
        List<Segment> out = new ArrayList<>(merge(allocated));
        out.addAll(merge(mapped));
        out.sort(Comparator.comparingLong(Segment::iova));
        out.addAll(merge(stale));
        return new IovaBar(lo, hi, List.copyOf(out));
    }

    /** Adjacent or overlapping ranges of one kind as one. */
    private static List<Segment> merge(List<Segment> l) {
        l.sort(Comparator.comparingLong(Segment::iova));
        List<Segment> out = new ArrayList<>();
        for (Segment s : l) {
            if (!out.isEmpty()) {
                Segment last = out.get(out.size() - 1);
                if (s.iova() <= last.iova() + last.size()) {
                    long end = Math.max(last.iova() + last.size(), s.iova() + s.size());
                    out.set(out.size() - 1, new Segment(last.kind(), last.iova(), end - last.iova()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }
}

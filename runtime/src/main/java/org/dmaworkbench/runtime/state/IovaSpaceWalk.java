package org.dmaworkbench.runtime.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dmaworkbench.runtime.dma.FlushQueue;
import org.dmaworkbench.runtime.dma.IovaDomain;

/**
 * Reads a domain's {@link IovaDomain} into an {@link IovaSpaceState}: what lies between its free
 * ranges (bump regions, holes, rcache; drivers/iommu/iova.c {@code alloc_iova}, {@code iova_rcache})
 * is allocated, and a flush queue's entries (dma-iommu.c {@code queue_iova}) into a {@link FlushQueueState}.
 */
final class IovaSpaceWalk {
    private IovaSpaceWalk() { }

    static IovaSpaceState read(IovaDomain iovad) {
        Ranges free = new Ranges();
        iovad.forEachFree((pfn, pages, cached) -> free.add(pfn, pages));
        free.sortByStart();
        List<IovaSpaceState.Range> allocated = new ArrayList<>();
        long at = iovad.startPfn();
        long last = iovad.endPfn();
        for (int k = 0; k < free.n && at <= last; k++) {
            long fs = free.start[k], fe = fs + free.len[k];
            if (fs > at) allocated.add(range(at, Math.min(fs, last + 1)));
            at = Math.max(at, fe);
        }
        if (at <= last) allocated.add(range(at, last + 1));
        return new IovaSpaceState(iovad.startPfn() << IovaDomain.GRANULE_SHIFT, ((last + 1) << IovaDomain.GRANULE_SHIFT) - 1,
                iovad.livePages(), iovad.cachedRanges(), List.copyOf(allocated));
    }

    /** Free ranges as two growing arrays (the rcache alone can hold 24,576). */
    private static final class Ranges {
        long[] start = new long[64];
        long[] len = new long[64];
        int n;

        void add(long s, long l) {
            if (n == start.length) {
                start = Arrays.copyOf(start, n * 2);
                len = Arrays.copyOf(len, n * 2);
            }
            start[n] = s;
            len[n++] = l;
        }

        void sortByStart() {
            long[][] pairs = new long[n][];
            for (int i = 0; i < n; i++) pairs[i] = new long[] {start[i], len[i]};
            Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
            for (int i = 0; i < n; i++) {
                start[i] = pairs[i][0];
                len[i] = pairs[i][1];
            }
        }
    }

    private static IovaSpaceState.Range range(long fromPfn, long toPfn) {
        return new IovaSpaceState.Range(fromPfn << IovaDomain.GRANULE_SHIFT, (toPfn - fromPfn) << IovaDomain.GRANULE_SHIFT);
    }

    static FlushQueueState flushQueue(FlushQueue fq, long now) {
        List<FlushQueueState.Entry> entries = new ArrayList<>();
        fq.forEachEntry((e, cpu) -> entries.add(new FlushQueueState.Entry(cpu, e.pfn() << IovaDomain.GRANULE_SHIFT, e.pages(), e.step(),
                now - e.queuedAtNs())));
        Long next = fq.deadlineNs() < 0 ? null : Math.max(0, fq.deadlineNs() - now);
        return new FlushQueueState(fq.capacity(), fq.timeoutNs(), List.copyOf(entries), next, fq.lastFlushStep());
    }
}

package org.dmaworkbench.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.PhysicalMemory;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.system.SimulatedSystem;

/**
 * Heap footprint of 1,000,000 live streaming mappings: {@code dma_map_page} of distinct 4 KiB pages
 * taken from large {@code alloc_pages} allocations, strict mode, dma-debug off. Reports the heap in use
 * after {@code System.gc()} (MemoryMXBean) after boot, after the allocations and with every mapping
 * live; target ≤ 256 MiB in total. Not a JMH benchmark:
 *
 * <pre>java -Xmx512m -cp benchmarks/target/benchmarks.jar org.dmaworkbench.benchmarks.LiveMappingsFootprint [mappings]</pre>
 *
 * Memory: the platform gets enough RAM for the pages (1M × 4 KiB = 4 GiB) plus the kernel image,
 * the swiotlb pool and headroom: {@link #memoryMiBFor}.
 */
public final class LiveMappingsFootprint {
    static final long TARGET_BYTES = 256L << 20;
    /** alloc_pages order of each buffer: 1024 pages (4 MiB), MAX_PAGE_ORDER on x86. */
    static final int ORDER = 10;

    private LiveMappingsFootprint() { }

    /** RAM for {@code mappings} pages + 80 MiB below the first allocatable frame + 64 MiB swiotlb + headroom. */
    static long memoryMiBFor(int mappings) {
        long pagesMiB = ((long) mappings * PhysicalMemory.PAGE_SIZE + (1 << 20) - 1) >> 20;
        return pagesMiB + 256;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long base = usedAfterGc(mx);

        long memMiB = memoryMiBFor(n);
        long t0 = System.nanoTime();
        SimulatedSystem sys = StrictTripleBenchmark.bootStrict(memMiB);
        Device dev = sys.device("nic");
        long afterBoot = usedAfterGc(mx);

        int perBuf = 1 << ORDER;
        List<Allocation> bufs = new ArrayList<>();
        for (int left = n; left > 0; left -= perBuf) {
            Allocation a = sys.kernel.allocPages("pool " + bufs.size(), ORDER, 0);
            if (a == null) throw new IllegalStateException("out of simulated memory after " + bufs.size() + " buffers");
            bufs.add(a);
        }
        long afterAlloc = usedAfterGc(mx);

        long[] handles = new long[n];
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Allocation a = bufs.get(i / perBuf);
            long off = (long) (i % perBuf) << PhysicalMemory.PAGE_SHIFT;
            long addr = sys.dma.mapPage(dev, a, off, PhysicalMemory.PAGE_SIZE, DmaDirection.BIDIRECTIONAL, DmaMapping.Type.PAGE);
            if (addr == DmaApi.DMA_MAPPING_ERROR) throw new IllegalStateException("dma_map_page failed at mapping " + i);
            handles[i] = addr;
        }
        long t2 = System.nanoTime();
        IommuDomain d = sys.dma.dmaDomain(dev);
        int live = d.pageTable().liveMappings();
        if (live != n) throw new IllegalStateException("expected " + n + " live mappings, page table has " + live);
        long afterMap = usedAfterGc(mx);
        Reference.reachabilityFence(sys);
        Reference.reachabilityFence(handles);
        Reference.reachabilityFence(bufs);

        long perMapping = (afterMap - afterAlloc - 8L * n) / n;
        System.out.printf(Locale.ROOT, "live mappings:              %,d (%s, %d MiB simulated RAM, %d buffers of %d pages)%n",
                n, d.describe(), memMiB, bufs.size(), perBuf);
        System.out.printf(Locale.ROOT, "heap used, JVM baseline:    %,.1f MiB%n", mb(base));
        System.out.printf(Locale.ROOT, "heap used after boot:       %,.1f MiB%n", mb(afterBoot));
        System.out.printf(Locale.ROOT, "heap used after alloc_pages:%,.1f MiB%n", mb(afterAlloc));
        System.out.printf(Locale.ROOT, "heap used, all mapped:      %,.1f MiB  (mappings: %,.1f MiB = %d bytes/mapping, + %.1f MiB of handles)%n",
                mb(afterMap), mb(afterMap - afterAlloc - 8L * n), perMapping, mb(8L * n));
        System.out.printf(Locale.ROOT, "time: boot+alloc %.2f s, %,d maps in %.2f s (%.0f ns/map)%n",
                (t1 - t0) / 1e9, n, (t2 - t1) / 1e9, (t2 - t1) / (double) n);
        System.out.printf(Locale.ROOT, "target: <= %d MiB total heap: %s%n", TARGET_BYTES >> 20,
                afterMap <= TARGET_BYTES ? "MET" : "MISSED by " + String.format(Locale.ROOT, "%.1f MiB", mb(afterMap - TARGET_BYTES)));
    }

    private static long usedAfterGc(MemoryMXBean mx) {
        for (int i = 0; i < 3; i++) System.gc();
        return mx.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) { return bytes / (1024.0 * 1024.0); }
}

package org.dmaworkbench.dsl.ide.docs;

import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.cost.Counters;

/** The event counters a {@code check} step can query, named by the runtime's {@link Counters}. */
public final class CounterDocs {
    private CounterDocs() { }

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("dma", "DMA-API mappings"),
            Map.entry("iova", "IOVA allocator (`alloc_iova_fast()` and its per-CPU rcache)"),
            Map.entry("pgtable", "IO page-table entries written and cleared"),
            Map.entry("iotlb", "IOTLB lookups, page walks, invalidations and syncs"),
            Map.entry("devtlb", "device TLB (ATS) hits and invalidations"),
            Map.entry("fq", "lazy-mode flush queue: unmaps queued and flushes"),
            Map.entry("swiotlb", "bounce buffering through swiotlb"),
            Map.entry("device", "DMA requests the devices issued"),
            Map.entry("faults", "DMA faults raised by the IOMMU"),
            Map.entry("findings", "findings of the model (stale-iotlb, use-after-free, ...)"),
            Map.entry("dma_debug", "errors dma-debug reported"));

    /** All counter names, in the runtime's order. */
    public static List<String> names() {
        return List.copyOf(new Counters().asMap().keySet());
    }

    /** A short description of a counter for completion and hover. */
    public static String describe(String counter) {
        String group = counter.contains(".") ? counter.substring(0, counter.indexOf('.')) : counter;
        String text = TEXT.get(group);
        return "Counter `" + counter + "`" + (text == null ? "" : ": " + text) + ".";
    }

    public static boolean isKnown(String counter) {
        return Counters.isKnown(counter);
    }
}

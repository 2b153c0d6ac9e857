package org.dmaworkbench.dsl.validation;

import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.Call;

/** The streaming DMA-API calls dma-debug tracks, and how their arguments line up (kernel/dma/debug.c). */
final class DmaApiCalls {
    private DmaApiCalls() { }

    static final Set<String> MAP = Set.of("dma_map_single", "dma_map_page");
    static final Set<String> UNMAP = Set.of("dma_unmap_single", "dma_unmap_page");
    static final String CHECK = "dma_mapping_error";

    /* Set.of(...).contains(null) throws: a call with no name (a parse error) must not take validation down. */
    static boolean isMap(Call c) {
        return c != null && c.getFunction() != null && MAP.contains(c.getFunction());
    }

    static boolean isUnmap(Call c) {
        return c != null && c.getFunction() != null && UNMAP.contains(c.getFunction());
    }

    /** Index of the size argument: dma_map_page has an offset before it. */
    static int sizeIndex(Call map) {
        return "dma_map_page".equals(map.getFunction()) ? 3 : 2;
    }

    /** The (dev, addr, ...) address argument, or null. */
    static Arg addressArg(Call c) {
        List<Arg> args = c.getArgs();
        return args.size() > 1 ? args.get(1) : null;
    }
}

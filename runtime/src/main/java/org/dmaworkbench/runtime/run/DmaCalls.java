package org.dmaworkbench.runtime.run;

import static org.dmaworkbench.runtime.run.CallSignature.Param.of;
import static org.dmaworkbench.runtime.run.CallSignature.Param.sym;
import static org.dmaworkbench.runtime.run.CallTable.sig;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;

/** DMA-API calls: streaming maps, sync, scatter-gather, coherent allocations, masks. */
final class DmaCalls {
    private DmaCalls() { }

    static final String[] DIRS = {"DMA_BIDIRECTIONAL", "DMA_TO_DEVICE", "DMA_FROM_DEVICE"};

    static void register(CallTable t) {
        t.define(sig("dma_map_single", ValueType.DMA_ADDR, "dma_map_single(dev, ptr, size, dir)",
                "the DMA address (IOVA, or PA through dma-direct/identity); DMA_MAPPING_ERROR for vmalloc memory or when IOVA space or swiotlb is exhausted",
                of("dev", ValueType.DEVICE), of("buffer", ValueType.BUFFER), of("size", ValueType.INT), sym("dir", DIRS)),
                (st, a) -> addr(st, Args.dev(a, 0), st.sys.dma.mapSingle(Args.dev(a, 0), Args.buf(a, 1), Args.off(a, 1), Args.num(a, 2), Args.dir(a, 3))));
        t.define(sig("dma_map_page", ValueType.DMA_ADDR, "dma_map_page(dev, page, offset, size, dir)",
                "the DMA address or DMA_MAPPING_ERROR",
                of("dev", ValueType.DEVICE), of("buffer", ValueType.BUFFER), of("offset", ValueType.INT), of("size", ValueType.INT),
                sym("dir", DIRS)),
                (st, a) -> addr(st, Args.dev(a, 0), st.sys.dma.mapPage(Args.dev(a, 0), Args.buf(a, 1), Args.off(a, 1) + Args.num(a, 2),
                        Args.num(a, 3), Args.dir(a, 4), DmaMapping.Type.PAGE)));
        for (String unmap : new String[] {"dma_unmap_single", "dma_unmap_page"}) {
            t.define(sig(unmap, ValueType.VOID, unmap + "(dev, addr, size, dir)",
                    "strict: PTEs cleared, IOTLB invalidated and synced, IOVA freed; lazy: queued on the flush queue (256 entries / 10 ms)",
                    of("dev", ValueType.DEVICE), of("addr", ValueType.DMA_ADDR), of("size", ValueType.INT), sym("dir", DIRS)),
                    (st, a) -> {
                        st.sys.dma.unmapPage(Args.dev(a, 0), Args.num(a, 1), Args.num(a, 2), Args.dir(a, 3));
                        st.explain(String.format("unmapped dma 0x%x", Args.num(a, 1)));
                        return Value.VOID;
                    });
        }
        t.define(sig("dma_mapping_error", ValueType.BOOL, "dma_mapping_error(dev, addr)",
                "true when addr is DMA_MAPPING_ERROR; tells dma-debug the driver checked", of("dev", ValueType.DEVICE),
                of("addr", ValueType.DMA_ADDR)),
                (st, a) -> {
                    boolean e = st.sys.dma.mappingError(Args.dev(a, 0), Args.num(a, 1));
                    st.explain(e ? "mapping failed" : "mapping is valid");
                    return Value.bool(e);
                });
        for (String fn : new String[] {"dma_sync_single_for_cpu", "dma_sync_single_for_device"}) {
            boolean forCpu = fn.endsWith("cpu");
            t.define(sig(fn, ValueType.VOID, fn + "(dev, addr, size, dir)",
                    forCpu ? "caches invalidated / bounce slot copied back: the CPU sees the device's writes"
                            : "caches cleaned / bounce slot refreshed: the device sees the CPU's writes",
                    of("dev", ValueType.DEVICE), of("addr", ValueType.DMA_ADDR), of("size", ValueType.INT), sym("dir", DIRS)),
                    (st, a) -> {
                        if (forCpu) st.sys.dma.syncSingleForCpu(Args.dev(a, 0), Args.num(a, 1), Args.num(a, 2), Args.dir(a, 3));
                        else st.sys.dma.syncSingleForDevice(Args.dev(a, 0), Args.num(a, 1), Args.num(a, 2), Args.dir(a, 3));
                        return Value.VOID;
                    });
        }
        t.define(sig("sg_alloc_table", ValueType.SG_TABLE, "sg_alloc_table() + sg_set_buf() over a buffer",
                "a scatterlist of nents equal pieces of the buffer", of("buffer", ValueType.BUFFER), of("nents", ValueType.INT)),
                (st, a) -> {
                    Allocation b = Args.buf(a, 0);
                    int n = (int) Math.max(1, Args.num(a, 1));
                    long piece = Math.max(1, (b.size() - Args.off(a, 0)) / n);
                    List<DmaApi.SgElement> els = new ArrayList<>();
                    for (int i = 0; i < n; i++) els.add(new DmaApi.SgElement(b, Args.off(a, 0) + i * piece, piece));
                    st.explain(n + " segment(s) of " + piece + " bytes");
                    return Value.of(ValueType.SG_TABLE, n, new SgTable(els));
                });
        t.define(sig("dma_map_sg", ValueType.INT, "dma_map_sg(dev, sgl, nents, dir)", "the number of DMA segments; 0 on failure",
                of("dev", ValueType.DEVICE), of("sgt", ValueType.SG_TABLE), of("nents", ValueType.INT), sym("dir", DIRS)),
                (st, a) -> {
                    SgTable sg = (SgTable) a.get(1).ref();
                    sg.mapping = st.sys.dma.mapSg(Args.dev(a, 0), sg.elements, Args.dir(a, 3));
                    st.explain(sg.mapping.mappedEnts() + " DMA segment(s)");
                    return Value.of(ValueType.INT, sg.mapping.mappedEnts());
                });
        t.define(sig("dma_unmap_sg", ValueType.VOID, "dma_unmap_sg(dev, sgl, nents, dir)", "every segment unmapped",
                of("dev", ValueType.DEVICE), of("sgt", ValueType.SG_TABLE), of("nents", ValueType.INT), sym("dir", DIRS)),
                (st, a) -> {
                    SgTable sg = (SgTable) a.get(1).ref();
                    if (sg.mapping != null) st.sys.dma.unmapSg(Args.dev(a, 0), sg.mapping, (int) Args.num(a, 2), Args.dir(a, 3));
                    return Value.VOID;
                });
        for (String fn : new String[] {"dma_sync_sg_for_cpu", "dma_sync_sg_for_device"}) {
            boolean forCpu = fn.endsWith("cpu");
            t.define(sig(fn, ValueType.VOID, fn + "(dev, sgl, nents, dir)", "as the single variants, per segment",
                    of("dev", ValueType.DEVICE), of("sgt", ValueType.SG_TABLE), of("nents", ValueType.INT), sym("dir", DIRS)),
                    (st, a) -> {
                        SgTable sg = (SgTable) a.get(1).ref();
                        if (sg.mapping != null) st.sys.dma.syncSg(Args.dev(a, 0), sg.mapping, (int) Args.num(a, 2), Args.dir(a, 3), forCpu);
                        return Value.VOID;
                    });
        }
        t.define(sig("dma_alloc_coherent", ValueType.COHERENT, "dma_alloc_coherent(dev, size, &dma_handle, GFP_KERNEL)",
                "a CPU buffer and its DMA address, mapped bidirectional; usable as both", of("dev", ValueType.DEVICE),
                of("size", ValueType.INT)),
                (st, a) -> {
                    DmaApi.Coherent c = st.sys.dma.allocCoherent(Args.dev(a, 0), st.bindName(), Args.num(a, 1));
                    if (c == null) {
                        st.explain("allocation failed");
                        return Value.of(ValueType.COHERENT, DmaApi.DMA_MAPPING_ERROR, null);
                    }
                    st.explain(String.format("%s, dma 0x%x", c.cpu().describe(), c.dmaAddr()));
                    return Value.of(ValueType.COHERENT, c.dmaAddr(), c);
                });
        t.define(sig("dma_free_coherent", ValueType.VOID, "dma_free_coherent(dev, size, cpu_addr, dma_handle)",
                "unmapped and freed", of("dev", ValueType.DEVICE), of("size", ValueType.INT), of("coherent", ValueType.COHERENT)),
                (st, a) -> {
                    if (a.get(2).ref() instanceof DmaApi.Coherent c) {
                        st.sys.dma.freeCoherent(Args.dev(a, 0), Args.num(a, 1), c.cpu(), c.dmaAddr());
                    }
                    return Value.VOID;
                });
        for (String fn : new String[] {"dma_set_mask", "dma_set_mask_and_coherent"}) {
            t.define(sig(fn, ValueType.INT, fn + "(dev, DMA_BIT_MASK(bits))", "0; -EIO when the mask cannot be supported",
                    of("dev", ValueType.DEVICE), of("bits", ValueType.INT)),
                    (st, a) -> IommuCalls.ret(st, st.sys.dma.setMask(Args.dev(a, 0), (int) Args.num(a, 1))));
        }
    }

    private static Value addr(RunState st, Device dev, long addr) {
        if (addr == DmaApi.DMA_MAPPING_ERROR) {
            st.explain("DMA_MAPPING_ERROR");
        } else {
            DmaMapping m = st.sys.dma.find(dev, addr);
            st.explain(String.format("dma 0x%x%s", addr, m == null ? "" : " -> PA 0x%x%s".formatted(m.devicePhys(),
                    m.isBounced() ? " (swiotlb bounce slot for PA 0x%x)".formatted(m.phys()) : "")));
        }
        return Value.of(ValueType.DMA_ADDR, addr, dev);
    }

}

package org.dmaworkbench.runtime.dma;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;
import org.dmaworkbench.runtime.sim.SimContext;

/**
 * dma-direct ({@code dma_direct_map_page} in kernel/dma/direct.h): no IOMMU or an identity domain,
 * the DMA address is the physical address; when {@code dma_capable()} fails for the device's mask
 * the buffer is bounced through swiotlb. Live mappings are kept per device for lookups.
 */
public final class DmaDirect {
    private final SimContext ctx;
    private final Swiotlb swiotlb;
    private final Map<Device, TreeMap<Long, DmaMapping>> live = new HashMap<>();

    public DmaDirect(SimContext ctx, Swiotlb swiotlb) {
        this.ctx = ctx;
        this.swiotlb = swiotlb;
    }

    /** {@code dma_direct_map_page()}: the mapping, or null when neither the buffer nor a bounce slot is addressable. */
    DmaMapping map(Device dev, Allocation buf, long offset, long phys, long size, DmaDirection dir, DmaMapping.Type type) {
        ctx.charge(ctx.cost.directMapNs());
        long bounce = -1;
        long addr = phys;
        if (Long.compareUnsigned(phys + size - 1, dev.dmaMask()) > 0) {
            // dma_capable() fails: swiotlb_map
            if (swiotlb == null) return null;
            bounce = swiotlb.mapSingle(size, 0);
            if (bounce < 0 || Long.compareUnsigned(bounce + size - 1, dev.dmaMask()) > 0) return null;
            swiotlb.copy(size); // swiotlb_tbl_map_single copies in for every direction (info-leak fix)
            addr = bounce;
        }
        DmaMapping m = new DmaMapping(dev, type, addr, size, dir, buf, offset, phys, bounce, 0, 0, ctx.step());
        live.computeIfAbsent(dev, d -> new TreeMap<>()).put(addr, m);
        return m;
    }

    /** {@code dma_direct_unmap_page()}: forgets the mapping at {@code dmaAddr} (bounce slots are the caller's). */
    void unmap(Device dev, long dmaAddr) {
        TreeMap<Long, DmaMapping> t = live.get(dev);
        if (t != null) t.remove(dmaAddr);
    }

    /** The live mapping of {@code dev} containing {@code dmaAddr}, or null. */
    DmaMapping find(Device dev, long dmaAddr) {
        TreeMap<Long, DmaMapping> t = live.get(dev);
        if (t == null) return null;
        Map.Entry<Long, DmaMapping> e = t.floorEntry(dmaAddr);
        return e != null && dmaAddr < e.getKey() + Math.max(1, e.getValue().size()) ? e.getValue() : null;
    }

    /** Live mappings of a device (for tests and reports). */
    int mappings(Device dev) {
        TreeMap<Long, DmaMapping> t = live.get(dev);
        return t == null ? 0 : t.size();
    }
}

package org.dmaworkbench.runtime.dma;

import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * One live streaming or coherent DMA mapping as the DMA API handed it out: what buffer, which
 * bytes, which direction, where the device sees it and, for untrusted devices, the swiotlb slot.
 * The simulator's counterpart of the state dma-iommu.c and dma-debug keep per mapping.
 */
public final class DmaMapping {
    public enum Type { SINGLE, PAGE, SG, COHERENT, RESOURCE, KVA }

    private final Device device;
    private final Type type;
    private final long dmaAddr;
    private final long size;
    private final DmaDirection dir;
    private final Allocation buffer;
    private final long offset;
    private final long phys;
    private final long bouncePhys;
    private final long iovaPfn;
    private final long iovaPages;
    private final int step;
    private boolean unmapped;
    private int unmappedAtStep = -1;
    /** The CPU wrote the original buffer after the last copy into the bounce slot. */
    boolean origDirty;
    /** The device wrote the bounce slot after the last copy back to the original buffer. */
    boolean bounceDirty;

    DmaMapping(Device device, Type type, long dmaAddr, long size, DmaDirection dir, Allocation buffer, long offset, long phys,
               long bouncePhys, long iovaPfn, long iovaPages, int step) {
        this.device = device;
        this.type = type;
        this.dmaAddr = dmaAddr;
        this.size = size;
        this.dir = dir;
        this.buffer = buffer;
        this.offset = offset;
        this.phys = phys;
        this.bouncePhys = bouncePhys;
        this.iovaPfn = iovaPfn;
        this.iovaPages = iovaPages;
        this.step = step;
    }

    public Device device() { return device; }
    public Type type() { return type; }
    public long dmaAddr() { return dmaAddr; }
    public long size() { return size; }
    public DmaDirection dir() { return dir; }
    public Allocation buffer() { return buffer; }
    public long offset() { return offset; }
    /** Physical address of the original buffer. */
    public long phys() { return phys; }
    /** Physical address the device really reaches: the bounce slot when bounced. */
    public long devicePhys() { return bouncePhys >= 0 ? bouncePhys : phys; }
    public boolean isBounced() { return bouncePhys >= 0; }
    public long bouncePhys() { return bouncePhys; }
    public long iovaPfn() { return iovaPfn; }
    public long iovaPages() { return iovaPages; }
    public int step() { return step; }
    public boolean isUnmapped() { return unmapped; }
    public boolean isOrigDirty() { return origDirty; }
    public boolean isBounceDirty() { return bounceDirty; }
    public int unmappedAtStep() { return unmappedAtStep; }

    void markUnmapped(int s) {
        unmapped = true;
        unmappedAtStep = s;
    }

    /** "dma_map_single of kmalloc 'buf' (64 bytes ...) DMA_TO_DEVICE at step 7". */
    public String describe() {
        return type.name().toLowerCase() + " mapping of " + (buffer != null ? buffer.describe() : String.format("pa 0x%x", phys))
                + " " + dir.kernelName() + " at line " + step;
    }
}

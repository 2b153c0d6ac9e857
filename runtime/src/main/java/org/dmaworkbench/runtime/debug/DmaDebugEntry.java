package org.dmaworkbench.runtime.debug;

import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * One tracked mapping or coherent allocation; models {@code struct dma_debug_entry} (kernel/dma/debug.c).
 * The kernel's {@code pfn}/{@code offset} pair is kept as the physical address {@link #paddr()}.
 */
public final class DmaDebugEntry {

    /** L1_CACHE_SHIFT on x86-64: cachelines of 64 bytes. */
    public static final int L1_CACHE_SHIFT = 6;

    private final EntryType type;
    private final DebugDevice device;
    private final long devAddr;
    private final long size;
    private final DmaDirection direction;
    private final long paddr;
    private final long cpuAddr;
    private final int sgCallEnts;
    private final int sgMappedEnts;
    private final boolean physKnown;
    private final long origin;
    private MapErrType mapErrType;

    DmaDebugEntry(EntryType type, DebugDevice device, long devAddr, long size, DmaDirection direction,
                  long paddr, long cpuAddr, int sgCallEnts, int sgMappedEnts, MapErrType mapErrType) {
        this(type, device, devAddr, size, direction, paddr, cpuAddr, sgCallEnts, sgMappedEnts, mapErrType, true, 0);
    }

    DmaDebugEntry(EntryType type, DebugDevice device, long devAddr, long size, DmaDirection direction,
                  long paddr, long cpuAddr, int sgCallEnts, int sgMappedEnts, MapErrType mapErrType,
                  boolean physKnown, long origin) {
        this.type = type;
        this.device = device;
        this.devAddr = devAddr;
        this.size = size;
        this.direction = direction;
        this.paddr = paddr;
        this.cpuAddr = cpuAddr;
        this.sgCallEnts = sgCallEnts;
        this.sgMappedEnts = sgMappedEnts;
        this.mapErrType = mapErrType;
        this.physKnown = physKnown;
        this.origin = origin;
    }

    /** Which API call created it. */
    public EntryType type() { return type; }

    /** The {@code dev} argument of the mapping call. */
    public DebugDevice device() { return device; }

    /** The DMA address returned to the driver. */
    public long devAddr() { return devAddr; }

    /** Length of the mapping (for sg: {@code sg_dma_len()} of this segment). */
    public long size() { return size; }

    /** Mapping direction (BIDIRECTIONAL for coherent allocations). */
    public DmaDirection direction() { return direction; }

    /** Physical address of the start ({@code pfn << PAGE_SHIFT | offset}). */
    public long paddr() { return paddr; }

    /** CPU virtual address of a coherent allocation (0 for other types). */
    public long cpuAddr() { return cpuAddr; }

    /** {@code nents} passed to dma_map_sg() (0 for other types). */
    public int sgCallEnts() { return sgCallEnts; }

    /** Number of DMA segments dma_map_sg() returned (0 for other types). */
    public int sgMappedEnts() { return sgMappedEnts; }

    /**
     * False when the caller did not know the physical address (a replayed {@code dma_alloc} event prints
     * none): such an entry takes no part in cacheline tracking, and {@link #paddr()} holds what the caller had.
     */
    public boolean physKnown() { return physKnown; }

    /** The caller's tag of the call that created the entry ({@link DmaDebug#setOrigin}; a capture's line), 0 when unset. */
    public long origin() { return origin; }

    /** Whether dma_mapping_error() was called. */
    public MapErrType mapErrType() { return mapErrType; }

    void setMapErrType(MapErrType t) { this.mapErrType = t; }

    /** {@code to_cacheline_number()}: the physical cacheline of the start. */
    public long cacheline() { return paddr >>> L1_CACHE_SHIFT; }

    /** A line in the form of debugfs {@code dma-api/dump} ({@code dump_show()}). */
    public String dumpLine() {
        return KernelFormat.format("%s %s %s P=%llx D=%llx L=%llx cln=%pa %s %s",
                device.driverString(), device.device(), type.kernelName(), paddr, devAddr, size, cacheline(),
                direction.kernelName(), mapErrType.kernelText());
    }

    @Override
    public String toString() {
        return dumpLine();
    }
}

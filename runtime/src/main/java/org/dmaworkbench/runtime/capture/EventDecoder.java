package org.dmaworkbench.runtime.capture;

/**
 * Decodes the fields of a known event (by name, {@link EventFields}) into a {@link TraceEvent}; the field
 * lists are those of the TP_printk formats in include/trace/events/dma.h and iommu.h (see {@link TraceEventType}).
 */
final class EventDecoder {
    private final EventFields f = new EventFields();

    /**
     * Decodes {@code line}'s body (from {@code bodyStart}) as {@code type} into {@code e}; returns false when
     * the line is not that event after all (an iommu "map"/"unmap" of another system, without "IOMMU:").
     */
    boolean decode(TraceEventType type, String line, int bodyStart, TraceEvent e) throws BadEvent {
        f.reset(line, bodyStart);
        e.type = type;
        e.driver = null;
        e.dmaAddrs = e.sizes = e.physAddrs = null;
        e.truncated = false;
        e.attrs = 0;
        if (type.isIommu()) return iommu(type, line, bodyStart, e);
        e.device = f.firstWord();
        f.from(f.afterFirstWord());
        switch (type.shape()) {
            case MAP -> {
                e.dir = f.dir();
                e.dmaAddr = f.hex("dma_addr=");
                e.size = f.dec("size=");
                e.phys = f.hex("phys_addr=");
                e.attrs = f.attrs();
            }
            case UNMAP -> {
                e.dir = f.dir();
                e.dmaAddr = f.hex("dma_addr=");
                e.size = f.dec("size=");
                e.attrs = f.attrs();
            }
            case ALLOC, FREE -> {
                e.dir = f.dirOrBidirectional();
                e.dmaAddr = f.hex("dma_addr=");
                e.size = f.dec("size=");
                e.virt = pointer("virt_addr=");
                e.attrs = f.attrs();
            }
            case ALLOC_SGT, FREE_SGT -> {
                e.dir = f.dir();
                e.dmaAddr = f.hex("dma_addr=");
                e.size = f.dec("size=");
                e.physAddrs = f.array("phys_addrs=");
                e.attrs = f.attrs();
            }
            case MAP_SG -> mapSg(e);
            case MAP_SG_ERR -> {
                e.dir = f.dir();
                e.physAddrs = f.array("dma_addrs=");
                e.flags = f.dec("err=");
                e.attrs = f.attrs();
            }
            case UNMAP_SG -> {
                e.dir = f.dir();
                e.physAddrs = f.array("phys_addrs=");
                e.attrs = f.attrs();
                if (e.physAddrs.length == 0) throw new BadEvent("phys_addrs={} is empty");
            }
            case SYNC_SINGLE -> {
                e.dir = f.dir();
                e.dmaAddr = f.hex("dma_addr=");
                e.size = f.dec("size=");
            }
            case SYNC_SG -> {
                e.dir = f.dir();
                e.dmaAddrs = f.array("dma_addrs=");
                e.sizes = f.array("sizes=");
                if (e.dmaAddrs.length != e.sizes.length) {
                    throw new BadEvent(e.dmaAddrs.length + " dma_addrs but " + e.sizes.length + " sizes");
                }
            }
            default -> throw new IllegalStateException(type.toString());
        }
        return true;
    }

    /** dma_map_sg, with (newer kernels, after the dma_map_phys rename) or without {@code nents=N/M ents=N/M} and {@code [TRUNCATED]}. */
    private void mapSg(TraceEvent e) throws BadEvent {
        e.dir = f.dir();
        e.dmaAddrs = f.array("dma_addrs=");
        e.sizes = f.array("sizes=");
        e.physAddrs = f.array("phys_addrs=");
        e.attrs = f.attrs();
        if (e.dmaAddrs.length != e.sizes.length) {
            throw new BadEvent(e.dmaAddrs.length + " dma_addrs but " + e.sizes.length + " sizes");
        }
        e.truncated = f.hasWord("[TRUNCATED]");
        e.nents = f.has("nents=") ? f.fullCount("nents=") : e.physAddrs.length;
        e.ents = f.has("ents=") ? f.fullCount("ents=") : e.dmaAddrs.length;
        if (e.physAddrs.length == 0 || e.dmaAddrs.length == 0) throw new BadEvent("a dma_map_sg with no segment");
        if (e.ents > e.nents || e.dmaAddrs.length > e.physAddrs.length) {
            throw new BadEvent("more DMA segments than scatterlist entries");
        }
        if (!e.truncated && (e.nents != e.physAddrs.length || e.ents != e.dmaAddrs.length)) {
            throw new BadEvent("nents/ents do not match the arrays (and no [TRUNCATED])");
        }
    }

    private boolean iommu(TraceEventType type, String line, int bodyStart, TraceEvent e) throws BadEvent {
        if (!line.startsWith("IOMMU:", bodyStart)) return false;
        int after = bodyStart + 6;
        f.from(after);
        e.device = null;
        switch (type.shape()) {
            case IOMMU_GROUP -> {
                e.flags = f.dec("groupID=");
                e.device = word("device=");
            }
            case IOMMU_DEVICE -> e.device = word("device=");
            case IOMMU_MAP -> {
                e.iova = f.hex("iova=");
                e.phys = f.hex("paddr=");
                e.size = f.dec("size=");
            }
            case IOMMU_UNMAP -> {
                e.iova = f.hex("iova=");
                e.size = f.dec("size=");
                e.unmappedSize = f.dec("unmapped_size=");
            }
            case IO_PAGE_FAULT -> pageFault(line, after, e);
            default -> throw new IllegalStateException(type.toString());
        }
        return true;
    }

    /** {@code IOMMU:DRIVER DEVICE iova=... flags=...}; DRIVER may be empty ("IOMMU: DEVICE ..."). */
    private void pageFault(String line, int after, TraceEvent e) throws BadEvent {
        f.reset(line, after);
        if (after < line.length() && line.charAt(after) != ' ') {
            e.driver = f.firstWord();
            f.from(f.afterFirstWord());
        } else {
            int i = after;
            while (i < line.length() && line.charAt(i) == ' ') i++;
            e.driver = "";
            f.from(i);
        }
        e.device = f.firstWord();
        if (e.device.startsWith("iova=")) throw new BadEvent("no device name before iova=");
        f.from(f.afterFirstWord());
        e.iova = f.hex("iova=");
        e.flags = f.hex("flags=");
    }

    private long pointer(String key) throws BadEvent {
        // before the pointer-hashing key is ready the kernel prints "(____ptrval____)": a pointer, value unknown
        if (f.has(key + "(")) return -1;
        return f.hex(key);
    }

    private String word(String key) throws BadEvent {
        if (!f.has(key)) throw new BadEvent("no " + key + " field");
        return f.wordAfter(key);
    }
}

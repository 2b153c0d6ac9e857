package org.dmaworkbench.runtime.capture;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dmaworkbench.runtime.debug.DmaDebug;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.dmaworkbench.runtime.sim.DmaDirection;

/**
 * The statements of {@link ScenarioWriter}: each event as the kernel call it traces, handles for the mappings
 * (by the capture's DMA address: the simulator picks its own), expectations from the capture's verdicts.
 * Not written (a comment says why): events whose verdict is uncertain, unmaps and syncs of mappings the capture
 * does not show, the iommu map/unmap events (the simulated IOMMU maps by itself), and what the language cannot
 * express: dma_unmap_resource of a page mapping, a coherent free with another CPU address, the error cookie.
 */
final class ScenarioSteps implements CaptureSink {
    /** Verdicts a scenario cannot reproduce. */
    private static final Set<DmaDebugCheck> INEXPRESSIBLE = EnumSet.of(DmaDebugCheck.FREE_WRONG_FUNCTION,
            DmaDebugCheck.FREE_DIFFERENT_CPU_ADDRESS, DmaDebugCheck.FREE_INVALID_ADDRESS);

    /** A mapping as the scenario names it. */
    private record Handle(String name, long addr, long size) { }

    private static final class Dev {
        final String name;
        final TreeMap<Long, Handle> live = new TreeMap<>(Long::compareUnsigned);
        final Map<Long, Handle> unmapped = new HashMap<>();
        final Map<Long, Handle> coherent = new HashMap<>();
        final Map<Long, Handle> sgByPhys = new HashMap<>();
        final Map<Long, Handle> sgByDma = new HashMap<>();

        Dev(String name) { this.name = name; }
    }

    private final Map<Long, List<CaptureFinding>> verdicts;
    private final ScenarioWriter.Options options;
    private final Map<String, Dev> devs = new HashMap<>();
    final StringBuilder body = new StringBuilder();
    final Map<Long, String> omitted = new LinkedHashMap<>();
    final Map<String, String> newDevices = new LinkedHashMap<>();
    final List<String> probed = new ArrayList<>();
    long maxPhys;
    int steps;
    private boolean stopped;

    ScenarioSteps(Map<Long, List<CaptureFinding>> verdicts, ScenarioWriter.Options options) {
        this.verdicts = verdicts;
        this.options = options;
    }

    @Override public void lost(long line, int cpu, long count) {
        body.append("    // line ").append(line).append(": CPU ").append(cpu).append(" lost ").append(count < 0 ? "some" : count)
                .append(" events here\n");
    }

    @Override public void warning(long line, String message) { }

    @Override
    public void event(TraceEvent e, long line) {
        if (stopped) return;
        if (steps >= ScenarioWriter.MAX_STEPS) {
            stopped = true;
            body.append("    // stopped after ").append(ScenarioWriter.MAX_STEPS).append(" steps, at line ").append(line).append('\n');
            return;
        }
        if (e.type.isIommu() && e.type != TraceEventType.IO_PAGE_FAULT) return;
        Dev d = dev(e.device);
        if (d == null) {
            omit(line, "the device " + e.device + " has no PCI BDF the language can declare");
            return;
        }
        List<CaptureFinding> fs = verdicts.getOrDefault(line, List.of());
        for (CaptureFinding f : fs) {
            if (f.relatedLine() > 0 && omitted.containsKey(f.relatedLine())) {
                omit(line, "its verdict depends on line " + f.relatedLine() + ", which is not written");
                return;
            }
            if (f.kind() == CaptureFinding.Kind.UNCERTAIN) {
                omit(line, "its verdict is uncertain in the capture (" + f.related() + ")");
                return;
            }
            if (f.check() != null && INEXPRESSIBLE.contains(f.check())) {
                omit(line, "the language cannot express it (" + f.check().fixedText() + ")");
                return;
            }
        }
        String expect = expectation(fs);
        String dir = e.dir == null ? null : "DMA_" + (e.dir == DmaDirection.NONE ? "BIDIRECTIONAL" : e.dir.name());
        switch (e.type) {
            case DMA_MAP_PAGE, DMA_MAP_PHYS, DMA_MAP_RESOURCE, DMA_ALLOC_PAGES -> {
                if (e.dmaAddr == DmaDebug.DMA_MAPPING_ERROR || (e.type == TraceEventType.DMA_ALLOC_PAGES && e.nullVirt())) {
                    omit(line, "a failed map: the simulator's map succeeds");
                    return;
                }
                if (e.type == TraceEventType.DMA_ALLOC_PAGES) {
                    omit(line, "dma_alloc_pages prints no physical address");
                    return;
                }
                String b = "b" + line;
                String a = "a" + line;
                phys(e.phys + e.size);
                stmt("buffer " + b + " = phys_buffer(0x" + Long.toHexString(e.phys) + ", " + e.size + ")", null, line, null);
                stmt("dma_addr " + a + " = dma_map_page(" + d.name + ", " + b + ", 0, " + e.size + ", " + dir + ")", expect, line,
                        e.type == TraceEventType.DMA_MAP_RESOURCE ? "dma_map_resource, written as dma_map_page" : e.type.traceName());
                stmt("dma_mapping_error(" + d.name + ", " + a + ")", null, line, "the capture cannot show it: assumed checked");
                Handle h = new Handle(a, e.dmaAddr, e.size);
                d.live.put(e.dmaAddr, h);
                d.unmapped.remove(e.dmaAddr);
            }
            case DMA_UNMAP_PAGE, DMA_UNMAP_PHYS, DMA_UNMAP_RESOURCE, DMA_FREE_PAGES -> {
                Handle h = d.live.remove(e.dmaAddr);
                if (h == null) h = d.unmapped.get(e.dmaAddr);
                if (h == null) {
                    omit(line, "the capture does not show its map");
                    return;
                }
                d.unmapped.put(e.dmaAddr, h);
                stmt("dma_unmap_page(" + d.name + ", " + h.name + ", " + e.size + ", " + dir + ")", expect, line, e.type.traceName());
            }
            case DMA_ALLOC -> {
                if (e.nullVirt()) {
                    omit(line, "a failed allocation");
                    return;
                }
                String c = "c" + line;
                stmt("coherent_buf " + c + " = dma_alloc_coherent(" + d.name + ", " + e.size + ")", expect, line, "dma_alloc");
                d.coherent.put(e.dmaAddr, new Handle(c, e.dmaAddr, e.size));
            }
            case DMA_FREE -> {
                Handle h = d.coherent.remove(e.dmaAddr);
                if (h == null) {
                    omit(line, "the capture does not show its dma_alloc");
                    return;
                }
                stmt("dma_free_coherent(" + d.name + ", " + e.size + ", " + h.name + ")", expect, line, "dma_free");
            }
            case DMA_MAP_SG -> mapSg(d, e, line, expect, dir);
            case DMA_UNMAP_SG -> {
                Handle t = d.sgByPhys.get(e.physAddrs[0]);
                if (t == null) {
                    omit(line, "the capture does not show its dma_map_sg");
                    return;
                }
                stmt("dma_unmap_sg(" + d.name + ", " + t.name + ", " + e.physAddrs.length + ", " + dir + ")", expect, line, "dma_unmap_sg");
            }
            case DMA_SYNC_SINGLE_FOR_CPU, DMA_SYNC_SINGLE_FOR_DEVICE -> {
                String ref = reference(d, e.dmaAddr);
                if (ref == null) {
                    omit(line, "the capture does not show the mapping it syncs");
                    return;
                }
                stmt(e.type.traceName() + "(" + d.name + ", " + ref + ", " + e.size + ", " + dir + ")", expect, line, null);
            }
            case DMA_SYNC_SG_FOR_CPU, DMA_SYNC_SG_FOR_DEVICE -> {
                Handle t = e.dmaAddrs.length == 0 ? null : d.sgByDma.get(e.dmaAddrs[0]);
                if (t == null) {
                    omit(line, "the capture does not show the scatterlist it syncs");
                    return;
                }
                stmt(e.type.traceName() + "(" + d.name + ", " + t.name + ", " + e.dmaAddrs.length + ", " + dir + ")", expect, line, null);
            }
            case IO_PAGE_FAULT -> {
                String ref = reference(d, e.iova);
                if (ref == null) ref = "0x" + Long.toHexString(e.iova);
                stmt("dma " + d.name + " " + (e.faultIsWrite() ? "write " : "read ") + ref + " len 4", "expect fault", line,
                        "io_page_fault");
            }
            default -> omit(line, e.type.traceName() + " has no call in the language");
        }
    }

    private void mapSg(Dev d, TraceEvent e, long line, String expect, String dir) {
        long total = 0;
        for (long s : e.sizes) total += s;
        String b = "b" + line;
        String t = "t" + line;
        // the pieces lie in the first segment's page (a cacheline each up to 64 entries): the capture's other
        // segments may be any pages, some of them other buffers' neighbours
        long size = e.nents <= 64 ? e.nents * 64L : 4096;
        phys(e.physAddrs[0] + size);
        stmt("buffer " + b + " = phys_buffer(0x" + Long.toHexString(e.physAddrs[0]) + ", " + size + ")", null, line,
                "the scatterlist's " + e.nents + " entries as pieces of its first page (" + total + " bytes were mapped)");
        stmt("sg_table " + t + " = sg_alloc_table(" + b + ", " + e.nents + ")", null, line, null);
        stmt("dma_map_sg(" + d.name + ", " + t + ", " + e.nents + ", " + dir + ")", expect, line, "dma_map_sg");
        Handle h = new Handle(t, e.dmaAddrs[0], total);
        d.sgByPhys.put(e.physAddrs[0], h);
        d.sgByDma.put(e.dmaAddrs[0], h);
    }

    /** The scenario's name for a capture address: a live mapping's handle (+ offset), else the last unmapped one's. */
    private static String reference(Dev d, long addr) {
        Map.Entry<Long, Handle> live = d.live.floorEntry(addr);
        Handle h = live != null && Long.compareUnsigned(addr - live.getKey(), live.getValue().size) < 0 ? live.getValue() : null;
        if (h == null) {
            for (Handle u : d.unmapped.values()) {
                if (Long.compareUnsigned(addr - u.addr, u.size) < 0 && (h == null || u.name.compareTo(h.name) > 0)) h = u;
            }
        }
        if (h == null) return null;
        long off = addr - h.addr;
        return off == 0 ? h.name : h.name + " + " + off;
    }

    private static String expectation(List<CaptureFinding> fs) {
        for (CaptureFinding f : fs) {
            if (f.kind() == CaptureFinding.Kind.VIOLATION && f.check() != null) {
                return "expect dma-debug \"" + f.check().fixedText() + "\"";
            }
        }
        for (CaptureFinding f : fs) if (f.kind() == CaptureFinding.Kind.FAULT) return "expect fault";
        return null;
    }

    private void stmt(String s, String expect, long line, String note) {
        steps++;
        body.append("    ").append(s);
        if (expect != null) body.append("    ").append(expect);
        body.append("    // line ").append(line);
        if (note != null) body.append(": ").append(note);
        body.append('\n');
    }

    private void omit(long line, String why) {
        omitted.put(line, why);
        body.append("    // line ").append(line).append(": not written: ").append(why).append('\n');
    }

    private void phys(long end) {
        if (Long.compareUnsigned(end, maxPhys) > 0) maxPhys = end;
    }

    private Dev dev(String device) {
        Dev d = devs.get(device);
        if (d != null) return d;
        String name = options.devices().get(device);
        if (name == null) {
            if (!DeviceState.looksPci(device)) return null;
            String bdf = device.length() == 7 ? "0000:" + device : device;
            name = "d_" + bdf.replace(':', '_').replace('.', '_');
            newDevices.put(bdf, name);
        }
        d = new Dev(name);
        devs.put(device, d);
        probed.add(name);
        return d;
    }
}

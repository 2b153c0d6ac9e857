package org.dmaworkbench.runtime.state;

import java.util.List;
import java.util.function.Function;

/**
 * The text form of an {@link IommuState} and a {@link StateDiff}, indented under a step's line
 * ({@code ./dmas run --state}, the text report): per device, per domain (page table as a tree by
 * level, then the mappings with what they are for, IOTLB, flush queue, IOVA allocator), swiotlb. Lists
 * longer than {@link #SHOWN} are cut with "… N more" (the JSON form has every entry). The one-line
 * forms of the entries are also what {@link StateDiff} compares.
 */
public final class StateText {
    /** Entries shown per list. */
    public static final int SHOWN = 32;

    private StateText() { }

    public static String render(IommuState s, String indent) {
        StringBuilder b = new StringBuilder();
        b.append(indent).append("IOMMU state after line ").append(s.line()).append(" (t=").append(ms(s.timeNs())).append(")\n");
        String i1 = indent + "  ", i2 = i1 + "  ", i3 = i2 + "  ";
        for (DeviceState d : s.devices()) {
            b.append(i1).append(deviceLine(d)).append('\n');
            if (d.group() == null) continue;
            each(b, i2, "PASID table", d.pasidTable(), StateText::line);
            if (d.ats()) each(b, i2, "ATC", d.deviceTlb(), StateText::line);
            if (s.dmaDebugEnabled()) each(b, i2, "dma-debug", d.dmaDebug(), StateText::line);
        }
        for (DomainState d : s.domains()) {
            b.append(i1).append(domainLine(d)).append('\n');
            if (d.pageTable() != null) {
                IoPageTableState pt = d.pageTable();
                b.append(i2).append("page table (").append(pt.levels()).append(" levels): ").append(count(pt.mappings().size(), "mapping"))
                        .append(", ").append(size(pt.liveBytes())).append('\n');
                if (!pt.mappings().isEmpty()) tree(b, i3, pt.root(), new int[] {0});
                each(b, i2, "mappings", pt.mappings(), StateText::line);
            }
            if (d.sharedTable() != null) {
                b.append(i2).append("walks the CPU page table of ").append(d.sharedTable()).append(" (no IO page table)\n");
                if (!d.kvaMapped().isEmpty()) each(b, i2, "iommu_map_kva (nothing mapped)", d.kvaMapped(), x -> x);
            }
            each(b, i2, "IOTLB", d.iotlb(), StateText::line);
            if (d.flushQueue() != null) {
                FlushQueueState fq = d.flushQueue();
                b.append(i2).append("flush queue: ").append(count(fq.entries().size(), "entry", "entries"))
                        .append(fq.nextFlushInNs() == null ? ", no timer armed" : ", timer fires in " + ms(fq.nextFlushInNs()))
                        .append(" (").append(fq.ringSize()).append("-slot rings, ").append(ms(fq.timeoutNs())).append(" timeout")
                        .append(fq.lastFlushLine() < 0 ? "" : ", last flush at line " + fq.lastFlushLine()).append(")\n");
                int n = 0;
                for (FlushQueueState.Entry e : fq.entries()) {
                    if (n++ == SHOWN) {
                        b.append(i3).append("… ").append(fq.entries().size() - SHOWN).append(" more\n");
                        break;
                    }
                    b.append(i3).append(line(e)).append(", queued ").append(ms(e.ageNs())).append(" ago\n");
                }
            }
            if (d.iova() != null) {
                IovaSpaceState v = d.iova();
                b.append(i2).append("IOVA allocator [").append(Hex.of(v.start())).append(", ").append(Hex.of(v.end())).append("]: ")
                        .append(count(v.livePages(), "page")).append(" allocated, ").append(count(v.cachedRanges(), "range"))
                        .append(" in the rcache\n");
                each(b, i3, null, v.allocated(), StateText::line);
            }
        }
        if (s.swiotlb() != null) {
            SwiotlbState w = s.swiotlb();
            b.append(i1).append("swiotlb: ").append(w.usedSlots()).append(" of ").append(w.slots()).append(" slots in use\n");
            each(b, i2, null, w.runs(), StateText::line);
        }
        return b.toString();
    }

    public static String render(StateDiff d, String indent) {
        StringBuilder b = new StringBuilder();
        b.append(indent).append(d.isEmpty() ? "nothing changed" : "changed").append(" since line ").append(d.fromLine()).append('\n');
        int n = 0;
        for (StateChange c : d.changes()) {
            if (n++ == SHOWN * 4) {
                b.append(indent).append("  … ").append(d.changes().size() - SHOWN * 4).append(" more\n");
                break;
            }
            String mark = switch (c.kind()) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case CHANGED -> "~ ";
                case BECAME_STALE -> "! ";
            };
            b.append(indent).append("  ").append(mark).append(c.section()).append(": ")
                    .append(c.after() != null ? c.after() : c.before());
            if (c.kind() == StateChange.Kind.CHANGED) b.append("  (was: ").append(c.before()).append(')');
            b.append('\n');
        }
        return b.toString();
    }

    private static void tree(StringBuilder b, String indent, PageTableNode n, int[] shown) {
        if (shown[0]++ >= SHOWN) {
            if (shown[0] == SHOWN + 1) b.append(indent).append("… more tables\n");
            return;
        }
        b.append(indent).append('L').append(n.level()).append(' ').append(Hex.of(n.iova())).append(" (").append(size(n.span())).append(')');
        if (!n.leaves().isEmpty()) {
            b.append(": ");
            int k = 0;
            for (PageTableNode.LeafRun r : n.leaves()) {
                if (k++ > 0) b.append(", ");
                if (k > 4) {
                    b.append("… ").append(n.leaves().size() - 4).append(" more runs");
                    break;
                }
                b.append(Hex.of(r.iova())).append(' ').append(r.pages()).append(" × ").append(size(r.pageSize())).append(' ').append(r.prot());
            }
        }
        b.append('\n');
        for (PageTableNode c : n.tables()) tree(b, indent + "  ", c, shown);
    }

    private static <T> void each(StringBuilder b, String indent, String title, List<T> l, Function<T, String> line) {
        String inner = indent;
        if (title != null) {
            b.append(indent).append(title).append(": ").append(l.isEmpty() ? "empty" : String.valueOf(l.size())).append('\n');
            inner = indent + "  ";
        }
        int n = 0;
        for (T t : l) {
            if (n++ == SHOWN) {
                b.append(inner).append("… ").append(l.size() - SHOWN).append(" more\n");
                return;
            }
            b.append(inner).append(line.apply(t)).append('\n');
        }
    }

    // ------------------------------------------------------------------ one line per entry (also what a diff compares)

    public static String deviceLine(DeviceState d) {
        if (d.group() == null) return "device " + d.name() + " " + d.bdf() + ": no IOMMU (dma-direct)";
        return "device " + d.name() + " " + d.bdf() + " on " + d.iommu() + ", group " + d.group() + ": RID in domain " + d.domain()
                + ", default domain " + d.defaultDomain() + (d.ats() ? ", ATS on" : "") + (d.untrusted() ? ", untrusted" : "");
    }

    public static String domainLine(DomainState d) {
        return d.describe() + (d.iommu() == null ? "" : " on " + d.iommu())
                + (d.attachments().isEmpty() ? ", nothing attached" : ", attached: " + String.join(", ", d.attachments()));
    }

    public static String line(PasidEntryState p) {
        return "PASID " + p.pasid() + (p.pasid() == 0 ? " (RID)" : "") + " → domain " + p.domain() + " " + p.type()
                + (p.label() == null ? "" : " (" + p.label() + ")");
    }

    public static String line(IoMappingState m) {
        return Hex.of(m.iova()) + " +" + size(m.size()) + " → pa " + Hex.of(m.pa()) + " " + m.prot() + ", " + size(m.pageSize())
                + " pages, line " + m.line() + (m.owner() == null ? "" : ": " + m.owner());
    }

    public static String line(IotlbEntryState e) {
        return "PASID " + e.pasid() + " " + Hex.of(e.iova()) + " " + size(e.pageSize()) + " → pa " + Hex.of(e.pa()) + " " + e.prot()
                + " from " + e.source() + ", filled at line " + e.line() + (e.stale() ? ", STALE: " + e.staleWhy() : "");
    }

    public static String line(FlushQueueState.Entry e) {
        return "cpu " + e.cpu() + " " + Hex.of(e.iova()) + " +" + count(e.pages(), "page") + ", unmapped at line " + e.line();
    }

    public static String line(IovaSpaceState.Range r) { return Hex.of(r.iova()) + " +" + size(r.size()); }

    public static String line(SwiotlbState.Run r) {
        return "slots " + r.slot() + ".." + (r.slot() + r.count() - 1) + " at pa " + Hex.of(r.pa()) + (r.owner() == null ? "" : ": " + r.owner());
    }

    public static String line(DmaDebugEntryState e) {
        return e.type() + " " + Hex.of(e.dmaAddr()) + " +" + e.size() + " " + e.direction() + " pa " + Hex.of(e.paddr());
    }

    // ------------------------------------------------------------------ units

    /** "4 KiB", "2 MiB", "12288 bytes". */
    public static String size(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        if (bytes < 1024 || bytes % 1024 != 0) return bytes + " bytes";
        long v = bytes;
        int u = -1;
        while (v >= 1024 && v % 1024 == 0 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return v + " " + units[u];
    }

    static String ms(long ns) { return String.format(java.util.Locale.ROOT, "%.3f ms", ns / 1e6); }

    private static String count(long n, String one) { return count(n, one, one + "s"); }

    private static String count(long n, String one, String many) { return n + " " + (n == 1 ? one : many); }
}

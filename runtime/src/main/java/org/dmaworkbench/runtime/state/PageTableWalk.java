package org.dmaworkbench.runtime.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.dma.DmaMapping;
import org.dmaworkbench.runtime.iommu.IoMapping;
import org.dmaworkbench.runtime.iommu.IoPageTable;
import org.dmaworkbench.runtime.kva.KvaIntent;

/**
 * Reads a domain's {@link IoPageTable} into an {@link IoPageTableState}: the live mappings by IOVA,
 * and the tree of table pages a hardware walk goes through (512 entries a level, 4 KiB granule;
 * drivers/iommu/intel/iommu.c {@code pfn_to_dma_pte}, io-pgtable-arm.c {@code __arm_lpae_map}), the
 * leaves split as {@code iommu_pgsize()} wrote them. Addresses above the root's span (the kernel
 * addresses of the RFC's KVA strict mode) keep their upper bits.
 */
final class PageTableWalk {
    private static final int MAX_LEVELS = 5;

    private PageTableWalk() { }

    /** Table levels for an input width: 3 for 39 bits, 4 for 48, 5 for 57 ({@code agaw_to_level}). */
    static int levels(int addressWidth) {
        int w = addressWidth <= 0 || addressWidth > 57 ? 48 : addressWidth;
        return Math.max(1, Math.min(MAX_LEVELS, (w - 12 + 8) / 9));
    }

    /** Bytes one table of {@code level} translates: 2 MiB at level 1, 1 GiB at 2, 512 GiB at 3 … */
    static long span(int level) { return 1L << (12 + 9 * level); }

    static IoPageTableState read(IoPageTable pt, int addressWidth) {
        // sorted as primitives (unsigned: the sign bit flipped), then each mapping found again by its IOVA
        long[] keys = new long[pt.liveMappings()];
        int[] n = {0};
        pt.forEachMapping(m -> { if (n[0] < keys.length) keys[n[0]++] = m.iova() ^ Long.MIN_VALUE; });
        Arrays.sort(keys, 0, n[0]);
        List<IoMapping> live = new ArrayList<>(n[0]);
        for (int i = 0; i < n[0]; i++) live.add(pt.lookup(keys[i] ^ Long.MIN_VALUE));
        int levels = levels(addressWidth);
        Tree tree = new Tree(levels);
        List<IoMappingState> mappings = new ArrayList<>(live.size());
        Map<Object, String> owners = new HashMap<>();
        for (IoMapping m : live) {
            mappings.add(new IoMappingState(m.iova(), m.size(), m.pa(), m.pageSize(), IoMapping.protString(m.prot()), m.step(),
                    owner(m, owners)));
            tree.add(m);
        }
        return new IoPageTableState(levels, pt.liveBytes(), mappings, tree.root.build());
    }

    /** What made a DMA API mapping: mappings made alike (a loop over one buffer) share one description. */
    private record Made(Object buffer, DmaMapping.Type type, Object dir, int line, long phys) { }

    /** What a mapping is for, as the DMA API or the RFC's KVA strict mode made it; {@code seen} shares equal descriptions. */
    static String owner(IoMapping m, Map<Object, String> seen) {
        Object o = m.owner();
        if (o instanceof DmaMapping dm) {
            return seen.computeIfAbsent(new Made(dm.buffer(), dm.type(), dm.dir(), dm.step(), dm.buffer() == null ? dm.phys() : 0),
                    k -> dm.describe());
        }
        if (o instanceof KvaIntent k) return String.format("iommu_map_kva of 0x%x +%d at line %d", k.va(), k.size(), k.line());
        return o == null ? null : o.toString();
    }

    /** The table pages met so far, with the last level-1 table cached (mappings come in IOVA order). */
    private static final class Tree {
        final Node root;
        final Map<Long, Node>[] byLevel;
        Node lastTable;

        @SuppressWarnings("unchecked")
        Tree(int levels) {
            root = new Node(levels, 0, span(levels));
            byLevel = new Map[levels + 1];
            for (int i = 1; i <= levels; i++) byLevel[i] = new HashMap<>();
        }

        void add(IoMapping m) {
            long off = 0;
            while (off < m.size()) {
                long a = m.iova() + off;
                long pg = IoPageTable.leafSize(a, m.pa() + off, m.size() - off);
                int level = pg == IoPageTable.SZ_4K ? 1 : pg == IoPageTable.SZ_2M ? 2 : 3;
                Node table = table(level, a);
                // 4 KiB leaves up to the end of their table, or the next 2 MiB boundary, are all 4 KiB
                long end = pg == IoPageTable.SZ_4K ? Math.min(m.size(), ((a | (span(1) - 1)) + 1) - m.iova()) : off + pg;
                if (end <= off) end = m.size(); // the top of the address space
                table.leaf(a, (end - off) / pg, pg, m.pa() + off, IoMapping.protString(m.prot()), m.step());
                off = end;
            }
        }

        Node table(int level, long a) {
            if (level >= root.level) return root;
            long base = a & -span(level);
            if (level == 1 && lastTable != null && lastTable.iova == base) return lastTable;
            Node n = byLevel[level].get(base);
            if (n == null) {
                n = new Node(level, base, span(level));
                byLevel[level].put(base, n);
                table(level + 1, a).tables.add(n);
            }
            if (level == 1) lastTable = n;
            return n;
        }
    }

    private static final class Node {
        final int level;
        final long iova;
        final long span;
        final List<Node> tables = new ArrayList<>(2);
        final List<PageTableNode.LeafRun> leaves = new ArrayList<>(2);

        Node(int level, long iova, long span) {
            this.level = level;
            this.iova = iova;
            this.span = span;
        }

        void leaf(long a, long pages, long pageSize, long pa, String prot, int line) {
            if (!leaves.isEmpty()) {
                PageTableNode.LeafRun last = leaves.get(leaves.size() - 1);
                if (last.pageSize() == pageSize && last.line() == line && last.prot().equals(prot)
                        && last.iova() + last.pages() * pageSize == a && last.pa() + last.pages() * pageSize == pa) {
                    leaves.set(leaves.size() - 1, new PageTableNode.LeafRun(last.iova(), last.pages() + pages, pageSize, last.pa(), prot, line));
                    return;
                }
            }
            leaves.add(new PageTableNode.LeafRun(a, pages, pageSize, pa, prot, line));
        }

        PageTableNode build() {
            List<PageTableNode> t = new ArrayList<>(tables.size());
            for (Node n : tables) t.add(n.build());
            return new PageTableNode(level, iova, span, List.copyOf(t), List.copyOf(leaves));
        }
    }
}

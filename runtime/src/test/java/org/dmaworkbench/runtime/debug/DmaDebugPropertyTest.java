package org.dmaworkbench.runtime.debug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.dmaworkbench.runtime.mem.MemoryArea;
import org.dmaworkbench.runtime.sim.DmaDirection;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random correct DMA-API usage never reports; random ops on LongIntMap agree with HashMap. */
class DmaDebugPropertyTest {

    private static final DebugDevice DEV = new DebugDevice("idxd", "0000:6a:01.0");
    private static final DmaDirection[] DIRS = {DmaDirection.TO_DEVICE, DmaDirection.FROM_DEVICE,
            DmaDirection.BIDIRECTIONAL};

    private record Live(int kind, long dma, long size, DmaDirection dir, long cpu, List<SgEntry> sg) {}

    @Property(tries = 200)
    void correctUsageNeverReports(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int steps) {
        Random rnd = new Random(seed);
        DmaDebug dbg = new DmaDebug();
        List<Live> live = new ArrayList<>();
        long nextDma = 0x100000;
        long nextPhys = 0x40000000L;            // each mapping gets its own cachelines
        for (int i = 0; i < steps; i++) {
            int op = rnd.nextInt(6);
            if (op <= 3 || live.isEmpty()) {
                DmaDirection dir = DIRS[rnd.nextInt(3)];
                long size = 1 + rnd.nextInt(8192);
                long dma = nextDma;
                long phys = nextPhys;
                nextDma += 0x4000 + (rnd.nextInt(4) << 13);
                nextPhys += 0x4000;
                switch (rnd.nextInt(4)) {
                    case 0 -> {
                        dbg.mapPage(DEV, phys, size, dir, dma, false, 0xffff888000000000L + phys, MemoryArea.DIRECT_MAP);
                        dbg.mappingError(DEV, dma);
                        live.add(new Live(0, dma, size, dir, 0, null));
                    }
                    case 1 -> {
                        long cpu = 0xffff888000000000L + phys;
                        dbg.allocCoherent(DEV, size, dma, cpu, phys);
                        live.add(new Live(1, dma, size, DmaDirection.BIDIRECTIONAL, cpu, null));
                    }
                    case 2 -> {
                        dbg.mapResource(DEV, 0xfe000000L + (phys & 0xffffff), size, dir, dma, false);
                        dbg.mappingError(DEV, dma);
                        live.add(new Live(2, dma, size, dir, 0, null));
                    }
                    default -> {
                        int n = 1 + rnd.nextInt(4);
                        List<SgEntry> sg = new ArrayList<>();
                        for (int k = 0; k < n; k++) sg.add(SgEntry.of(phys + k * 4096L, 4096, dma + k * 4096L, 0));
                        dbg.mapSg(DEV, sg, n, n, dir);
                        live.add(new Live(3, dma, size, dir, 0, sg));
                    }
                }
            } else {
                Live l = live.get(rnd.nextInt(live.size()));
                if (op == 4) {
                    if (l.kind == 3) {
                        dbg.syncSgForCpu(DEV, l.sg, l.sg.size(), l.dir);
                        dbg.syncSgForDevice(DEV, l.sg, l.sg.size(), l.dir);
                    } else if (l.kind != 2) {
                        long off = rnd.nextInt((int) l.size);
                        long len = 1 + rnd.nextInt((int) (l.size - off));
                        dbg.syncSingleForCpu(DEV, l.dma + off, len, l.dir);
                        dbg.syncSingleForDevice(DEV, l.dma + off, len, l.dir);
                    }
                } else {
                    live.remove(l);
                    switch (l.kind) {
                        case 0 -> dbg.unmapPage(DEV, l.dma, l.size, l.dir);
                        case 1 -> dbg.freeCoherent(DEV, l.size, l.cpu, l.dma);
                        case 2 -> dbg.unmapResource(DEV, l.dma, l.size, l.dir);
                        default -> dbg.unmapSg(DEV, l.sg, l.sg.size(), l.dir);
                    }
                }
            }
            assertEquals(List.of(), dbg.reports());
        }
        int expected = 0;
        for (Live l : live) expected += l.kind == 3 ? l.sg.size() : 1;
        assertEquals(expected, dbg.activeEntries(DEV));
        assertEquals(0, dbg.errorCount());
    }

    @Property(tries = 100)
    void longIntMapAgreesWithHashMap(@ForAll long seed) {
        Random rnd = new Random(seed);
        LongIntMap m = new LongIntMap();
        Map<Long, Integer> ref = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            long key = rnd.nextInt(300) * (rnd.nextBoolean() ? 1L : 0x100000001L);
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    int v = rnd.nextInt();
                    m.put(key, v);
                    ref.put(key, v);
                }
                case 1 -> assertEquals(ref.remove(key) != null, m.remove(key));
                default -> assertEquals(ref.getOrDefault(key, -7), m.get(key, -7));
            }
            assertEquals(ref.size(), m.size());
        }
        for (Map.Entry<Long, Integer> e : ref.entrySet()) assertEquals(e.getValue(), m.get(e.getKey(), -7));
    }
}

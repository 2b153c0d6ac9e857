package org.dmaworkbench.runtime.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a clean capture of realistic traffic in the exact tracefs format of the dma: and iommu: events (the
 * TP_printk strings of include/trace/events/dma.h and iommu.h): a NIC (an RX ring of FROM_DEVICE buffers synced
 * for the CPU and re-mapped per packet, TX maps TO_DEVICE unmapped on completion, as e1000e does) and an NVMe
 * controller (coherent queues, one dma_map_sg per I/O merged by dma-iommu into one IOVA range, unmapped on
 * completion, as nvme-pci does) behind an IOMMU whose allocator reuses IOVAs last-in first-out. Every call is
 * correct, so a replay must find nothing. For tests and benchmarks; deterministic for a seed. Run
 * {@code java -cp dmas-runtime.jar org.dmaworkbench.runtime.capture.SyntheticCapture EVENTS [phys|page] [seed] > FILE}.
 */
public final class SyntheticCapture {
    private static final String NIC = "0000:02:00.0";
    private static final String NVME = "0000:03:00.0";
    private static final String[] TASKS = {"irq/131-eth0-rx-412", "kworker/u16:2-97", "irq/142-nvme0q3-503", "fio-2231",
        "<idle>-0", "ksoftirqd/3-31"};
    static final String HEADER = "# tracer: nop\n#\n# entries-in-buffer/entries-written: 0/0   #P:8\n#\n"
            + "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n#              | |         |   |||||     |         |\n";

    private final boolean phys;
    private final boolean iommuEvents;
    private long rnd;
    private long usec = 1_000_000_000L;
    private long nextPage = 0x1_0000_0000L;
    private final ArrayDeque<Long> freePages = new ArrayDeque<>();
    private final Iova nicIova = new Iova(0xffff_f000L);
    private final Iova nvmeIova = new Iova(0xffff_f000L);
    private final long[] rxDma = new long[256];
    private final long[] rxPhys = new long[256];
    private final ArrayDeque<long[]> tx = new ArrayDeque<>();
    private final ArrayDeque<long[]> io = new ArrayDeque<>();
    private final List<String> out = new ArrayList<>();
    private int rxNext;
    private boolean started;
    long events;

    /** {@code phys}: the 6.18 names (dma_map_phys, sg with nents=/ents=); else 6.12's (dma_map_page). */
    public SyntheticCapture(boolean phys, boolean iommuEvents, long seed) {
        this.phys = phys;
        this.iommuEvents = iommuEvents;
        this.rnd = seed * 0x9E3779B97F4A7C15L + 1;
    }

    /** The next few lines (one driver action), with their line ends. */
    public List<String> nextLines() {
        out.clear();
        if (!started) {
            started = true;
            start();
            return out;
        }
        int r = (int) (next() % 100);
        if (r < 40) rxPacket();
        else if (r < 65) txPacket();
        else if (r < 78 && !tx.isEmpty()) txDone();
        else if (r < 92) ioSubmit();
        else if (!io.isEmpty()) ioDone();
        return out;
    }

    /** A stream of at least {@code minEvents} events (the header first). */
    public static InputStream stream(long minEvents, boolean phys, long seed) {
        SyntheticCapture g = new SyntheticCapture(phys, true, seed);
        return new InputStream() {
            private byte[] chunk = HEADER.getBytes(StandardCharsets.US_ASCII);
            private int pos;

            @Override public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) {
                while (pos == chunk.length) {
                    if (g.events >= minEvents) return -1;
                    StringBuilder sb = new StringBuilder(4096);
                    while (sb.length() < 3500 && g.events < minEvents) for (String l : g.nextLines()) sb.append(l);
                    chunk = sb.toString().getBytes(StandardCharsets.US_ASCII);
                    pos = 0;
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** Writes a capture of {@code minEvents} events to {@code os}. */
    public static void write(OutputStream os, long minEvents, boolean phys, long seed) throws IOException {
        InputStream in = stream(minEvents, phys, seed);
        byte[] b = new byte[1 << 16];
        for (int n; (n = in.read(b, 0, b.length)) > 0; ) os.write(b, 0, n);
        os.flush();
    }

    public static void main(String[] args) throws IOException {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 100_000;
        boolean phys = args.length <= 1 || !args[1].equals("page");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        write(new BufferedOutputStream(System.out, 1 << 16), n, phys, seed);
    }

    private void start() {
        line(1, NVME, "dma_alloc", "dir=BIDIRECTIONAL dma_addr=" + hex(nvmeIova.alloc(1)) + " size=4096 virt_addr="
                + ptr(0xffff8881_0a000000L) + " flags=GFP_KERNEL|__GFP_ZERO attrs=");
        line(1, NVME, "dma_alloc", "dir=BIDIRECTIONAL dma_addr=" + hex(nvmeIova.alloc(4)) + " size=16384 virt_addr="
                + ptr(0xffff8881_0a010000L) + " flags=GFP_KERNEL|__GFP_ZERO attrs=");
        for (int i = 0; i < rxDma.length; i++) mapRx(i);
    }

    private void mapRx(int i) {
        long p = page();
        long d = nicIova.alloc(1);
        rxPhys[i] = p;
        rxDma[i] = d;
        map(0, NIC, d, p, 2048, "FROM_DEVICE");
    }

    private void rxPacket() {
        int i = rxNext;
        rxNext = (rxNext + 1) % rxDma.length;
        int cpu = 3;
        line(cpu, NIC, "dma_sync_single_for_cpu", "dir=FROM_DEVICE dma_addr=" + hex(rxDma[i]) + " size=2048");
        if (next() % 4 == 0) {
            line(cpu, NIC, "dma_sync_single_for_device", "dir=FROM_DEVICE dma_addr=" + hex(rxDma[i]) + " size=2048");
        } else {
            unmap(cpu, NIC, rxDma[i], 2048, "FROM_DEVICE");
            nicIova.free(rxDma[i], 1);
            freePage(rxPhys[i]);
            rxPhys[i] = page();
            rxDma[i] = nicIova.alloc(1);
            map(cpu, NIC, rxDma[i], rxPhys[i], 2048, "FROM_DEVICE");
        }
    }

    private void txPacket() {
        if (tx.size() >= 128) {
            txDone();
            return;
        }
        long p = page() + (next() % 8) * 64;
        long len = 60 + next() % 1455;
        long d = nicIova.alloc(1) | (p & 0xfff);
        map((int) (next() % 8), NIC, d, p, len, "TO_DEVICE");
        tx.add(new long[] {d, p, len});
    }

    private void txDone() {
        long[] t = tx.poll();
        unmap(3, NIC, t[0], t[2], "TO_DEVICE");
        nicIova.free(t[0] & ~0xfffL, 1);
        freePage(t[1] & ~0xfffL);
    }

    private void ioSubmit() {
        if (io.size() >= 64) {
            ioDone();
            return;
        }
        int n = 1 + (int) (next() % 4);
        boolean read = next() % 3 != 0;
        long d = nvmeIova.alloc(n);
        long[] rec = new long[3 + n];
        rec[0] = d;
        rec[1] = n;
        rec[2] = read ? 1 : 0;
        StringBuilder ph = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            rec[3 + i] = page();
            if (i > 0) ph.append(',');
            ph.append("0x").append(Long.toHexString(rec[3 + i]));
        }
        ph.append('}');
        int cpu = (int) (next() % 8);
        for (int i = 0; i < n && iommuEvents; i++) iommuMap(cpu, d + i * 4096L, rec[3 + i], 4096);
        String dir = read ? "FROM_DEVICE" : "TO_DEVICE";
        String counts = phys ? " nents=" + n + "/" + n + " ents=1/1" : "";
        line(cpu, NVME, "dma_map_sg", "dir=" + dir + counts + " dma_addrs={0x" + Long.toHexString(d) + "} sizes={0x"
                + Long.toHexString(n * 4096L) + "} phys_addrs=" + ph + " attrs=");
        io.add(rec);
    }

    private void ioDone() {
        long[] rec = io.poll();
        int n = (int) rec[1];
        StringBuilder ph = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            if (i > 0) ph.append(',');
            ph.append("0x").append(Long.toHexString(rec[3 + i]));
        }
        ph.append('}');
        int cpu = (int) (next() % 8);
        if (iommuEvents) iommuUnmap(cpu, rec[0], n * 4096L);
        line(cpu, NVME, "dma_unmap_sg", "dir=" + (rec[2] == 1 ? "FROM_DEVICE" : "TO_DEVICE") + " phys_addrs=" + ph + " attrs=");
        nvmeIova.free(rec[0], n);
        for (int i = 0; i < n; i++) freePage(rec[3 + i]);
    }

    private void map(int cpu, String dev, long d, long p, long len, String dir) {
        if (iommuEvents) iommuMap(cpu, d & ~0xfffL, p & ~0xfffL, 4096);
        line(cpu, dev, phys ? "dma_map_phys" : "dma_map_page", "dir=" + dir + " dma_addr=" + hex(d) + " size=" + len
                + " phys_addr=" + hex(p) + " attrs=");
    }

    private void unmap(int cpu, String dev, long d, long len, String dir) {
        if (iommuEvents) iommuUnmap(cpu, d & ~0xfffL, 4096);
        line(cpu, dev, phys ? "dma_unmap_phys" : "dma_unmap_page", "dir=" + dir + " dma_addr=" + hex(d) + " size=" + len
                + " attrs=");
    }

    private void iommuMap(int cpu, long iova, long pa, long size) {
        raw(cpu, "map", "IOMMU: iova=0x" + hex16(iova) + " - 0x" + hex16(iova + size) + " paddr=0x" + hex16(pa) + " size=" + size);
    }

    private void iommuUnmap(int cpu, long iova, long size) {
        raw(cpu, "unmap", "IOMMU: iova=0x" + hex16(iova) + " - 0x" + hex16(iova + size) + " size=" + size
                + " unmapped_size=" + size);
    }

    private void line(int cpu, String dev, String event, String fields) {
        raw(cpu, event, dev + " " + fields);
    }

    private void raw(int cpu, String event, String body) {
        usec += 1 + next() % 40;
        String task = TASKS[(int) (next() % TASKS.length)];
        StringBuilder sb = new StringBuilder(160);
        sb.append(" ".repeat(Math.max(1, 22 - task.length()))).append(task).append(" [00").append(cpu).append("] ")
                .append(next() % 2 == 0 ? "..s1." : "d.h2.").append(' ').append(usec / 1_000_000).append('.');
        String frac = Long.toString(usec % 1_000_000);
        sb.append("000000", 0, 6 - frac.length()).append(frac).append(": ").append(event).append(": ").append(body).append('\n');
        out.add(sb.toString());
        events++;
    }

    private long page() {
        Long p = freePages.pollLast();
        if (p != null) return p;
        long v = nextPage;
        nextPage += 4096;
        return v;
    }

    private void freePage(long p) { freePages.add(p); }

    private long next() {
        rnd ^= rnd << 13;
        rnd ^= rnd >>> 7;
        rnd ^= rnd << 17;
        return rnd & Long.MAX_VALUE;
    }

    private static String hex(long v) { return Long.toHexString(v); }

    private static String hex16(long v) { return Verdicts.hex16(v); }

    /** %p as the kernel prints it: a hashed value, 16 hex digits. */
    private static String ptr(long v) { return hex16((v * 0x9E3779B97F4A7C15L) >>> 16); }

    /** A top-down IOVA allocator with LIFO reuse per size (iova.c's rcache behaviour, simplified). */
    private static final class Iova {
        private long top;
        private final ArrayDeque<Long>[] free;

        @SuppressWarnings("unchecked")
        Iova(long top) {
            this.top = top;
            free = new ArrayDeque[5];
            for (int i = 0; i < free.length; i++) free[i] = new ArrayDeque<>();
        }

        long alloc(int pages) {
            Long f = free[pages].pollLast();
            if (f != null) return f;
            top -= pages * 4096L;
            return top;
        }

        void free(long iova, int pages) { free[pages].add(iova); }
    }
}

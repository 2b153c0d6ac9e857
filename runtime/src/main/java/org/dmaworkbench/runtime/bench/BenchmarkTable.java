package org.dmaworkbench.runtime.bench;

import java.util.List;
import java.util.Locale;

/**
 * The results of {@link MapBenchmark#compare}: one row per policy, formatted like the kernel tool
 * (latencies in µs with one decimal, from the kernel's 100 ns units).
 */
public record BenchmarkTable(String title, MapBenchmarkParams params, List<Row> rows) {

    /** One policy: its result, or the error that stopped it. */
    public record Row(Policy policy, MapBenchmarkResult result, String error) {
        public static Row of(MapBenchmarkResult r) { return new Row(r.policy(), r, null); }
        public static Row failed(Policy p, String error) { return new Row(p, null, error); }
        public boolean ok() { return result != null; }
    }

    public BenchmarkTable {
        rows = List.copyOf(rows);
    }

    /** The result of a policy; null when it was not run or failed. */
    public MapBenchmarkResult result(Policy p) {
        for (Row r : rows) if (r.policy() == p) return r.result();
        return null;
    }

    /** The tool's header line, with iterations in place of seconds. */
    public String header() {
        return String.format(Locale.ROOT, "dma mapping benchmark: threads:%d iterations:%d node:-1 dir:%s granule: %d mode: %s dma_bits: %d delay: %d ns",
                params.threads(), params.iterations(), params.directionName(), params.granule(), params.mode(),
                params.dmaBits(), params.transDelayNs());
    }

    /**
     * The table: one row per policy (policy, domain, average map µs, sd, average unmap µs, sd), then per
     * policy the two lines the kernel tool prints.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (title != null && !title.isEmpty()) sb.append(title).append('\n');
        sb.append(header()).append('\n');
        int dw = "domain".length();
        for (Row r : rows) if (r.ok()) dw = Math.max(dw, r.result().domain().length());
        String fmt = "%-12s %-" + dw + "s %9s %7s %11s %7s%n";
        sb.append(String.format(Locale.ROOT, fmt, "policy", "domain", "map(us)", "sd", "unmap(us)", "sd"));
        for (Row r : rows) {
            if (!r.ok()) {
                sb.append(String.format(Locale.ROOT, "%-12s %s%n", r.policy(), "failed: " + r.error()));
                continue;
            }
            MapBenchmarkResult m = r.result();
            sb.append(String.format(Locale.ROOT, fmt, r.policy(), m.domain(), f1(m.avgMapUs()), f1(m.mapStddevUs()),
                    f1(m.avgUnmapUs()), f1(m.unmapStddevUs())));
        }
        for (Row r : rows) {
            if (!r.ok()) continue;
            sb.append('\n').append(r.policy()).append(" (").append(r.result().domain()).append("):\n");
            sb.append(r.result().kernelOutput());
        }
        return sb.toString();
    }

    private static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    @Override public String toString() { return format(); }
}

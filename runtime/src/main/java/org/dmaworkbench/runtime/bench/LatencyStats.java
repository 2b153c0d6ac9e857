package org.dmaworkbench.runtime.bench;

/**
 * Accumulates per-operation latencies twice: exactly in nanoseconds (mean and population standard
 * deviation, Welford), and the way {@code map_benchmark_thread()} does it: each sample truncated to
 * 100 ns units ({@code div64_ul(delta, 100)}), summed with its square; the average is
 * {@code sum / loops} and the standard deviation {@code int_sqrt64(sum_sq / loops - avg * avg)}, all in
 * integer arithmetic (so a latency under 100 ns reads as 0).
 */
public final class LatencyStats {
    private long count;
    private double mean;
    private double m2;
    private long sum100ns;
    private long sumSq100ns;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /** Adds one sample of {@code ns} nanoseconds. */
    public void add(long ns) {
        count++;
        double d = ns - mean;
        mean += d / count;
        m2 += d * (ns - mean);
        long u = ns / 100;
        sum100ns += u;
        sumSq100ns += u * u;
        if (ns < min) min = ns;
        if (ns > max) max = ns;
    }

    public long count() { return count; }
    public double meanNs() { return count == 0 ? 0 : mean; }
    public double stddevNs() { return count == 0 ? 0 : Math.sqrt(m2 / count); }
    public long minNs() { return count == 0 ? 0 : min; }
    public long maxNs() { return count == 0 ? 0 : max; }

    /** {@code avg_*_100ns = div64_u64(sum, loops)}. */
    public long avg100ns() { return count == 0 ? 0 : sum100ns / count; }

    /** {@code *_stddev = int_sqrt64(div64_u64(sum_sq, loops) - avg * avg)}. */
    public long stddev100ns() {
        if (count == 0) return 0;
        long avg = avg100ns();
        return intSqrt(sumSq100ns / count - avg * avg);
    }

    /** {@code int_sqrt64()}: floor of the square root. */
    static long intSqrt(long x) {
        if (x <= 0) return 0;
        long r = (long) Math.sqrt((double) x);
        while (r * r > x) r--;
        while ((r + 1) * (r + 1) <= x) r++;
        return r;
    }
}

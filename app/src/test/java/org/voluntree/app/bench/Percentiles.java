package org.voluntree.app.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of durations in nanoseconds, reported in milliseconds. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Percentiles ofNanos(Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            return NONE;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(
                sorted.length,
                ms(rank(sorted, 50)),
                ms(rank(sorted, 95)),
                ms(rank(sorted, 99)),
                ms(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    String summary() {
        return count == 0
                ? "n/a"
                : String.format("p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms (n=%d)", p50, p95, p99, max, count);
    }
}

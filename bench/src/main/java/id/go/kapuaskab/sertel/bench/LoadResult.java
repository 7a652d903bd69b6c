package id.go.kapuaskab.sertel.bench;

import java.util.Map;

/** What one load run measured: completed calls per second and latency percentiles of the measured window. */
public record LoadResult(long calls, long errors, double seconds, double perSecond, double p50Millis, double p99Millis,
                         Map<Integer, Long> statuses) {

    public String describe() {
        return String.format("%.0f/s, p50 %.2f ms, p99 %.2f ms, %d calls, %d errors, statuses %s",
                perSecond, p50Millis, p99Millis, calls, errors, statuses);
    }
}

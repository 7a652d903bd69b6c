package id.go.kapuaskab.sertel.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The CPU each process used inside a load run's measured window (not its warm-up): {@link CpuMeter} snapshots taken
 * when the window opens and when it closes, so a figure per call can sit beside a peer's, measured the same way.
 */
public final class WindowCpu {

    private final CompletableFuture<Map<String, Double>> before;
    private final CompletableFuture<Map<String, Double>> after;

    private WindowCpu(Map<String, Long> pids, Duration warmup, Duration measure) {
        before = CompletableFuture.supplyAsync(() -> CpuMeter.snapshot(pids),
                CompletableFuture.delayedExecutor(warmup.toMillis(), TimeUnit.MILLISECONDS));
        after = CompletableFuture.supplyAsync(() -> CpuMeter.snapshot(pids),
                CompletableFuture.delayedExecutor(warmup.plus(measure).toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Starts the two snapshots; call it right before the load run with the same warm-up and window. */
    public static WindowCpu around(Map<String, Long> pids, Duration warmup, Duration measure) {
        return new WindowCpu(pids, warmup, measure);
    }

    /** CPU milliseconds per call of the window, by process (PostgreSQL and this harness included). */
    public Map<String, Double> msPerCall(long calls) {
        Map<String, Double> used = CpuMeter.between(before.join(), after.join());
        used.replaceAll((name, seconds) -> calls == 0 ? 0 : seconds * 1000 / calls);
        return used;
    }
}

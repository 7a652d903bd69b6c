package id.go.kapuaskab.sertel.notification.service;

import java.time.Duration;

/** Exponential back-off with a cap: initial, 2×, 4×, … never more than the cap. */
public record Backoff(Duration initial, Duration cap) {

    /** The wait after the {@code attempt}-th (1-based) transient failure. */
    public Duration after(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}

package id.go.kapuaskab.sertel.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off: initial, doubled per failed attempt, capped, plus up to 20 % jitter so replicas spread out. */
public record Backoff(Duration initial, Duration cap) {

    /** The wait after the {@code attempt}-th (1-based) failed attempt, without jitter. */
    public Duration base(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /** {@link #base} plus jitter. */
    public Duration after(int attempt) {
        long base = base(attempt).toMillis();
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 5)));
    }
}

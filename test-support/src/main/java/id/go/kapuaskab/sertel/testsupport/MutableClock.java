package id.go.kapuaskab.sertel.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can move: it follows real time shifted by an offset, or stands still at a set instant.
 * Replaces the production clock in every {@code @QuarkusTest} through {@link TestClockProducer}; call
 * {@link #reset()} after a test that moved it.
 */
public final class MutableClock extends Clock {

    public static final MutableClock INSTANCE = new MutableClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    private MutableClock() {
    }

    public void advance(Duration by) {
        Instant stopped = fixed.get();
        if (stopped != null) {
            fixed.set(stopped.plus(by));
        } else {
            offset.updateAndGet(o -> o.plus(by));
        }
    }

    /** Stops the clock at this instant until {@link #reset()} or {@link #advance(Duration)}. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void reset() {
        fixed.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        Instant stopped = fixed.get();
        return stopped != null ? stopped : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Services work in UTC and convert at the edge");
    }
}

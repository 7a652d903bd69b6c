package id.go.kapuaskab.sertel.system.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How a careful front end behaves while part of the system is down: it repeats a call that got an outage answer (502,
 * 503, 504 or none), pausing briefly between tries, for as long as its patience lasts; then it gives up with the last
 * answer. Waiting for a condition is the same loop over a check. Every wait is bounded and says what it waited for.
 */
public final class Patience {

    /** A caller's pause between two tries (its pacing, not a synchronisation). */
    static final Duration PAUSE = Duration.ofMillis(250);

    private Patience() {
    }

    /** Repeats the call while it gets outage answers, within {@code patience}; returns the first other answer. */
    public static Reply through(Duration patience, Supplier<Reply> call) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Reply r = call.get();
            if (!r.outage() || System.nanoTime() > deadline) {
                return r;
            }
            pause();
        }
    }

    /** Waits until the condition holds; fails naming {@code what} when it does not within {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package id.go.kapuaskab.sertel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Wakes this replica's idle workers right after a transaction that wrote to the outbox commits, so new work does not
 * wait for the next poll. A generation counter makes a wake-up between "look" and "wait" impossible to lose.
 */
@ApplicationScoped
class OutboxSignal {

    private long generation;

    synchronized void wake() {
        generation++;
        notifyAll();
    }

    synchronized long generation() {
        return generation;
    }

    /** Waits until a wake-up after {@code seen}, or at most {@code max}. */
    synchronized void await(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

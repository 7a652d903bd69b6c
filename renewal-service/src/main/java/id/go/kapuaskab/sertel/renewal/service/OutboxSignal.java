package id.go.kapuaskab.sertel.renewal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Wakes the outbox workers right after a transaction that wrote to the outbox commits, so a completed approval
 * does not wait for the next poll. A generation counter makes a wake-up between "look" and "wait" impossible to lose.
 */
@ApplicationScoped
public class OutboxSignal {

    private long generation;

    public synchronized void wake() {
        generation++;
        notifyAll();
    }

    public synchronized long generation() {
        return generation;
    }

    /** Waits until a wake-up after {@code seen}, or at most {@code max}. */
    public synchronized void await(long seen, Duration max) throws InterruptedException {
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

package id.go.kapuaskab.sertel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Wakes an idle worker of this replica right after a transaction that wrote to the outbox commits, so new work does
 * not wait for the next poll. One worker, not all: a commit usually wrote one item or a few, and every worker woken
 * for nothing would run an empty claim (a transaction and a locking query), and the first one claims the whole batch
 * anyway. A worker whose claim came back full wakes the next ({@link OutboxEngine}), so a burst still spreads over all
 * of them. A generation counter makes a wake-up between
 * "look" and "wait" impossible to lose: a worker that was busy at the wake-up sees the new generation and looks again.
 */
@ApplicationScoped
class OutboxSignal {

    private long generation;

    /** One idle worker looks for work. */
    synchronized void wake() {
        generation++;
        notify();
    }

    /** Every idle worker returns (shutdown). */
    synchronized void wakeAll() {
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

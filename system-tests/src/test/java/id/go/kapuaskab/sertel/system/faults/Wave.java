package id.go.kapuaskab.sertel.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A few requests taken through a fault together: prepared in parallel up to the approval, then approved one after
 * another by verifier B in a thread of their own, so that the fault can strike after the first approval went through
 * and the later ones meet the outage (their caller repeats them until the system answers again).
 */
public final class Wave {

    private final List<RequestFlow> flows;
    private final CountDownLatch firstApproved = new CountDownLatch(1);
    private CompletableFuture<Void> approvals;

    public Wave(List<RequestFlow> flows) {
        this.flows = flows;
    }

    public List<RequestFlow> flows() {
        return flows;
    }

    public List<UUID> ids() {
        return flows.stream().map(RequestFlow::id).toList();
    }

    /** Everything before the approvals, in parallel. */
    public Wave prepare() {
        ExecutorService pool = Executors.newFixedThreadPool(flows.size());
        try {
            CompletableFuture.allOf(flows.stream().map(f -> CompletableFuture.runAsync(f::prepare, pool)).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.MINUTES);
            return this;
        } catch (Exception e) {
            throw new AssertionError("preparing the wave failed: " + e, e);
        } finally {
            pool.shutdown();
        }
    }

    /** Starts approving; returns once the first approval went through. */
    public void startApprovals() {
        approvals = CompletableFuture.runAsync(() -> {
            for (RequestFlow f : flows) {
                f.approve();
                firstApproved.countDown();
            }
        });
        try {
            if (!firstApproved.await(5, TimeUnit.MINUTES)) {
                throw new AssertionError("the first approval of the wave did not go through within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (approvals.isCompletedExceptionally()) {
            approvals.join();
        }
    }

    /** Waits for the remaining approvals (repeated through the outage by their caller). */
    public void awaitApprovals() {
        try {
            approvals.get(Session.PATIENCE.toMinutes() + 1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("approving the wave failed: " + e, e);
        }
    }

    /**
     * Waits until every request of the wave is COMPLETED, at most until {@code bound} after {@code from}; fails naming
     * the requests still open and their states. Returns when each was completed (renewal-service's own record).
     */
    public Map<UUID, Instant> awaitCompleted(Ledgers ledgers, Instant from, Duration bound, String after) {
        Instant deadline = from.plus(bound);
        while (true) {
            Map<UUID, Instant> done = ledgers.completedAt(ids());
            if (done.values().stream().allMatch(t -> t != null)) {
                return done;
            }
            if (Instant.now().isAfter(deadline)) {
                String open = flows.stream().filter(f -> done.get(f.id()) == null)
                        .map(f -> f.id() + " " + state(f)).collect(Collectors.joining(", "));
                throw new AssertionError("not COMPLETED within " + bound.toSeconds() + " s of " + after + ": " + open);
            }
            Patience.pause();
        }
    }

    private static String state(RequestFlow f) {
        var r = f.read();
        return r == null ? "(unreadable now)" : r.path("state").asText();
    }
}

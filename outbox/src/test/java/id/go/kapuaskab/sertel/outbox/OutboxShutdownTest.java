package id.go.kapuaskab.sertel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What SIGTERM does to the engine of a replica with work in hand (its background worker running, as in production):
 * a delivery still running when the grace ends and the items claimed behind it are handed back at once, without
 * counting the attempt, so another replica claims them now rather than when a 30 s lease runs out; the late answer of
 * the delivery that was cut is not recorded over the other replica's claim.
 */
@QuarkusTest
@TestProfile(OutboxShutdownTest.OneWorkerLongLease.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sertel_outbox"))
class OutboxShutdownTest {

    /** One background worker, a lease far longer than the test, a short shutdown grace. */
    public static class OneWorkerLongLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sertel.outbox.workers", "1", "sertel.outbox.lease", "PT30S", "sertel.outbox.shutdown-grace", "PT0.3S",
                    "sertel.outbox.poll-interval", "PT0.1S", "sertel.outbox.batch-size", "8");
        }
    }

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Inject
    Outbox outbox;

    @Inject
    OutboxEngine engine;

    @Inject
    OutboxStore store;

    @Inject
    Clock clock;

    @Test
    void handsBackTheRunningAndTheWaitingItemsAtOnceAndRecordsNoLateAnswer() throws Exception {
        String running = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(Outbox.item("test.plain").about(running).payload("slow:3000"));
            outbox.enqueue(Outbox.item("test.plain").about(waiting).payload("ok"));
        });
        awaitHandled(running + "#1");

        engine.stop(new ShutdownEvent());

        for (String reference : List.of(running, waiting)) {
            assertThat(outbox.items(reference)).singleElement().satisfies(i -> {
                assertThat(i.status()).isEqualTo("PENDING");
                assertThat(i.attempts()).as("a handed-back attempt is not counted").isZero();
            });
        }
        assertThat(TestHandlers.HANDLED).as("the item behind the cut one was never started").doesNotContain(waiting + "#1");
        Instant now = clock.instant();
        List<OutboxStore.Claimed> taken = QuarkusTransaction.requiringNew()
                .call(() -> store.claim("other-pod/1", Set.of("test.plain"), 10, now, now.plusSeconds(30)));
        assertThat(taken).as("another replica claims both now, not when the 30 s lease runs out")
                .extracting(c -> c.item().reference()).contains(running, waiting);
        assertThat(taken).allSatisfy(c -> assertThat(c.previousOwner()).as("handed back, not abandoned").isNull());

        awaitWorkerEnded();
        UUID cut = outbox.items(running).get(0).id();
        assertThat(outbox.attempts(List.of(cut)).getOrDefault(cut, List.of()))
                .as("the cut delivery's late answer is not recorded over the other replica's claim").isEmpty();
        assertThat(outbox.items(running)).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("PENDING"));
    }

    private static void awaitHandled(String attempt) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!TestHandlers.HANDLED.contains(attempt)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the worker did not start " + attempt + " within " + BOUND.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** The cut delivery's thread has returned from the handler and tried to record its answer. */
    private static void awaitWorkerEnded() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("outbox-worker-")) {
                t.join(BOUND.toMillis());
                assertThat(t.isAlive()).as(t.getName() + " ended").isFalse();
            }
        }
    }
}

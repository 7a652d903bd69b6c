package id.go.kapuaskab.sertel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sertel_outbox"))
class OutboxEngineTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxEngine engine;

    @Inject
    OutboxStore store;

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxMetrics metrics;

    @BeforeEach
    void clean() throws Exception {
        engine.drain();
        TestHandlers.reset();
    }

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void deliversWhatCommittedAndNothingOfWhatRolledBack() {
        String kept = ref();
        String dropped = ref();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(Outbox.item("test.plain").about(kept).payload("ok")));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.enqueue(Outbox.item("test.plain").about(dropped).payload("ok"));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back with the item
        }

        assertThat(engine.drain()).isEqualTo(1);
        assertThat(TestHandlers.HANDLED).containsExactly(kept + "#1");
        assertThat(TestHandlers.SETTLED).containsEntry(kept, Outcome.Kind.DONE).doesNotContainKey(dropped);
        assertThat(outbox.items(dropped)).isEmpty();
        assertThat(outbox.items(kept)).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("DONE"));
    }

    @Test
    void enqueueingTheSameIdTwiceWritesOnce() {
        UUID id = UUID.randomUUID();
        String r = ref();
        boolean first = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(Outbox.item("test.plain").id(id).about(r).payload("ok")));
        boolean second = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(Outbox.item("test.plain").id(id).about(r).payload("ok")));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(outbox.items(r)).hasSize(1);
    }

    @Test
    void aStagedItemIsWrittenByTheCallersStatementOnlyWhenItsGuardReturnsARowAndIsDelivered() {
        String skipped = ref();
        String written = ref();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(runStaged(outbox.stage(Outbox.item("test.plain").about(skipped).payload("ok"), "decided"), false)).isFalse();
            assertThat(runStaged(outbox.stage(Outbox.item("test.plain").about(written).payload("ok"), "decided"), true)).isTrue();
        });

        assertThat(outbox.items(skipped)).isEmpty();
        assertThat(engine.drain()).isEqualTo(1);
        assertThat(TestHandlers.HANDLED).containsExactly(written + "#1");
        assertThat(outbox.items(written)).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("DONE"));
    }

    /** A caller's statement with the member {@code decided} (a row or none) and the staged item; whether it wrote. */
    private boolean runStaged(Outbox.Staged staged, boolean decided) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("WITH decided AS (SELECT 1 AS one WHERE ?),\n" + staged.members()
                     + "\nSELECT " + staged.result())) {
            s.setBoolean(1, decided);
            staged.bind(s, 2);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return staged.written(rs, 1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void retriesWithBackoffAndRecordsEveryAttempt() throws Exception {
        String r = ref();
        UUID id = enqueue("test.plain", r, "fail:2", null);

        assertThat(engine.drain()).isEqualTo(1);
        Outbox.ItemView waiting = outbox.items(r).get(0);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().plusMillis(20));
        assertThat(engine.drain()).as("not due before its back-off").isZero();

        drainUntilSettled(r);

        List<Outbox.Attempt> attempts = outbox.attempts(List.of(id)).get(id);
        assertThat(attempts).extracting(Outbox.Attempt::outcome).containsExactly("RETRY", "RETRY", "DONE");
        assertThat(attempts.get(0).detail()).contains("peer unreachable");
        assertThat(attempts).extracting(Outbox.Attempt::worker).containsOnly(engine.owner());
        assertThat(TestHandlers.SETTLED).containsEntry(r, Outcome.Kind.DONE);
    }

    @Test
    void givesUpIntoDeadAfterTheTopicsLimitAndWhenRefused() throws Exception {
        String limited = ref();
        String refused = ref();
        enqueue("test.limited", limited, "fail:99", null);
        enqueue("test.plain", refused, "refuse", null);

        drainUntilSettled(limited);

        assertThat(TestHandlers.SETTLED).containsEntry(limited, Outcome.Kind.DEAD).containsEntry(refused, Outcome.Kind.DEAD);
        assertThat(outbox.items(limited).get(0).attempts()).isEqualTo(3);
        assertThat(outbox.items(limited).get(0).lastError()).contains("gave up after 3 attempts");
        assertThat(outbox.items(refused).get(0).attempts()).isEqualTo(1);
        assertThat(outbox.items(refused).get(0).lastError()).startsWith("400 refused");

        assertThat(outbox.retryNow(limited, Set.of("test.limited"))).as("an operator's retry").isEqualTo(1);
        assertThat(outbox.items(limited).get(0).status()).isEqualTo("PENDING");
    }

    @Test
    void keepsTheOrderOfItemsThatShareAKey() throws Exception {
        String key = "subject-" + UUID.randomUUID();
        String first = ref();
        String second = ref();
        String other = ref();
        enqueue("test.plain", first, "fail:1", key);
        enqueue("test.plain", second, "ok", key);
        enqueue("test.plain", other, "ok", null);

        engine.drain();
        assertThat(TestHandlers.HANDLED).as("the second waits while the first retries").containsExactlyInAnyOrder(first + "#1", other + "#1");

        drainUntilSettled(second);
        assertThat(TestHandlers.HANDLED).containsSubsequence(first + "#2", second + "#1");
    }

    @Test
    void takesOverTheItemsOfAWorkerThatDiedAndRecordsTheLostAttempt() throws Exception {
        String r = ref();
        UUID id = enqueue("test.plain", r, "ok", null);
        Instant past = Instant.now().minusSeconds(5);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE outbox_item SET lease_owner = 'dead-pod/1234', lease_until = ?, attempt_started_at = ?, attempts = 1 WHERE id = ?""")) {
            s.setObject(1, past.atOffset(ZoneOffset.UTC));
            s.setObject(2, past.minusSeconds(10).atOffset(ZoneOffset.UTC));
            s.setObject(3, id);
            s.executeUpdate();
        }
        double takenOver = abandoned("test.plain");

        assertThat(engine.drain()).isEqualTo(1);

        List<Outbox.Attempt> attempts = outbox.attempts(List.of(id)).get(id);
        assertThat(attempts).extracting(Outbox.Attempt::outcome).containsExactly("ABANDONED", "DONE");
        assertThat(abandoned("test.plain")).as("the takeover is counted for operators").isEqualTo(takenOver + 1);
        assertThat(attempts.get(0).worker()).isEqualTo("dead-pod/1234");
        assertThat(attempts.get(1).number()).isEqualTo(2);
    }

    @Test
    void aLiveWorkerKeepsItsItemBeyondTheLeaseByRenewingIt() throws Exception {
        String r = ref();
        enqueue("test.plain", r, "slow:2500", null);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<Integer> slow = pool.submit(engine::drain);
            Thread.sleep(1800);
            assertThat(engine.drain()).as("the lease (1 s) was renewed while the slow delivery ran").isZero();
            assertThat(slow.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestHandlers.HANDLED).containsExactly(r + "#1");
    }

    @Test
    void concurrentWorkersDeliverEachItemOnce() throws Exception {
        List<String> refs = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 200; i++) {
                String r = ref();
                refs.add(r);
                outbox.enqueue(Outbox.item("test.plain").about(r).payload("ok"));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> drains = List.of(engine::drain, engine::drain, engine::drain, engine::drain);
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(drains)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestHandlers.HANDLED).hasSize(200).doesNotHaveDuplicates();
        assertThat(TestHandlers.SETTLED.keySet()).containsAll(refs);
    }

    @Test
    void handsUnworkedClaimsBackWithoutCountingAnAttempt() throws Exception {
        String r = ref();
        UUID id = enqueue("test.plain", r, "ok", null);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().call(() -> store.claim("stopping-pod/1", Set.of("test.plain"), 10, now, now.plusSeconds(60)));
        assertThat(engine.drain()).as("held by the other worker").isZero();

        assertThat(QuarkusTransaction.requiringNew().call(() -> store.release("stopping-pod/1", List.of(id)))).isEqualTo(1);

        assertThat(engine.drain()).isEqualTo(1);
        assertThat(outbox.items(r).get(0).attempts()).isEqualTo(1);
        assertThat(outbox.attempts(List.of(id)).get(id)).extracting(Outbox.Attempt::outcome).containsExactly("DONE");
    }

    @Test
    void exportsBacklogOldestAgeAndAttemptsPerTopic() throws Exception {
        String r = ref();
        enqueue("test.plain", r, "ok", null);
        metrics.register(Set.of("test.plain"));
        metrics.update(QuarkusTransaction.requiringNew().call(store::stats));
        MutableClock.INSTANCE.advance(Duration.ofSeconds(90));

        assertThat(registry.get("sertel.outbox.backlog").tag("topic", "test.plain").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("sertel.outbox.oldest.age").tag("topic", "test.plain").gauge().value()).isGreaterThanOrEqualTo(89);
        MutableClock.INSTANCE.reset();

        engine.drain();
        metrics.update(QuarkusTransaction.requiringNew().call(store::stats));
        assertThat(registry.get("sertel.outbox.backlog").tag("topic", "test.plain").gauge().value()).isZero();
        assertThat(registry.get("sertel.outbox.attempts").tags("topic", "test.plain", "outcome", "DONE").counter().count()).isPositive();
    }

    private double abandoned(String topic) {
        var counter = registry.find("sertel.outbox.attempts").tags("topic", topic, "outcome", "ABANDONED").counter();
        return counter == null ? 0 : counter.count();
    }

    private UUID enqueue(String topic, String reference, String payload, String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Outbox.Item item = Outbox.item(topic).about(reference).payload(payload).orderedBy(key);
            outbox.enqueue(item);
            return item.id();
        });
    }

    private void drainUntilSettled(String reference) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!TestHandlers.SETTLED.containsKey(reference) || !isFinished(reference)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not settled in time: " + outbox.items(reference));
            }
            engine.drain();
            Thread.sleep(50);
        }
    }

    private boolean isFinished(String reference) {
        return outbox.items(reference).stream().noneMatch(i -> i.status().equals("PENDING"));
    }

    private static String ref() {
        return UUID.randomUUID().toString();
    }

}

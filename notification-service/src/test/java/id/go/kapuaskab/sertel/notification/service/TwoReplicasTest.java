package id.go.kapuaskab.sertel.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.notification.FakePeers;
import id.go.kapuaskab.sertel.notification.FakePeers.Cert;
import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.notification.Fixtures;
import id.go.kapuaskab.sertel.notification.client.ApplicantClient;
import id.go.kapuaskab.sertel.notification.client.CertificateClient;
import id.go.kapuaskab.sertel.notification.config.ReminderConfig;
import id.go.kapuaskab.sertel.notification.repository.ReminderLedger;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas sharing one database, at the same moment: two independent planners (each with its own run state)
 * and two outbox drains on their own threads and transactions, started together behind a barrier and repeated.
 * Every (certificate, threshold) is decided once and mailed once. (system-tests run two real processes.)
 */
@QuarkusTest
class TwoReplicasTest {

    static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");
    static final int CERTIFICATES = 120;

    @Inject
    CertificateClient certificates;
    @Inject
    ApplicantClient applicants;
    @Inject
    ReminderLedger ledger;
    @Inject
    MailComposer composer;
    @Inject
    NotificationMetrics metrics;
    @Inject
    IntegrationEvents integration;
    @Inject
    ReminderConfig reminderConfig;
    @Inject
    OutboxEngine outbox;
    @Inject
    Clock clock;
    @Inject
    AgroalDataSource db;

    @BeforeEach
    void clean() {
        Fixtures.clean();
    }

    @AfterEach
    void stop() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void tworeplicasRunningAtOnceSendEachReminderOnce() throws Exception {
        MutableClock.INSTANCE.set(NOW);
        for (int i = 0; i < CERTIFICATES; i++) {
            Person p = new Person(UUID.randomUUID(), "Pemegang " + i, "holder" + i + "@kapuaskab.go.id", i % 2 == 0 ? "id" : "en");
            FakePeers.put(p);
            // spread over all five thresholds of today
            int daysAhead = new int[] {30, 14, 7, 1, 0}[i % 5];
            FakePeers.put(new Cert(String.format("r%04d", i), p.id(), UUID.randomUUID(), NOW.plus(Duration.ofDays(daysAhead)).plusSeconds(3600 + i),
                    "ACTIVE", null));
        }
        ReplicaPair a = replica();
        ReplicaPair b = replica();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                CyclicBarrier together = new CyclicBarrier(4);
                List<Callable<Object>> tasks = List.of(
                        () -> {
                            together.await();
                            return a.planner.run();
                        },
                        () -> {
                            together.await();
                            return b.planner.run();
                        },
                        () -> {
                            together.await();
                            return drainWhilePlanning();
                        },
                        () -> {
                            together.await();
                            return drainWhilePlanning();
                        });
                for (Future<Object> f : threads.invokeAll(tasks)) {
                    f.get();
                }
            }
            // whatever a worker missed while the planners were still writing
            outbox.drain();
        } finally {
            threads.shutdownNow();
        }

        assertThat(count("SELECT count(*) FROM reminder_ledger")).isEqualTo(CERTIFICATES);
        assertThat(count("SELECT count(*) FROM delivery WHERE status = 'SENT'")).isEqualTo(CERTIFICATES);
        assertThat(count("SELECT count(*) FROM outbox_attempt a JOIN outbox_item i ON i.id = a.item_id WHERE i.topic = 'mail'"))
                .as("one attempt per message").isEqualTo(CERTIFICATES);
        List<MimeMessage> mails = Fixtures.mails();
        assertThat(mails).hasSize(CERTIFICATES);
        Map<String, Long> perRecipient = mails.stream().collect(Collectors.groupingBy(Fixtures::to, Collectors.counting()));
        assertThat(perRecipient).hasSize(CERTIFICATES).allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
    }

    /** Keeps draining for a while, so the worker runs while the planners are still committing pages. */
    private int drainWhilePlanning() throws InterruptedException {
        int sent = 0;
        for (int i = 0; i < 20; i++) {
            sent += outbox.drain();
            Thread.sleep(20);
        }
        return sent;
    }

    private ReplicaPair replica() {
        ReminderConfig smallPages = delegate(reminderConfig, 7);
        ReminderPlanner planner = new ReminderPlanner(certificates, applicants, ledger, composer, metrics, integration, smallPages, clock);
        return new ReplicaPair(planner);
    }

    private record ReplicaPair(ReminderPlanner planner) {
    }

    /** The same settings with small pages, so both planners interleave page by page. */
    private static ReminderConfig delegate(ReminderConfig c, int pageSize) {
        return (ReminderConfig) java.lang.reflect.Proxy.newProxyInstance(ReminderConfig.class.getClassLoader(), new Class<?>[] {ReminderConfig.class},
                (proxy, method, args) -> method.getName().equals("pageSize") ? pageSize : method.invoke(c, args));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}

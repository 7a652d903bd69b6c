package id.go.kapuaskab.sertel.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.notification.FakePeers;
import id.go.kapuaskab.sertel.notification.FakePeers.Cert;
import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.notification.Fixtures;
import id.go.kapuaskab.sertel.notification.RefusingSmtpServer;
import id.go.kapuaskab.sertel.notification.domain.AttemptOutcome;
import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.DeliveryRepository;
import id.go.kapuaskab.sertel.outbox.Outbox;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mail through a strict SMTP server ({@link RefusingSmtpServer}), for what GreenMail never does: it refuses a
 * recipient with 550, closes a session with 421 before taking the message, or accepts a connection and greets nothing.
 * Each case ends as the outbox should see it, in the delivery log and at the server.
 */
@QuarkusTest
@TestProfile(MisbehavingSmtpServerTest.StrictServer.class)
class MisbehavingSmtpServerTest {

    /** The whole service sends to the strict server, on a new connection each time; greetings are awaited 2 s. */
    public static class StrictServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sertel.mail.smtp.port", Integer.toString(RefusingSmtpServer.port()),
                    "sertel.mail.smtp.greeting-timeout", "PT2S",
                    "sertel.mail.smtp.pool-size", "0");
        }
    }

    static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

    @Inject
    ReminderPlanner planner;
    @Inject
    OutboxEngine outbox;
    @Inject
    Outbox items;
    @Inject
    DeliveryRepository deliveries;

    @BeforeEach
    void setUp() {
        Fixtures.clean();
        MutableClock.INSTANCE.set(NOW);
        RefusingSmtpServer.withholdGreetings(0);
    }

    @AfterEach
    void tearDown() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void aRefusedRecipientFailsAtOnceAndIsNeverRetried() {
        due("bad1", "unknown.person@kapuaskab.go.id");
        due("good1", "known.person@kapuaskab.go.id");
        int acceptedBefore = RefusingSmtpServer.ACCEPTED.get();
        planner.run();
        outbox.drain();
        MutableClock.INSTANCE.advance(Duration.ofHours(2));
        outbox.drain();

        Delivery bad = delivery("bad1");
        assertThat(bad.status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(bad.attempts).isEqualTo(1);
        assertThat(bad.lastError).contains("550");
        assertThat(attempts(bad)).singleElement().satisfies(a -> {
            assertThat(AttemptOutcome.of(a.outcome(), a.code())).isEqualTo(AttemptOutcome.PERMANENT);
            assertThat(AttemptOutcome.smtpCode(a.code())).isEqualTo(550);
        });
        assertThat(delivery("good1").status).isEqualTo(DeliveryStatus.SENT);
        assertThat(RefusingSmtpServer.ACCEPTED.get() - acceptedBefore).isEqualTo(1);
    }

    @Test
    void aServerThatClosesTheChannelBeforeTakingTheMailGetsItOnANewConnectionAtOnce() {
        due("closing1", "closing.person@kapuaskab.go.id");
        int acceptedBefore = RefusingSmtpServer.ACCEPTED.get();
        planner.run();
        outbox.drain();

        Delivery d = delivery("closing1");
        assertThat(d.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(d.attempts).isEqualTo(1);
        assertThat(RefusingSmtpServer.ACCEPTED.get() - acceptedBefore).isEqualTo(1);
    }

    @Test
    void aConnectionThatGreetsNothingIsReplacedAtOnceWithinTheSameAttempt() {
        due("silent1", "silent.person@kapuaskab.go.id");
        planner.run();
        int acceptedBefore = RefusingSmtpServer.ACCEPTED.get();
        int connectionsBefore = RefusingSmtpServer.CONNECTIONS.get();
        RefusingSmtpServer.withholdGreetings(1);

        long started = System.nanoTime();
        outbox.drain();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Delivery d = delivery("silent1");
        assertThat(d.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(d.attempts).as("the silent connection is not a delivery attempt").isEqualTo(1);
        assertThat(attempts(d)).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo("DONE"));
        assertThat(RefusingSmtpServer.ACCEPTED.get() - acceptedBefore).as("sent once, no duplicate").isEqualTo(1);
        assertThat(RefusingSmtpServer.CONNECTIONS.get() - connectionsBefore).as("a second connection after the silent one")
                .isGreaterThanOrEqualTo(2);
        assertThat(took).as("the greeting time-out (2 s), not the 30 s reply time-out").isLessThan(Duration.ofSeconds(20));
    }

    private Delivery delivery(String serial) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.listAll()).stream()
                .filter(x -> serial.equals(x.certificateSerial)).findFirst().orElseThrow();
    }

    private List<Outbox.Attempt> attempts(Delivery d) {
        return items.attempts(List.of(d.id)).getOrDefault(d.id, List.of());
    }

    private static void due(String serial, String email) {
        Person p = new Person(UUID.randomUUID(), "Pemegang " + serial, email, "id");
        FakePeers.put(p);
        FakePeers.put(new Cert(serial, p.id(), UUID.randomUUID(), NOW.plus(Duration.ofDays(7)).plusSeconds(7200), "ACTIVE", null));
    }
}

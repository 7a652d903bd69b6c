package id.go.kapuaskab.sertel.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.notification.FakePeers;
import id.go.kapuaskab.sertel.notification.FakePeers.Cert;
import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.notification.Fixtures;
import id.go.kapuaskab.sertel.notification.RefusingSmtpServer;
import id.go.kapuaskab.sertel.notification.client.CertificateClient;
import id.go.kapuaskab.sertel.notification.config.MailConfig;
import id.go.kapuaskab.sertel.notification.config.OutboxConfig;
import id.go.kapuaskab.sertel.notification.config.ReminderConfig;
import id.go.kapuaskab.sertel.notification.domain.AttemptOutcome;
import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.DeliveryRepository;
import id.go.kapuaskab.sertel.notification.repository.OutboxStore;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MailerName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mail server that refuses a recipient with 550: the message is FAILED after that one attempt, with the reply
 * code in the log, and never retried; the other message of the same batch goes out. The worker here sends through
 * a strict SMTP server ({@link RefusingSmtpServer}), because GreenMail accepts every address.
 */
@QuarkusTest
class RefusedRecipientTest {

    static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

    @Inject
    @MailerName("refusing")
    Mailer refusing;
    @Inject
    OutboxStore store;
    @Inject
    CertificateClient certificates;
    @Inject
    OutboxConfig outboxConfig;
    @Inject
    ReminderConfig reminderConfig;
    @Inject
    MailConfig mailConfig;
    @Inject
    Clock clock;
    @Inject
    NotificationMetrics metrics;
    @Inject
    ReminderPlanner planner;
    @Inject
    DeliveryRepository deliveries;

    OutboxWorker worker;

    @BeforeEach
    void setUp() {
        Fixtures.clean();
        MutableClock.INSTANCE.set(NOW);
        worker = new OutboxWorker(store, refusing, certificates, outboxConfig, reminderConfig, mailConfig, clock, metrics);
    }

    @AfterEach
    void tearDown() {
        worker.close();
        MutableClock.INSTANCE.reset();
    }

    @Test
    void aRefusedRecipientFailsAtOnceAndIsNeverRetried() {
        due("bad1", "unknown.person@kapuaskab.go.id");
        due("good1", "known.person@kapuaskab.go.id");
        int acceptedBefore = RefusingSmtpServer.ACCEPTED.get();
        planner.run();
        worker.drain();
        MutableClock.INSTANCE.advance(Duration.ofHours(2));
        worker.drain();

        List<Delivery> all = QuarkusTransaction.requiringNew().call(() -> deliveries.listAll());
        Delivery bad = all.stream().filter(d -> d.certificateSerial.equals("bad1")).findFirst().orElseThrow();
        Delivery good = all.stream().filter(d -> d.certificateSerial.equals("good1")).findFirst().orElseThrow();
        assertThat(bad.status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(bad.attempts).isEqualTo(1);
        assertThat(bad.lastError).contains("550");
        assertThat(QuarkusTransaction.requiringNew().call(() -> deliveries.attemptsOf(List.of(bad.id))))
                .singleElement().satisfies(a -> {
                    assertThat(a.outcome).isEqualTo(AttemptOutcome.PERMANENT);
                    assertThat(a.smtpCode).isEqualTo(550);
                });
        assertThat(good.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(RefusingSmtpServer.ACCEPTED.get() - acceptedBefore).isEqualTo(1);
    }

    @Test
    void aServerThatClosesTheChannelBeforeTakingTheMailGetsItOnANewConnectionAtOnce() {
        due("closing1", "closing.person@kapuaskab.go.id");
        int acceptedBefore = RefusingSmtpServer.ACCEPTED.get();
        planner.run();
        worker.drain();

        Delivery d = QuarkusTransaction.requiringNew().call(() -> deliveries.listAll()).stream()
                .filter(x -> x.certificateSerial.equals("closing1")).findFirst().orElseThrow();
        assertThat(d.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(d.attempts).isEqualTo(1);
        assertThat(RefusingSmtpServer.ACCEPTED.get() - acceptedBefore).isEqualTo(1);
    }

    private static void due(String serial, String email) {
        Person p = new Person(UUID.randomUUID(), "Pemegang " + serial, email, "id");
        FakePeers.put(p);
        FakePeers.put(new Cert(serial, p.id(), UUID.randomUUID(), NOW.plus(Duration.ofDays(7)).plusSeconds(7200), "ACTIVE", null));
    }

}

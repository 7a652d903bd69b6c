package id.go.kapuaskab.sertel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.notification.FakePeers.Cert;
import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.notification.domain.AttemptOutcome;
import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.DeliveryRepository;
import id.go.kapuaskab.sertel.outbox.Outbox;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.notification.service.ReminderPlanner;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.SmtpTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mail server down then up, a mail server that refuses an address, and an address not worth trying. */
@QuarkusTest
class SmtpFailureTest {

    static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

    @Inject
    ReminderPlanner planner;
    @Inject
    OutboxEngine outbox;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    Outbox items;

    @BeforeEach
    void clean() {
        Fixtures.clean();
        MutableClock.INSTANCE.set(NOW);
    }

    @AfterEach
    void smtpUp() {
        var mail = SmtpTestResource.greenMail();
        if (!mail.isRunning()) {
            mail.start();
        }
        MutableClock.INSTANCE.reset();
    }

    @Test
    void retriesWithGrowingBackoffWhileTheServerIsDownAndSendsOnceItIsBack() {
        for (int i = 0; i < 3; i++) {
            due("down" + i, "holder.down" + i + "@kapuaskab.go.id");
        }
        SmtpTestResource.greenMail().stop();
        planner.run();

        assertThat(outbox.drain()).isEqualTo(3);
        assertThat(all()).extracting(d -> d.status).containsOnly(DeliveryStatus.RETRYING);
        assertThat(all()).allSatisfy(d -> assertThat(d.nextAttemptAt).as("one minute and up to 20 % jitter")
                .isBetween(NOW.plus(Duration.ofMinutes(1)), NOW.plus(Duration.ofSeconds(72))));

        advance(Duration.ofSeconds(30));
        assertThat(outbox.drain()).as("not due before the back-off").isZero();
        advance(Duration.ofSeconds(45));
        assertThat(outbox.drain()).isEqualTo(3);
        Instant second = MutableClock.INSTANCE.instant();
        assertThat(all()).allSatisfy(d -> assertThat(d.nextAttemptAt).as("doubled")
                .isBetween(second.plus(Duration.ofMinutes(2)), second.plus(Duration.ofSeconds(144))));

        SmtpTestResource.greenMail().start();
        for (int round = 0; round < 4 && all().stream().anyMatch(d -> d.status != DeliveryStatus.SENT); round++) {
            advance(Duration.ofMinutes(10));
            outbox.drain();
        }

        assertThat(all()).extracting(d -> d.status).containsOnly(DeliveryStatus.SENT);
        assertThat(Fixtures.mails()).hasSize(3);
        for (Delivery d : all()) {
            List<Outbox.Attempt> attempts = attempts(d.id);
            assertThat(attempts).hasSizeGreaterThanOrEqualTo(3);
            assertThat(attempts.subList(0, 2)).extracting(a -> outcome(a)).containsOnly(AttemptOutcome.TRANSIENT);
            assertThat(outcome(attempts.get(attempts.size() - 1))).isEqualTo(AttemptOutcome.SENT);
            assertThat(attempts.get(0).detail()).contains("Connect");
        }
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        due("cap1", "holder.cap@kapuaskab.go.id");
        planner.run();
        SmtpTestResource.greenMail().stop();
        for (int i = 0; i < 30; i++) {
            outbox.drain();
            advance(Duration.ofMinutes(75));
        }
        Delivery d = all().get(0);
        assertThat(d.status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.attempts).isEqualTo(24);
        assertThat(attempts(d.id)).hasSize(24).extracting(a -> outcome(a)).containsOnly(AttemptOutcome.TRANSIENT);
    }

    @Test
    void anUnusableAddressIsNotEvenTried() {
        due("bad2", "budi-at-kapuaskab.go.id");
        planner.run();
        outbox.drain();

        Delivery d = all().get(0);
        assertThat(d.status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(attempts(d.id)).singleElement().satisfies(a -> {
            assertThat(outcome(a)).isEqualTo(AttemptOutcome.PERMANENT);
            assertThat(AttemptOutcome.smtpCode(a.code())).isNull();
        });
    }

    private static void due(String serial, String email) {
        Person p = new Person(UUID.randomUUID(), "Pemegang " + serial, email, "id");
        FakePeers.put(p);
        FakePeers.put(new Cert(serial, p.id(), UUID.randomUUID(), NOW.plus(Duration.ofDays(7)).plusSeconds(7200), "ACTIVE", null));
    }

    private static void advance(Duration by) {
        MutableClock.INSTANCE.advance(by);
    }

    private List<Delivery> all() {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.listAll());
    }

    private List<Outbox.Attempt> attempts(UUID id) {
        return items.attempts(List.of(id)).getOrDefault(id, List.of());
    }

    private static AttemptOutcome outcome(Outbox.Attempt a) {
        return AttemptOutcome.of(a.outcome(), a.code());
    }
}

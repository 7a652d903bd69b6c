package id.go.kapuaskab.sertel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.notification.FakePeers.Cert;
import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.DeliveryRepository;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.notification.service.ReminderPlanner;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A year of simulated time, one run a day at 07:00 WIB (twice on some days), with a month of scheduler downtime:
 * exactly the expected reminders go out, each once, on the expected day; renewed and revoked certificates are
 * skipped (and the skip recorded once); a late run sends only the most urgent missed threshold.
 */
@QuarkusTest
class ReminderYearTest {

    /** Day 0 at 07:00 WIB. */
    static final Instant START = Instant.parse("2027-01-04T00:00:00Z");
    static final int DOWN_FROM = 160;
    static final int DOWN_UNTIL = 190;

    @Inject
    ReminderPlanner planner;
    @Inject
    OutboxEngine outbox;
    @Inject
    DeliveryRepository deliveries;

    @BeforeEach
    void clean() {
        Fixtures.clean();
    }

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void sendsExactlyTheExpectedRemindersOverAYear() {
        Person budi = person("Budi Santoso", "id");
        Person anna = person("Anna Łukasiewicz-Nuñez", "en");
        cert("a100", budi, day(100).plusSeconds(3 * 3600));
        cert("b020", budi, day(20).plusSeconds(3 * 3600));
        cert("c200", budi, day(200).plusSeconds(3 * 3600));
        cert("d300", budi, day(300).plusSeconds(3 * 3600));
        cert("e250", budi, day(250).plusSeconds(3 * 3600));
        cert("f150", budi, day(150).plusSeconds(3 * 3600));
        cert("g400", budi, day(400).plusSeconds(3 * 3600));
        cert("h045", anna, day(45).plusSeconds(3 * 3600));
        cert("k002", budi, day(2).plusSeconds(3 * 3600));
        cert("l000", budi, day(-1).plusSeconds(3 * 3600));
        // expires at 00:30 WIB on day 120, before that day's 07:00 run
        cert("m120", budi, day(120).minus(Duration.ofMinutes(390)));

        for (int n = 0; n <= 365; n++) {
            MutableClock.INSTANCE.set(day(n));
            if (n == 50) {
                revoke("f150");
            }
            if (n == 225) {
                revoke("e250");
            }
            if (n == 280) {
                FakePeers.put(FakePeers.cert("d300").withStatus("SUPERSEDED", "d300next"));
            }
            if (n >= DOWN_FROM && n < DOWN_UNTIL) {
                continue;
            }
            planner.run();
            if (n % 10 == 0) {
                planner.run();
            }
            outbox.drain();
        }

        assertThat(decisions(DeliveryStatus.SENT, true)).containsExactlyInAnyOrderElementsOf(List.of(
                "a100:30@70", "a100:14@86", "a100:7@93", "a100:1@99", "a100:0@100",
                "b020:30@0", "b020:14@6", "b020:7@13", "b020:1@19", "b020:0@20",
                // the scheduler was down on days 160-189: 30 and 14 days were missed; only 14, the most urgent, is sent late
                "c200:14@190", "c200:7@193", "c200:1@199", "c200:0@200",
                "d300:30@270",
                "e250:30@220",
                "h045:30@15", "h045:14@31", "h045:7@38", "h045:1@44", "h045:0@45",
                // already 2 days from expiry on day 0: the 7-day threshold is the one reached
                "k002:7@0", "k002:1@1", "k002:0@2",
                "m120:30@90", "m120:14@106", "m120:7@113", "m120:1@119", "m120:0@120"));
        assertThat(decisions(DeliveryStatus.SKIPPED, false)).containsExactlyInAnyOrder("d300:14@286", "e250:14@236");
        assertThat(reasons()).containsExactlyInAnyOrder("d300:SUPERSEDED", "e250:REVOKED");
        assertThat(Fixtures.mails()).hasSize(29);
        assertThat(Fixtures.mails().stream().map(Fixtures::subject).filter(s -> s.contains("h045")))
                .containsExactly("Your electronic certificate expires in 30 days (serial h045)",
                        "Your electronic certificate expires in 14 days (serial h045)",
                        "Your electronic certificate expires in 7 days (serial h045)",
                        "Your electronic certificate expires in 1 day (serial h045)",
                        "Your electronic certificate expires today (serial h045)");
        assertThat(Fixtures.mails().stream().map(Fixtures::subject).filter(s -> s.contains("m120")).toList())
                .contains("Sertifikat elektronik Anda telah berakhir hari ini (nomor seri m120)");
    }

    /** serial:threshold@day of the reminders with this status, by the day they were sent (or created). */
    private Set<String> decisions(DeliveryStatus status, boolean bySentAt) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.list("kind = ?1 and status = ?2", "EXPIRY_REMINDER", status).stream()
                .map(d -> d.certificateSerial + ":" + d.thresholdDays + "@" + dayOf(bySentAt ? d.sentAt : d.createdAt))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private List<String> reasons() {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.list("status", DeliveryStatus.SKIPPED).stream()
                .map((Delivery d) -> d.certificateSerial + ":" + d.reason).toList());
    }

    static Instant day(int n) {
        return START.plus(Duration.ofDays(n));
    }

    static long dayOf(Instant instant) {
        return Duration.between(START, instant).toDays();
    }

    static Person person(String name, String lang) {
        UUID id = UUID.randomUUID();
        Person p = new Person(id, name, "p" + id.toString().substring(0, 8) + "@kapuaskab.go.id", lang);
        FakePeers.put(p);
        return p;
    }

    static void cert(String serial, Person holder, Instant notAfter) {
        FakePeers.put(new Cert(serial, holder.id(), UUID.randomUUID(), notAfter, "ACTIVE", null));
    }

    static void revoke(String serial) {
        FakePeers.put(FakePeers.cert(serial).withStatus("REVOKED", null));
    }
}

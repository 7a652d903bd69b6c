package id.go.kapuaskab.sertel.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.go.kapuaskab.sertel.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.notification.FakePeers.Cert;
import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.notification.service.ReminderPlanner;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a reminder says, in both languages, with names that are not ASCII, as a mail client receives it. */
@QuarkusTest
class ReminderMailTest {

    static final Instant NOW = Instant.parse("2027-04-16T00:00:00Z");
    /** Friday 30 April 2027, 15:30 WIB: 14 calendar days after 16 April. */
    static final Instant NOT_AFTER = Instant.parse("2027-04-30T08:30:00Z");

    @Inject
    ReminderPlanner planner;
    @Inject
    OutboxEngine outbox;

    @BeforeEach
    void clean() {
        Fixtures.clean();
        MutableClock.INSTANCE.set(NOW);
    }

    @AfterEach
    void reset() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void anIndonesianReminderNamesTheHolderTheSerialTheExpiryInWibAndTheSteps() {
        MimeMessage m = remind(new Person(UUID.randomUUID(), "I Gusti Ayu Ṣri Wulandari — Ñañez", "ayu@kapuaskab.go.id", "id"), "0a1b2c3d");
        assertThat(Fixtures.subject(m)).isEqualTo("Sertifikat elektronik Anda berakhir dalam 14 hari (nomor seri 0a1b2c3d)");
        assertThat(Fixtures.text(m)).contains(
                "Yth. I Gusti Ayu Ṣri Wulandari — Ñañez,",
                "akan berakhir dalam 14 hari, pada Jumat, 30 April 2027 pukul 15.30 WIB.",
                "Nomor seri sertifikat: 0a1b2c3d",
                "1. Masuk ke aplikasi manajemen sertifikat: http://localhost:8080/pembaruan?serial=0a1b2c3d",
                "4. Buat permohonan pembaruan sertifikat dengan kunci baru");
        assertThat(Fixtures.html(m)).contains("I Gusti Ayu Ṣri Wulandari — Ñañez", "<strong>14 hari</strong>",
                "href=\"http://localhost:8080/pembaruan?serial=0a1b2c3d\"", "lang=\"id\"");
        assertMessageId(m);
    }

    @Test
    void anEnglishReminderForAnEnglishSpeakingHolder() {
        MimeMessage m = remind(new Person(UUID.randomUUID(), "Zoë Øster-Łęcka", "zoe@kapuaskab.go.id", "en"), "0f0e0d");
        assertThat(Fixtures.subject(m)).isEqualTo("Your electronic certificate expires in 14 days (serial 0f0e0d)");
        assertThat(Fixtures.text(m)).contains("Dear Zoë Øster-Łęcka,", "on Friday, 30 April 2027 at 15:30 WIB.",
                "3. If something has changed, request a data change first");
        assertThat(Fixtures.html(m)).contains("Zoë Øster-Łęcka", "Start the renewal");
    }

    @Test
    void renewalServiceCanAskWhenTheRemindersOfACertificateWentOut() {
        remind(new Person(UUID.randomUUID(), "Budi Santoso", "budi.r@kapuaskab.go.id", "id"), "0c0ffee0");
        String renewal = TestTokens.service("renewal-service", "RENEWAL_SERVICE");

        given().auth().oauth2(renewal).get("/internal/reminders?certificateSerial=0c0ffee0").then().statusCode(200)
                .body("thresholdDays", contains(14))
                .body("[0].sentAt", equalTo(NOW.toString()));
        given().auth().oauth2(renewal).get("/internal/reminders?certificateSerial=nothing-sent").then().statusCode(200)
                .body("", hasSize(0));
        given().auth().oauth2(renewal).get("/internal/reminders").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE"))
                .get("/internal/reminders?certificateSerial=0c0ffee0").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID()))
                .get("/internal/reminders?certificateSerial=0c0ffee0").then().statusCode(403);
        given().get("/internal/reminders?certificateSerial=0c0ffee0").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("RENEWAL_SERVICE"))
                .get("/internal/reminders?certificateSerial=0c0ffee0").then().statusCode(401);
    }

    private MimeMessage remind(Person holder, String serial) {
        FakePeers.put(holder);
        FakePeers.put(new Cert(serial, holder.id(), UUID.randomUUID(), NOT_AFTER, "ACTIVE", null));
        planner.run();
        outbox.drain();
        assertThat(Fixtures.mails()).hasSize(1);
        return Fixtures.mails().get(0);
    }

    private static void assertMessageId(MimeMessage m) {
        try {
            assertThat(m.getMessageID()).matches("<[0-9a-f-]{36}@sertel\\.kapuaskab\\.go\\.id>");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package id.go.kapuaskab.sertel.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.go.kapuaskab.sertel.notification.FakePeers.Cert;
import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delivery log API: who sees what, filters, resend, the admin's reminder run, metrics, and every 401/403. */
@QuarkusTest
class NotificationApiTest {

    static final Instant NOW = Instant.parse("2027-08-02T00:00:00Z");

    @Inject
    OutboxEngine outbox;

    Person holder;
    String admin;

    @BeforeEach
    void setUp() {
        Fixtures.clean();
        MutableClock.INSTANCE.set(NOW);
        holder = new Person(UUID.randomUUID(), "Budi Santoso", "budi@kapuaskab.go.id", "id");
        Person unknownHolder = new Person(UUID.randomUUID(), "x", "x@kapuaskab.go.id", "id");
        FakePeers.put(holder);
        FakePeers.put(new Cert("aa01", holder.id(), UUID.randomUUID(), NOW.plus(Duration.ofDays(14)).plusSeconds(3600), "ACTIVE", null));
        FakePeers.put(new Cert("aa02", holder.id(), UUID.randomUUID(), NOW.plus(Duration.ofDays(7)).plusSeconds(3600), "ACTIVE", null));
        FakePeers.put(new Cert("aa03", unknownHolder.id(), UUID.randomUUID(), NOW.plus(Duration.ofDays(1)).plusSeconds(3600), "ACTIVE", null));
        admin = TestTokens.admin(UUID.randomUUID());
    }

    @AfterEach
    void reset() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void theAdminRunsRemindersAndEveryoneSeesWhatTheyMay() {
        given().auth().oauth2(admin).post("/api/v1/notifications/reminders/run").then().statusCode(200)
                .body("queued", equalTo(2)).body("skipped", equalTo(1)).body("complete", equalTo(true));
        outbox.drain();
        given().auth().oauth2(admin).post("/api/v1/notifications/reminders/run").then().statusCode(200)
                .body("queued", equalTo(0)).body("alreadyDecided", equalTo(3));

        given().auth().oauth2(TestTokens.applicant(holder.id(), UUID.randomUUID())).get("/api/v1/notifications")
                .then().statusCode(200).body("total", equalTo(2)).body("items.status", contains("SENT", "SENT"))
                .body("items[0].attemptLog", hasSize(1)).body("items[0].attemptLog[0].outcome", equalTo("SENT"));
        given().auth().oauth2(TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID())).get("/api/v1/notifications")
                .then().statusCode(200).body("total", equalTo(0));

        given().auth().oauth2(admin).get("/api/v1/notifications?status=SKIPPED")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].reason", equalTo("HOLDER_UNKNOWN"));
        given().auth().oauth2(admin).get("/api/v1/notifications?certificate=aa02")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].thresholdDays", equalTo(7));
        given().auth().oauth2(admin).queryParam("from", "2027-08-02T06:00:00+07:00").queryParam("to", "2027-08-02T08:00:00+07:00")
                .get("/api/v1/notifications")
                .then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(admin).get("/api/v1/notifications?from=2027-08-03T00:00:00Z")
                .then().statusCode(200).body("total", equalTo(0));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("sertel_reminders_due_total", "sertel_notifications_sent_total{kind=\"EXPIRY_REMINDER\"",
                "sertel_notifications_skipped_total{kind=\"EXPIRY_REMINDER\"", "sertel_reminders_lag_seconds");
    }

    @Test
    void anAdminResendsAMessageAsANewCopy() {
        given().auth().oauth2(admin).post("/api/v1/notifications/reminders/run").then().statusCode(200);
        outbox.drain();
        String id = given().auth().oauth2(admin).get("/api/v1/notifications?certificate=aa01").then().extract().path("items[0].id");

        String copy = given().auth().oauth2(admin).post("/api/v1/notifications/" + id + "/resend").then().statusCode(202)
                .body("resendOf", equalTo(id)).body("status", equalTo("PENDING")).extract().path("id");
        outbox.drain();
        given().auth().oauth2(admin).get("/api/v1/notifications/" + copy).then().statusCode(200).body("status", equalTo("SENT"));
        given().auth().oauth2(admin).get("/api/v1/notifications/" + id).then().statusCode(200).body("attempts", equalTo(1));
        assertThat(Fixtures.mails().stream().filter(m -> Fixtures.subject(m).contains("aa01"))).hasSize(2);

        String skipped = given().auth().oauth2(admin).get("/api/v1/notifications?status=SKIPPED").then().extract().path("items[0].id");
        given().auth().oauth2(admin).header("Accept-Language", "en").post("/api/v1/notifications/" + skipped + "/resend")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("notification.not-resendable"))
                .body("title", equalTo("Message cannot be resent"));
        given().auth().oauth2(admin).post("/api/v1/notifications/" + UUID.randomUUID() + "/resend")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("notification.not-found"))
                .body("title", equalTo("Pesan tidak ditemukan"));
    }

    @Test
    void anApplicantCannotSeeSomeoneElsesMessage() {
        given().auth().oauth2(admin).post("/api/v1/notifications/reminders/run").then().statusCode(200);
        String id = given().auth().oauth2(admin).get("/api/v1/notifications?certificate=aa01").then().extract().path("items[0].id");
        given().auth().oauth2(TestTokens.applicant(holder.id(), UUID.randomUUID())).get("/api/v1/notifications/" + id)
                .then().statusCode(200).body("certificateSerial", equalTo("aa01"));
        given().auth().oauth2(TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID())).get("/api/v1/notifications/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badFiltersAreProblems() {
        given().auth().oauth2(admin).header("Accept-Language", "en").get("/api/v1/notifications?from=2027-08-03T00:00:00Z&to=2027-08-02T00:00:00Z")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("notification.invalid-range"))
                .body("title", equalTo("Invalid time range"));
        given().auth().oauth2(admin).get("/api/v1/notifications?from=yesterday")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(admin).get("/api/v1/notifications?status=LOST")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(admin).get("/api/v1/notifications?limit=500")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("validation"));
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/notifications",
            "GET, /api/v1/notifications/00000000-0000-0000-0000-000000000001",
            "POST, /api/v1/notifications/00000000-0000-0000-0000-000000000001/resend",
            "POST, /api/v1/notifications/reminders/run"})
    void everyEndpointRefusesMissingAndBadTokens(String method, String path) {
        call(given(), method, path).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("code", equalTo("unauthenticated"));
        for (String token : new String[] {TestTokens.expired("ADMIN"), TestTokens.wrongIssuer("ADMIN"), TestTokens.otherKey("ADMIN"),
                TestTokens.algNone("ADMIN"), TestTokens.wrongAudience("ADMIN")}) {
            call(given().auth().oauth2(token), method, path).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("invalid-token"));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/notifications, VERIFIER",
            "GET, /api/v1/notifications, RENEWAL_SERVICE",
            "GET, /api/v1/notifications/00000000-0000-0000-0000-000000000001, VERIFIER",
            "POST, /api/v1/notifications/00000000-0000-0000-0000-000000000001/resend, APPLICANT",
            "POST, /api/v1/notifications/00000000-0000-0000-0000-000000000001/resend, VERIFIER",
            "POST, /api/v1/notifications/reminders/run, APPLICANT",
            "POST, /api/v1/notifications/reminders/run, VERIFIER",
            "POST, /api/v1/notifications/reminders/run, NOTIFICATION_SERVICE"})
    void rolesThatMayNotAre403(String method, String path, String role) {
        String token = role.endsWith("_SERVICE") ? TestTokens.service("x-service", role)
                : TestTokens.user(UUID.randomUUID(), role).institutions(UUID.randomUUID()).sign();
        call(given().auth().oauth2(token).header("Accept-Language", "en"), method, path).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden")).body("title", equalTo("Access denied"));
    }

    private static io.restassured.response.Response call(RequestSpecification request, String method, String path) {
        return method.equals("GET") ? request.get(path) : request.post(path);
    }
}

package id.go.kapuaskab.sertel.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.notification.FakePeers;
import id.go.kapuaskab.sertel.notification.FakePeers.Cert;
import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.notification.Fixtures;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where webhook events come from: the intake of other services (each only the types it owns, de-duplicated, ids and
 * states only), request states derived from renewal-service's workflow events, and expiry warnings from the
 * reminder planner, once per certificate and threshold.
 */
@QuarkusTest
class IntegrationEventIntakeTest {

    static final Instant NOW = Instant.parse("2027-08-02T00:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static WebhookReceiver receiver;

    @Inject
    OutboxEngine outbox;

    UUID institution;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void setUp() {
        Fixtures.clean();
        receiver.clear();
        MutableClock.INSTANCE.set(NOW);
        institution = UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void eachServiceHandsOverOnlyItsOwnTypesAndAnEventIdCountsOnce() {
        Webhooks.subscribe(Webhooks.client("int-portal", institution), receiver.url("/p"), "certificate.revoked", "applicant.data-changed");
        UUID id = UUID.randomUUID();
        Map<String, Object> data = Map.of("serial", "ab12", "status", "REVOKED", "reason", "keyCompromise");
        Webhooks.emit(Webhooks.CERTIFICATE_SERVICE, id, "certificate.revoked", "ab12", institution, NOW, data).then().statusCode(202)
                .body("eventId", equalTo(id.toString())).body("duplicate", equalTo(false)).body("deliveries", equalTo(1));
        Webhooks.emit(Webhooks.CERTIFICATE_SERVICE, id, "certificate.revoked", "ab12", institution, NOW, data).then().statusCode(202)
                .body("duplicate", equalTo(true)).body("deliveries", equalTo(1));

        Map<String, Object> changed = Map.of("applicantId", UUID.randomUUID().toString(), "dataVersion", 4, "subjectChanged", true);
        Webhooks.emit(Webhooks.CERTIFICATE_SERVICE, UUID.randomUUID(), "applicant.data-changed", "x", institution, NOW, changed)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("integration-event.type-not-allowed"));
        Webhooks.emit(Webhooks.APPLICANT_SERVICE, UUID.randomUUID(), "certificate.revoked", "ab12", institution, NOW, data)
                .then().statusCode(403).body("code", equalTo("integration-event.type-not-allowed"));
        Webhooks.emit(Webhooks.APPLICANT_SERVICE, UUID.randomUUID(), "applicant.data-changed", changed.get("applicantId").toString(),
                institution, NOW, changed).then().statusCode(202).body("deliveries", equalTo(1));
        Webhooks.emit(Webhooks.CERTIFICATE_SERVICE, UUID.randomUUID(), "request.state-changed", "r", institution, NOW, Map.of())
                .then().statusCode(403).body("code", equalTo("integration-event.type-not-allowed"));

        outbox.drain();
        assertThat(receiver.received("/p")).hasSize(2);
    }

    @Test
    void onlyEmittingServicesMayHandOverEvents() {
        for (String token : new String[] {TestTokens.service("renewal-service", "RENEWAL_SERVICE"), TestTokens.admin(UUID.randomUUID()),
                Webhooks.client("int-portal", institution)}) {
            Webhooks.emit(token, UUID.randomUUID(), "certificate.revoked", "ab12", institution, NOW, Map.of()).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().contentType("application/json").body("{}").post("/internal/integration-events").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("CERTIFICATE_SERVICE")).contentType("application/json").body("{}")
                .post("/internal/integration-events").then().statusCode(401);
    }

    @Test
    void personalDataNestedDataAndUnknownTypesAreRefused() {
        for (Object nik : new Object[] {"6203011208900003", "+62 812-3456-7890", 198907122015031002L}) {
            Webhooks.emit(Webhooks.APPLICANT_SERVICE, UUID.randomUUID(), "applicant.data-changed", "a", institution, NOW, Map.of("nik", nik))
                    .then().statusCode(422).body("code", equalTo("integration-event.personal-data"));
        }
        Webhooks.emit(Webhooks.APPLICANT_SERVICE, UUID.randomUUID(), "applicant.data-changed", "a", institution, NOW,
                Map.of("serial", "6203011208900003")).then().statusCode(422).body("code", equalTo("integration-event.personal-data"));
        Webhooks.emit(Webhooks.APPLICANT_SERVICE, UUID.randomUUID(), "applicant.data-changed", "a", institution, NOW,
                Map.of("person", Map.of("name", "Budi"))).then().statusCode(422).body("code", equalTo("integration-event.data-invalid"));
    }

    @Test
    void ourOwnIdentifiersAreNotPersonalDataEvenWhenTheyHoldOnlyDigits() {
        // about 3 in 10 million random serials and UUIDs have no letter: their events must not be refused (and go dead)
        String serial = "3141592653589793238462643383279";
        Webhooks.emit(Webhooks.CERTIFICATE_SERVICE, UUID.randomUUID(), "certificate.revoked", serial, institution, NOW,
                Map.of("serial", serial, "requestId", "12345678-1234-4234-8234-123456789012")).then().statusCode(202);
        Webhooks.emit(Webhooks.CERTIFICATE_SERVICE, UUID.randomUUID(), "certificate.exploded", "a", institution, NOW, Map.of())
                .then().statusCode(422).body("code", equalTo("validation")).body("fieldErrors[0].code", equalTo("unknown-event-type"));
    }

    @Test
    void aWorkflowEventBecomesARequestStateChangeWithoutPersonalData() throws Exception {
        Person applicant = new Person(UUID.randomUUID(), "Dwi Ayu Ningsih", "dwi@kapuaskab.go.id", "id");
        FakePeers.put(applicant);
        Webhooks.subscribe(Webhooks.client("int-portal", institution), receiver.url("/states"), "request.state-changed");
        UUID requestId = UUID.randomUUID();
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "REQUEST_RETURNED");
        event.put("occurredAt", NOW.toString());
        event.put("requestId", requestId.toString());
        event.put("requestType", "RENEWAL");
        event.put("applicantId", applicant.id().toString());
        event.put("institutionId", institution.toString());
        event.put("reason", "NIK 6203011208900003 tidak cocok");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(TestTokens.service("renewal-service", "RENEWAL_SERVICE")).contentType("application/json").body(event)
                    .post("/internal/events").then().statusCode(202);
        }
        outbox.drain();

        assertThat(receiver.received("/states")).singleElement().satisfies(r -> {
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("type").asText()).isEqualTo("request.state-changed");
            assertThat(body.get("data").get("requestId").asText()).isEqualTo(requestId.toString());
            assertThat(body.get("data").get("state").asText()).isEqualTo("RETURNED");
            assertThat(body.get("data").get("requestType").asText()).isEqualTo("RENEWAL");
            assertThat(r.body()).doesNotContain("6203011208900003", "Dwi", "dwi@", "reason");
        });
        assertThat(Fixtures.mails()).hasSize(1);
    }

    @Test
    void eachExpiryReminderQueuedIsOneExpiringEventForTheCertificatesInstitutionOnly() throws Exception {
        Person holder = new Person(UUID.randomUUID(), "Budi Santoso", "budi@kapuaskab.go.id", "id");
        FakePeers.put(holder);
        UUID elsewhere = UUID.randomUUID();
        FakePeers.put(new Cert("e14", holder.id(), institution, NOW.plus(Duration.ofDays(14)).plusSeconds(3600), "ACTIVE", null));
        FakePeers.put(new Cert("x07", holder.id(), elsewhere, NOW.plus(Duration.ofDays(7)).plusSeconds(3600), "ACTIVE", null));
        Webhooks.subscribe(Webhooks.client("int-portal", institution), receiver.url("/expiring"), "certificate.expiring");
        String admin = TestTokens.admin(UUID.randomUUID());

        given().auth().oauth2(admin).post("/api/v1/notifications/reminders/run").then().statusCode(200).body("queued", equalTo(2));
        given().auth().oauth2(admin).post("/api/v1/notifications/reminders/run").then().statusCode(200).body("queued", equalTo(0));
        outbox.drain();

        List<WebhookReceiver.Received> got = receiver.received("/expiring");
        assertThat(got).singleElement().satisfies(r -> {
            JsonNode data = JSON.readTree(r.body()).get("data");
            assertThat(data.get("serial").asText()).isEqualTo("e14");
            assertThat(data.get("thresholdDays").asInt()).isEqualTo(14);
            assertThat(data.get("institutionId").asText()).isEqualTo(institution.toString());
            assertThat(data.get("holderId").asText()).isEqualTo(holder.id().toString());
        });
        assertThat(Fixtures.mails()).hasSize(2);
    }
}

package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.certificate.service.RevocationService;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Certificate events for webhook subscribers: written into the outbox in the transaction of the status change (a
 * rolled-back change leaves no event), one per change, and delivered to notification-service's intake with this
 * service's own CERTIFICATE_SERVICE token, a certificate's events in order, retried while the intake fails.
 */
@QuarkusTest
class CertificateEventsTest {

    @Inject
    Db db;
    @Inject
    OutboxEngine outbox;
    @Inject
    RevocationService revocations;

    @BeforeEach
    void clean() {
        outbox.drain();
        NotificationStandIn.reset();
    }

    @Test
    void revokingEnqueuesExactlyOneEventInTheSameTransaction() {
        String serial = issue(UUID.randomUUID());
        assertThat(events(serial, "certificate.revoked")).isZero();

        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(200);
        assertThat(events(serial, "certificate.revoked")).isEqualTo(1);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(409);
        assertThat(events(serial, "certificate.revoked")).as("a refused revocation announces nothing").isEqualTo(1);
    }

    @Test
    void aRolledBackRevocationLeavesNoEvent() {
        String serial = issue(UUID.randomUUID());
        Caller admin = new Caller(UUID.randomUUID().toString(), Set.of(Caller.ADMIN), Set.of(), "id", Set.of(), Set.of("pwd", Caller.AMR_OTP),
                null, null, null);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            revocations.revoke(admin, serial, "keyCompromise", null, null);
            assertThat(events(serial, "certificate.revoked")).as("written inside the transaction").isEqualTo(1);
            throw new IllegalStateException("the caller's transaction fails after the revocation");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(events(serial, "certificate.revoked")).isZero();
        assertThat(db.column("SELECT status FROM certificate WHERE serial = ?", serial)).containsExactly("ACTIVE");
    }

    @Test
    void eventsReachTheIntakeInOrderWithOurOwnTokenAndOnlyIdsAndStates() {
        UUID institution = UUID.randomUUID();
        String serial = issue(institution);
        String admin = TestTokens.admin(UUID.randomUUID());
        given().auth().oauth2(admin).post("/api/v1/certificates/" + serial + "/suspend").then().statusCode(200);
        given().auth().oauth2(admin).post("/api/v1/certificates/" + serial + "/resume").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "affiliationChanged"))
                .post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(200);

        NotificationStandIn.answer(503);
        outbox.drain();
        assertThat(of(serial)).as("nothing taken while the intake fails").isEmpty();
        assertThat(db.count("SELECT count(*) FROM outbox_item WHERE reference = ? AND status = 'PENDING' AND attempts = 1", serial))
                .as("the first event waits for its retry, the later ones behind it").isEqualTo(1);

        NotificationStandIn.answer(202);
        db.update("UPDATE outbox_item SET next_attempt_at = now() WHERE reference = ? AND status = 'PENDING'", serial);
        outbox.drain();
        List<JsonNode> got = of(serial);
        assertThat(got).extracting(e -> e.get("type").asText())
                .containsExactly("certificate.issued", "certificate.suspended", "certificate.resumed", "certificate.revoked");
        JsonNode revoked = got.get(3);
        assertThat(revoked.get("subject").asText()).isEqualTo(serial);
        assertThat(revoked.get("institutionId").asText()).isEqualTo(institution.toString());
        assertThat(revoked.get("data").get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("data").get("reason").asText()).isEqualTo("affiliationChanged");
        assertThat(revoked.toString()).doesNotContain(Issue.NIK, "Budi", "budi@");
        assertThat(got.stream().map(e -> e.get("eventId").asText()).distinct()).hasSize(4);
        assertThat(db.count("SELECT count(*) FROM outbox_item WHERE reference = ? AND status = 'DONE'", serial)).isEqualTo(4);
    }

    @Test
    void anEventTheIntakeRefusesIsGivenUpForAnOperator() {
        String serial = issue(UUID.randomUUID());
        NotificationStandIn.answer(422);
        outbox.drain();
        assertThat(db.column("SELECT status FROM outbox_item WHERE reference = ? AND topic = 'integration.event'", serial))
                .containsExactly("DEAD");
        assertThat(db.column("SELECT a.code FROM outbox_attempt a JOIN outbox_item i ON i.id = a.item_id WHERE i.reference = ?", serial))
                .containsExactly("validation");
    }

    private static String issue(UUID institution) {
        return Issue.withCsr(Csrs.p256(), UUID.randomUUID(), institution).post().then().statusCode(201).extract().path("serial");
    }

    private long events(String serial, String type) {
        return db.count("SELECT count(*) FROM outbox_item WHERE topic = 'integration.event' AND reference = ? AND payload LIKE ?",
                serial, "%\"type\":\"" + type + "\"%");
    }

    private static List<JsonNode> of(String serial) {
        return NotificationStandIn.received().stream().filter(e -> e.get("subject").asText().equals(serial)).toList();
    }
}

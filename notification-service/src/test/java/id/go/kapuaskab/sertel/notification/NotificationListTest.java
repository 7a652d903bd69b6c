package id.go.kapuaskab.sertel.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.DeliveryRepository;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class NotificationListTest {

    @Inject
    DeliveryRepository deliveries;

    UUID holder;
    UUID mine;
    UUID theirs;

    @BeforeEach
    void seed() {
        holder = UUID.randomUUID();
        mine = insert(holder, DeliveryStatus.SENT);
        theirs = insert(UUID.randomUUID(), DeliveryStatus.FAILED);
    }

    private UUID insert(UUID recipient, DeliveryStatus status) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.kind = "EXPIRY_REMINDER";
        d.recipientAccountId = recipient;
        d.recipientEmail = "someone@kapuaskab.go.id";
        d.language = "id";
        d.subject = "Sertifikat elektronik Anda akan berakhir";
        d.status = status;
        d.createdAt = Instant.now();
        d.updatedAt = d.createdAt;
        QuarkusTransaction.requiringNew().run(() -> deliveries.persist(d));
        return d.id;
    }

    @Test
    void applicantsSeeOnlyTheirOwnMessages() {
        given().auth().oauth2(TestTokens.applicant(holder, UUID.randomUUID())).get("/api/v1/notifications")
                .then().statusCode(200).body("items.id", contains(mine.toString())).body("total", equalTo(1));
    }

    @Test
    void adminsSeeEveryMessageAndCanFilterByStatus() {
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/notifications?limit=100")
                .then().statusCode(200).body("items.id", hasItems(mine.toString(), theirs.toString()));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/notifications?status=FAILED&limit=100")
                .then().statusCode(200).body("items.status", org.hamcrest.Matchers.everyItem(equalTo("FAILED")));
    }

    @Test
    void verifiersHaveNoDeliveryLog() {
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), UUID.randomUUID())).get("/api/v1/notifications")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "expired", "wrongIssuer", "otherKey", "algNone"})
    void badOrMissingTokensAre401(String kind) {
        var request = given();
        if (!kind.equals("none")) {
            request = request.auth().oauth2(switch (kind) {
                case "expired" -> TestTokens.expired("ADMIN");
                case "wrongIssuer" -> TestTokens.wrongIssuer("ADMIN");
                case "otherKey" -> TestTokens.otherKey("ADMIN");
                default -> TestTokens.algNone("ADMIN");
            });
        }
        request.get("/api/v1/notifications").then().statusCode(401).contentType("application/problem+json");
    }
}

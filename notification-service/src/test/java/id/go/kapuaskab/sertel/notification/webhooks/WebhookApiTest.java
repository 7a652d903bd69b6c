package id.go.kapuaskab.sertel.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import id.go.kapuaskab.sertel.notification.Fixtures;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The subscription API: what each caller may see and do (scope, ownership, institutions), the secret shown once and
 * stored only encrypted, and the targets refused (server-side request forgery).
 */
@QuarkusTest
class WebhookApiTest {

    static WebhookReceiver receiver;

    @Inject
    OutboxEngine outbox;

    UUID instA;
    UUID instB;
    String clientA;
    String clientB;
    String admin;

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
        instA = UUID.randomUUID();
        instB = UUID.randomUUID();
        clientA = Webhooks.client("int-eoffice", instA);
        clientB = Webhooks.client("int-simpeg", instB);
        admin = TestTokens.admin(UUID.randomUUID());
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyEncrypted() throws Exception {
        var created = Webhooks.create(clientA, receiver.url("/a"), "certificate.revoked", "request.state-changed").then().statusCode(201)
                .header("Location", containsString(Webhooks.PATH + "/"))
                .body("subscription.owner", equalTo("int-eoffice")).body("subscription.ownerKind", equalTo("INTEGRATION"))
                .body("subscription.institutions", contains(instA.toString()))
                .body("subscription.eventTypes", contains("certificate.revoked", "request.state-changed"))
                .body("subscription.enabled", equalTo(true)).extract();
        String id = created.path("subscription.id");
        String secret = created.path("secret");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);

        given().auth().oauth2(clientA).get(Webhooks.PATH + "/" + id).then().statusCode(200).body("$", not(hasKey("secret")))
                .body("url", equalTo(receiver.url("/a")));
        given().auth().oauth2(clientA).get(Webhooks.PATH).then().statusCode(200).body("id", contains(id))
                .body("[0]", not(hasKey("secret")));

        byte[] stored = storedSecret(UUID.fromString(id));
        String hex = HexFormat.of().formatHex(stored);
        assertThat(hex).doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)).substring(0, 24))
                .doesNotContain(HexFormat.of().formatHex(Base64.getDecoder().decode(secret.substring(6))).substring(0, 24));
        assertThat(stored.length).isEqualTo(12 + secret.length() + 16);
    }

    @Test
    void aClientSeesOnlyItsOwnSubscriptionsAndOnlyItsInstitutionsEvents() {
        String a = Webhooks.subscribe(clientA, receiver.url("/a"), "certificate.revoked").id();
        String b = Webhooks.subscribe(clientB, receiver.url("/b"), "certificate.revoked").id();
        String all = Webhooks.subscribe(admin, receiver.url("/admin"), "certificate.revoked").id();

        given().auth().oauth2(clientA).get(Webhooks.PATH).then().statusCode(200).body("id", contains(a));
        given().auth().oauth2(admin).get(Webhooks.PATH).then().statusCode(200).body("id", containsInAnyOrder(a, b, all));
        given().auth().oauth2(clientA).get(Webhooks.PATH + "/" + b).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("webhook.not-found"));
        given().auth().oauth2(clientA).contentType("application/json").body("{\"enabled\":false}").patch(Webhooks.PATH + "/" + b)
                .then().statusCode(404).body("code", equalTo("webhook.not-found"));
        given().auth().oauth2(clientA).delete(Webhooks.PATH + "/" + b).then().statusCode(404);
        given().auth().oauth2(clientA).post(Webhooks.PATH + "/" + b + "/secret/rotate").then().statusCode(404);
        given().auth().oauth2(clientA).get(Webhooks.PATH + "/" + b + "/deliveries").then().statusCode(404);
        given().auth().oauth2(admin).get(Webhooks.PATH + "/" + b).then().statusCode(200).body("owner", equalTo("int-simpeg"));

        UUID forA = Webhooks.certificateEvent("certificate.revoked", "a1", instA, Instant.now());
        UUID forB = Webhooks.certificateEvent("certificate.revoked", "b1", instB, Instant.now());
        outbox.drain();
        assertThat(Webhooks.ids(receiver.received("/a"))).containsExactly(forA.toString());
        assertThat(Webhooks.ids(receiver.received("/b"))).containsExactly(forB.toString());
        assertThat(Webhooks.ids(receiver.received("/admin"))).containsExactlyInAnyOrder(forA.toString(), forB.toString());
    }

    @Test
    void anOwnerChangesDeletesAndRotatesAndTheInstitutionsFollowItsToken() {
        String id = Webhooks.subscribe(clientA, receiver.url("/a"), "certificate.revoked").id();
        UUID instC = UUID.randomUUID();
        String widened = Webhooks.client("int-eoffice", instA, instC);
        given().auth().oauth2(widened).contentType("application/json")
                .body(Map.of("url", receiver.url("/a2"), "eventTypes", new String[] {"certificate.issued", "certificate.expiring"},
                        "language", "en"))
                .patch(Webhooks.PATH + "/" + id).then().statusCode(200)
                .body("url", equalTo(receiver.url("/a2"))).body("eventTypes", contains("certificate.expiring", "certificate.issued"))
                .body("language", equalTo("en")).body("institutions", containsInAnyOrder(instA.toString(), instC.toString()));
        given().auth().oauth2(admin).contentType("application/json").body("{\"enabled\":false}").patch(Webhooks.PATH + "/" + id)
                .then().statusCode(200).body("enabled", equalTo(false)).body("disabledReason", equalTo("ADMIN"))
                .body("institutions", containsInAnyOrder(instA.toString(), instC.toString()));
        given().auth().oauth2(clientA).delete(Webhooks.PATH + "/" + id).then().statusCode(204);
        given().auth().oauth2(clientA).get(Webhooks.PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void aClientWithoutTheSubscribeScopeIsForbiddenAndOtherRolesToo() {
        String statusOnly = TestTokens.integration("int-dashboard").scopes("status:read").institutions(instA).sign();
        Webhooks.create(statusOnly, receiver.url("/x"), "certificate.revoked").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("webhook.scope-missing"));
        given().auth().oauth2(statusOnly).get(Webhooks.PATH).then().statusCode(403).body("code", equalTo("webhook.scope-missing"));
        for (String token : new String[] {TestTokens.applicant(UUID.randomUUID(), instA), TestTokens.verifier(UUID.randomUUID(), instA),
                Webhooks.CERTIFICATE_SERVICE}) {
            given().auth().oauth2(token).get(Webhooks.PATH).then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("forbidden"));
        }
        String noInstitutions = TestTokens.integration("int-empty").scopes("events:subscribe").sign();
        Webhooks.create(noInstitutions, receiver.url("/x"), "certificate.revoked").then().statusCode(422)
                .body("code", equalTo("webhook.no-institutions"));
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/integrations/webhooks",
            "POST, /api/v1/integrations/webhooks",
            "GET, /api/v1/integrations/webhooks/00000000-0000-0000-0000-000000000001",
            "PATCH, /api/v1/integrations/webhooks/00000000-0000-0000-0000-000000000001",
            "DELETE, /api/v1/integrations/webhooks/00000000-0000-0000-0000-000000000001",
            "POST, /api/v1/integrations/webhooks/00000000-0000-0000-0000-000000000001/secret/rotate",
            "GET, /api/v1/integrations/webhooks/00000000-0000-0000-0000-000000000001/deliveries",
            "POST, /api/v1/integrations/webhooks/00000000-0000-0000-0000-000000000001/deliveries/00000000-0000-0000-0000-000000000002/redeliver"})
    void everyEndpointRefusesMissingAndBadTokens(String method, String path) {
        given().contentType("application/json").body("{}").request(method, path).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("unauthenticated"));
        for (String token : new String[] {TestTokens.expired("INTEGRATION"), TestTokens.wrongIssuer("INTEGRATION"),
                TestTokens.otherKey("INTEGRATION"), TestTokens.algNone("INTEGRATION"), TestTokens.wrongAudience("INTEGRATION")}) {
            given().auth().oauth2(token).contentType("application/json").body("{}").request(method, path).then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("invalid-token"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.1.2.3/hook", "http://127.0.0.2:8080/hook", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/hook", "http://0.0.0.0/hook", "http://224.0.0.1/hook", "http://192.168.1.10/hook", "http://100.64.0.1/hook",
            "http://[::ffff:10.0.0.1]/hook", "http://localhost/hook"})
    void targetsOnPrivateLoopbackLinkLocalMulticastOrUnspecifiedAddressesAreRefused(String url) {
        Webhooks.create(clientA, url, "certificate.revoked").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("webhook.target-not-allowed"))
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/webhook.target-not-allowed"));
        given().auth().oauth2(clientA).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("url", url, "eventTypes", new String[] {"certificate.revoked"}, "contactEmail", "ops@kapuaskab.go.id"))
                .post(Webhooks.PATH).then().statusCode(422).body("title", equalTo("Target address not allowed"))
                .body("detail", containsString("private, loopback, link-local, multicast or unspecified"));
    }

    @Test
    void malformedOrUnknownTargetsAndEventTypesAreRefused() {
        for (String url : new String[] {"ftp://example.org/x", "https://user:pw@example.org/x", "https://example.org/x#frag", "/relative",
                "https:opaque"}) {
            Webhooks.create(clientA, url, "certificate.revoked").then().statusCode(422).body("code", equalTo("webhook.target-invalid"));
        }
        Webhooks.create(clientA, "https://no-such-host.invalid/hook", "certificate.revoked").then().statusCode(422)
                .body("code", equalTo("webhook.target-unresolvable"));
        Webhooks.create(clientA, receiver.url("/a"), "certificate.exploded").then().statusCode(422)
                .body("code", equalTo("validation")).body("fieldErrors[0].field", equalTo("eventTypes"))
                .body("fieldErrors[0].code", equalTo("unknown-event-type"));
        given().auth().oauth2(clientA).contentType("application/json").body(Map.of("url", receiver.url("/a"), "eventTypes",
                new String[] {"certificate.revoked"})).post(Webhooks.PATH).then().statusCode(422).body("code", equalTo("validation"));
    }

    @Test
    void aClientMayHoldAtMostTwentySubscriptions() {
        for (int i = 0; i < 20; i++) {
            Webhooks.create(clientB, receiver.url("/n" + i), "certificate.issued").then().statusCode(201);
        }
        Webhooks.create(clientB, receiver.url("/n20"), "certificate.issued").then().statusCode(409)
                .body("code", equalTo("webhook.limit-reached"));
        Webhooks.create(clientA, receiver.url("/a"), "certificate.issued").then().statusCode(201);
    }

    private static byte[] storedSecret(UUID id) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl("sertel_notification"), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("SELECT secret FROM webhook_subscription WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}

package id.go.kapuaskab.sertel.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.notification.Fixtures;
import id.go.kapuaskab.sertel.notification.webhooks.WebhookReceiver.Mode;
import id.go.kapuaskab.sertel.notification.webhooks.WebhookReceiver.Received;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as a receiver sees them, over real HTTP: signed so that the reference implementation of Standard Webhooks
 * (npm standardwebhooks, run with Node.js) accepts them, retried through an outage, 500s and time-outs until the
 * receiver is back, in order per subject, with both secrets during a rotation's overlap.
 */
@QuarkusTest
class WebhookDeliveryTest {

    static final Instant NOW = Instant.parse("2027-05-03T01:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static WebhookReceiver receiver;

    @Inject
    OutboxEngine outbox;

    UUID institution;
    String client;

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
        MutableClock.INSTANCE.set(NOW);
        receiver.clear();
        receiver.mode(Mode.OK);
        institution = UUID.randomUUID();
        client = Webhooks.client("int-eoffice", institution);
    }

    @AfterEach
    void tearDown() {
        receiver.up();
        MutableClock.INSTANCE.reset();
    }

    @Test
    void everyWebhookIsSignedSoTheStandardWebhooksReferenceLibraryAcceptsIt() throws Exception {
        Webhooks.Created sub = Webhooks.subscribe(client, receiver.url("/signed"), "certificate.revoked", "certificate.issued");
        UUID revoked = Webhooks.certificateEvent("certificate.revoked", "5f3a9c0e12ab44d1", institution, NOW.minusSeconds(5));
        UUID issued = Webhooks.certificateEvent("certificate.issued", "7a1f00c3e9", institution, NOW.minusSeconds(3));
        outbox.drain();

        List<Received> got = receiver.received("/signed");
        assertThat(Webhooks.ids(got)).containsExactlyInAnyOrder(revoked.toString(), issued.toString());
        Received first = got.stream().filter(r -> r.id().equals(revoked.toString())).findFirst().orElseThrow();
        JsonNode body = JSON.readTree(first.body());
        assertThat(body.get("type").asText()).isEqualTo("certificate.revoked");
        assertThat(body.get("timestamp").asText()).isEqualTo(NOW.minusSeconds(5).toString());
        assertThat(body.get("data").get("serial").asText()).isEqualTo("5f3a9c0e12ab44d1");
        assertThat(first.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(first.signature()).matches("v1,[A-Za-z0-9+/]{43}=");

        NodeVerifier.Verdict verdict = NodeVerifier.verify(got.stream().map(r -> new NodeVerifier.Message(sub.secret(), r, "signed")).toList());
        assertThat(verdict.exit()).as(verdict.output()).isZero();
        assertThat(verdict.lines()).hasSize(2).allMatch(l -> l.startsWith("verified "));

        Received tampered = new Received(first.path(), first.id(), first.timestamp(), first.signature(),
                first.body().replace("5f3a9c0e12ab44d1", "5f3a9c0e12ab44d2"), first.receivedAt(), 200);
        Received late = new Received(first.path(), first.id(), first.timestamp(), first.signature(), first.body(),
                first.receivedAt().plus(Duration.ofMinutes(6)), 200);
        String otherSecret = Webhooks.subscribe(client, receiver.url("/other"), "certificate.issued").secret();
        for (NodeVerifier.Message bad : List.of(new NodeVerifier.Message(sub.secret(), tampered, "tampered body"),
                new NodeVerifier.Message(sub.secret(), late, "replayed after 6 minutes"),
                new NodeVerifier.Message(otherSecret, first, "another subscription's secret"))) {
            assertThat(NodeVerifier.verify(List.of(bad)).exit()).as(bad.label()).isEqualTo(1);
        }
    }

    @Test
    void aReceiverThatIsDownThenFailingThenSlowGetsEveryEventOnceBackInOrderPerSubject() {
        Webhooks.Created sub = Webhooks.subscribe(client, receiver.url("/outage"), "certificate.revoked", "certificate.suspended",
                "certificate.resumed");
        receiver.down();
        List<UUID> first = new ArrayList<>();
        first.add(Webhooks.certificateEvent("certificate.suspended", "aa01", institution, NOW));
        UUID other = Webhooks.certificateEvent("certificate.revoked", "bb02", institution, NOW);
        first.add(Webhooks.certificateEvent("certificate.resumed", "aa01", institution, NOW.plusSeconds(1)));
        first.add(Webhooks.certificateEvent("certificate.revoked", "aa01", institution, NOW.plusSeconds(2)));

        outbox.drain();                                            // connection refused
        receiver.up();
        receiver.mode(Mode.FAIL);
        later(Duration.ofMinutes(5));                              // 500
        receiver.mode(Mode.SLOW);
        later(Duration.ofMinutes(10));                             // answers after the time-out
        receiver.mode(Mode.OK);
        later(Duration.ofMinutes(20));
        later(Duration.ofMinutes(20));

        List<String> aa01 = firstSeen(receiver.received("/outage"), first);
        assertThat(aa01).as("one subject's events in the order they happened").containsExactlyElementsOf(first.stream().map(UUID::toString).toList());
        assertThat(receiver.received("/outage")).extracting(Received::id).contains(other.toString());
        assertThat(receiver.received("/outage").stream().filter(r -> r.answered() == 500).map(Received::id))
                .as("while a subject's first event fails, its later events wait").containsOnly(first.get(0).toString(), other.toString());

        JsonPath log = given().auth().oauth2(client).get(Webhooks.PATH + "/" + sub.id() + "/deliveries?limit=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(log.getList("items.status", String.class)).hasSize(4).containsOnly("DELIVERED");
        String suspendedDelivery = log.getString("items.find { it.eventId == '" + first.get(0) + "' }.id");
        JsonPath one = given().auth().oauth2(client).get(Webhooks.PATH + "/" + sub.id() + "/deliveries/" + suspendedDelivery)
                .then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("attemptLog.code", String.class)).containsExactly("connection", "500", "timeout", "200");
        assertThat(one.getList("attemptLog.outcome", String.class)).containsExactly("RETRY", "RETRY", "RETRY", "DONE");
        assertThat(one.getInt("lastStatusCode")).isEqualTo(200);

        NodeVerifier.Verdict verdict = NodeVerifier.verify(receiver.received("/outage").stream()
                .map(r -> new NodeVerifier.Message(sub.secret(), r, "attempt answered " + r.answered())).toList());
        assertThat(verdict.exit()).as(verdict.output()).isZero();

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("sertel_webhook_deliveries_total{outcome=\"delivered\"", "sertel_webhook_deliveries_total{outcome=\"retried\"",
                "sertel_webhook_delivery_lag_seconds_count", "sertel_webhook_subscriptions_disabled",
                "sertel_outbox_attempts_total{outcome=\"RETRY\",topic=\"webhook\"");
    }

    @Test
    void duringARotationOverlapBothSecretsVerifyAndAfterItOnlyTheNewOne() {
        Webhooks.Created sub = Webhooks.subscribe(client, receiver.url("/rotation"), "certificate.issued");
        String rotated = given().auth().oauth2(client).post(Webhooks.PATH + "/" + sub.id() + "/secret/rotate").then().statusCode(200)
                .body("subscription.previousSecretValidUntil", equalTo(NOW.plus(Duration.ofHours(24)).toString()))
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(sub.secret());

        Webhooks.certificateEvent("certificate.issued", "cc01", institution, NOW);
        outbox.drain();
        Received during = receiver.received("/rotation").get(0);
        assertThat(during.signature().split(" ")).hasSize(2);
        NodeVerifier.Verdict both = NodeVerifier.verify(List.of(new NodeVerifier.Message(sub.secret(), during, "overlap, old secret"),
                new NodeVerifier.Message(rotated, during, "overlap, new secret")));
        assertThat(both.exit()).as(both.output()).isZero();

        MutableClock.INSTANCE.advance(Duration.ofHours(25));
        Webhooks.certificateEvent("certificate.issued", "cc02", institution, MutableClock.INSTANCE.instant());
        outbox.drain();
        Received after = receiver.received("/rotation").get(1);
        assertThat(after.signature().split(" ")).hasSize(1);
        assertThat(NodeVerifier.verify(List.of(new NodeVerifier.Message(rotated, after, "after overlap, new secret"))).exit()).isZero();
        assertThat(NodeVerifier.verify(List.of(new NodeVerifier.Message(sub.secret(), after, "after overlap, old secret"))).exit()).isEqualTo(1);
    }

    /** Moves the clock on and delivers what is due then. */
    private void later(Duration by) {
        MutableClock.INSTANCE.advance(by);
        outbox.drain();
    }

    /** The ids of these events in the order the receiver first saw each. */
    private static List<String> firstSeen(List<Received> received, List<UUID> of) {
        List<String> wanted = of.stream().map(UUID::toString).toList();
        return new ArrayList<>(new LinkedHashSet<>(received.stream().map(Received::id).filter(wanted::contains).toList()));
    }
}

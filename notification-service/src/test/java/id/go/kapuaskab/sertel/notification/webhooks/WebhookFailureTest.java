package id.go.kapuaskab.sertel.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.notification.Fixtures;
import id.go.kapuaskab.sertel.notification.service.HostResolver;
import id.go.kapuaskab.sertel.notification.webhooks.WebhookReceiver.Mode;
import id.go.kapuaskab.sertel.outbox.Backoff;
import id.go.kapuaskab.sertel.outbox.OutboxConfig;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a receiver will not take webhooks: 410 disables the subscription at once, failing for about a day gives up
 * and disables it, each time with one mail to its owner; re-enabled, a failed delivery can be redelivered. A target
 * whose name later resolves to a private address (DNS rebinding) is not called.
 */
@QuarkusTest
class WebhookFailureTest {

    static final Instant NOW = Instant.parse("2027-05-04T01:00:00Z");
    static WebhookReceiver receiver;

    @Inject
    OutboxEngine outbox;
    @Inject
    OutboxConfig outboxConfig;

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
        client = Webhooks.client("int-portal", institution);
    }

    @AfterEach
    void tearDown() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void theRetryScheduleOfTheWebhookTopicSpansAboutADay() {
        OutboxConfig.Topic topic = outboxConfig.topics().get("webhook");
        Backoff backoff = new Backoff(topic.backoffInitial().orElseThrow(), topic.backoffMax().orElseThrow());
        int attempts = topic.maxAttempts().orElseThrow();
        Duration waits = Duration.ZERO;
        for (int i = 1; i < attempts; i++) {
            waits = waits.plus(backoff.base(i));
        }
        Duration withMeanJitter = Duration.ofMillis(waits.toMillis() * 110 / 100);
        assertThat(withMeanJitter).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }

    @Test
    void aReceiverThatAnswers410IsDisabledAtOnceItsOwnerMailedAndARedeliveryWorksOnceReEnabled() {
        Webhooks.Created sub = Webhooks.subscribe(client, receiver.url("/gone"), "certificate.revoked");
        receiver.mode(Mode.GONE);
        Webhooks.certificateEvent("certificate.revoked", "dd01", institution, NOW);
        outbox.drain();

        given().auth().oauth2(client).get(Webhooks.PATH + "/" + sub.id()).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("GONE"));
        String failed = given().auth().oauth2(client).get(Webhooks.PATH + "/" + sub.id() + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("FAILED")).body("items[0].lastStatusCode", equalTo(410))
                .body("items[0].attemptLog[0].outcome", equalTo("DEAD")).extract().path("items[0].id");
        List<MimeMessage> mails = Fixtures.mails();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(Fixtures.to(m)).isEqualTo("ops@kapuaskab.go.id");
            assertThat(Fixtures.subject(m)).isEqualTo("Webhook sertel dinonaktifkan: " + receiver.url("/gone"));
            assertThat(Fixtures.text(m)).contains("410 Gone", sub.id());
        });

        assertThat(given().auth().oauth2(Webhooks.CERTIFICATE_SERVICE).contentType("application/json").body(java.util.Map.of(
                "eventId", UUID.randomUUID().toString(), "type", "certificate.revoked", "occurredAt", NOW.toString(), "subject", "dd02",
                "institutionId", institution.toString(), "data", java.util.Map.of("serial", "dd02")))
                .post("/internal/integration-events").then().statusCode(202).extract().<Integer>path("deliveries"))
                .as("a disabled subscription receives nothing").isZero();
        given().auth().oauth2(client).post(Webhooks.PATH + "/" + sub.id() + "/deliveries/" + failed + "/redeliver")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("webhook.subscription-disabled"));

        receiver.mode(Mode.OK);
        given().auth().oauth2(client).contentType("application/json").body("{\"enabled\":true}").patch(Webhooks.PATH + "/" + sub.id())
                .then().statusCode(200).body("enabled", equalTo(true)).body("disabledReason", equalTo(null));
        String copy = given().auth().oauth2(client).post(Webhooks.PATH + "/" + sub.id() + "/deliveries/" + failed + "/redeliver")
                .then().statusCode(202).body("redeliveryOf", equalTo(failed)).body("status", equalTo("PENDING")).extract().path("id");
        outbox.drain();
        given().auth().oauth2(client).get(Webhooks.PATH + "/" + sub.id() + "/deliveries/" + copy).then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        assertThat(receiver.received("/gone")).extracting(WebhookReceiver.Received::answered).containsExactly(410, 200);
        assertThat(receiver.received("/gone").get(0).id()).isEqualTo(receiver.received("/gone").get(1).id());
    }

    @Test
    void aReceiverFailingForADayIsGivenUpOnceAndItsOwnerMailedOnce() {
        Webhooks.Created sub = Webhooks.subscribe(client, receiver.url("/failing"), "certificate.suspended");
        given().auth().oauth2(client).contentType("application/json").body("{\"language\":\"en\"}").patch(Webhooks.PATH + "/" + sub.id())
                .then().statusCode(200);
        receiver.mode(Mode.FAIL);
        Webhooks.certificateEvent("certificate.suspended", "ee01", institution, NOW);
        for (int step = 0; step < 27 * 6; step++) {               // 27 hours in steps of 10 minutes
            outbox.drain();
            MutableClock.INSTANCE.advance(Duration.ofMinutes(10));
        }
        outbox.drain();

        JsonPath s = given().auth().oauth2(client).get(Webhooks.PATH + "/" + sub.id()).then().statusCode(200).extract().jsonPath();
        assertThat(s.getBoolean("enabled")).isFalse();
        assertThat(s.getString("disabledReason")).isIn("FAILED", "FAILING");
        List<WebhookReceiver.Received> tries = receiver.received("/failing");
        assertThat(tries.size()).isBetween(20, 29);
        assertThat(Duration.between(tries.get(0).receivedAt(), tries.get(tries.size() - 1).receivedAt()))
                .isBetween(Duration.ofHours(21), Duration.ofHours(27));
        assertThat(Fixtures.mails()).singleElement().satisfies(m -> {
            assertThat(Fixtures.subject(m)).isEqualTo("sertel webhook disabled: " + receiver.url("/failing"));
            assertThat(Fixtures.text(m)).contains("Dear system administrator", "\"enabled\": true");
        });
        assertThat(given().get("/q/metrics").then().extract().asString()).contains("sertel_webhook_disablings_total{reason=\"" + s.getString("disabledReason"));
    }

    @Test
    void aTargetThatResolvesToAPrivateAddressLaterIsNotCalled() throws Exception {
        AtomicReference<String> address = new AtomicReference<>("93.184.216.34");
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                return host.equals("hooks.example.net") ? List.of(InetAddress.getByName(address.get())) : super.resolve(host);
            }
        }, HostResolver.class);
        Webhooks.Created sub = Webhooks.subscribe(client, "http://hooks.example.net:" + receiver.url("").split(":")[2] + "/rebound",
                "certificate.revoked");
        address.set("127.0.0.1");
        Webhooks.certificateEvent("certificate.revoked", "ff01", institution, NOW);
        outbox.drain();

        assertThat(receiver.received()).isEmpty();
        given().auth().oauth2(client).get(Webhooks.PATH + "/" + sub.id() + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("RETRYING"))
                .body("items[0].attemptLog[0].code", equalTo("target-refused"))
                .body("items[0].attemptLog[0].detail", org.hamcrest.Matchers.containsString("webhook.target-not-allowed"));
    }
}

package id.go.kapuaskab.sertel.notification.webhooks;

import static io.restassured.RestAssured.given;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The webhook API as tests call it: tokens of integration clients, subscriptions, and events handed over. */
public final class Webhooks {

    public static final String PATH = "/api/v1/integrations/webhooks";
    public static final String CERTIFICATE_SERVICE = TestTokens.service("certificate-service", "CERTIFICATE_SERVICE");
    public static final String APPLICANT_SERVICE = TestTokens.service("applicant-service", "APPLICANT_SERVICE");

    private Webhooks() {
    }

    /** An integration client's token with the scope events:subscribe (and status:read) for these institutions. */
    public static String client(String clientId, UUID... institutions) {
        return TestTokens.integration(clientId).scopes("status:read", "events:subscribe").institutions(institutions).sign();
    }

    public static Response create(String token, String url, String... types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("eventTypes", List.of(types));
        body.put("description", "test receiver");
        body.put("contactEmail", "ops@kapuaskab.go.id");
        return given().auth().oauth2(token).contentType("application/json").body(body).post(PATH);
    }

    /** Creates a subscription; answers its id and secret. */
    public static Created subscribe(String token, String url, String... types) {
        Response r = create(token, url, types);
        if (r.statusCode() != 201) {
            throw new AssertionError("subscription not created: " + r.statusCode() + " " + r.asString());
        }
        return new Created(r.path("subscription.id"), r.path("secret"));
    }

    public record Created(String id, String secret) {
    }

    /** certificate-service hands over a certificate event; answers its event id. */
    public static UUID certificateEvent(String type, String serial, UUID institution, Instant occurredAt) {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serial", serial);
        data.put("status", type.substring("certificate.".length()).toUpperCase());
        data.put("institutionId", institution.toString());
        Response r = emit(CERTIFICATE_SERVICE, eventId, type, serial, institution, occurredAt, data);
        if (r.statusCode() != 202) {
            throw new AssertionError("event refused: " + r.statusCode() + " " + r.asString());
        }
        return eventId;
    }

    public static Response emit(String token, UUID eventId, String type, String subject, UUID institution, Instant occurredAt,
                                Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        body.put("subject", subject);
        body.put("institutionId", institution.toString());
        body.put("data", data);
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/internal/integration-events");
    }

    public static List<String> ids(List<WebhookReceiver.Received> received) {
        return received.stream().map(WebhookReceiver.Received::id).toList();
    }
}

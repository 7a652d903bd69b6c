package id.go.kapuaskab.sertel.applicant.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * This service's own service token ({@code applicant-service}, role {@code APPLICANT_SERVICE}) for its calls to other
 * services, kept until a minute before it expires. It is normally the token issuer, so it signs the token itself;
 * when the deployment points every service at an external OpenID provider
 * ({@code sertel.auth.external-provider.token-url}), it asks that provider with client credentials instead.
 */
@ApplicationScoped
public class ServiceToken {

    static final String CLIENT_ID = "applicant-service";

    private final AccessTokens tokens;
    private final AuthConfig.ExternalProvider external;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String current;
    private volatile Instant renewAt = Instant.MIN;

    ServiceToken(AccessTokens tokens, AuthConfig config, Clock clock, ObjectMapper json) {
        this.tokens = tokens;
        this.external = config.externalProvider();
        this.clock = clock;
        this.json = json;
    }

    public synchronized String get() {
        Instant now = clock.instant();
        if (current == null || now.isAfter(renewAt)) {
            long ttl;
            if (external.tokenUrl().filter(u -> !u.isBlank()).isPresent()) {
                JsonNode answer = fromProvider(external.tokenUrl().get());
                current = answer.path("access_token").asText();
                ttl = answer.path("expires_in").asLong(60);
            } else {
                current = tokens.forClient(CLIENT_ID, List.of(Caller.APPLICANT_SERVICE));
                ttl = tokens.ttlSeconds();
            }
            renewAt = now.plusSeconds(Math.max(10, ttl - 60));
        }
        return current;
    }

    /** RFC 6749 §4.4 with HTTP Basic client authentication; fails loudly, as an outbox delivery will retry it. */
    private JsonNode fromProvider(String tokenUrl) {
        String secret = external.clientSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("sertel.auth.external-provider.client-secret (CLIENT_SECRET) is not set"));
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(external.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
                throw new IllegalStateException("The OpenID provider refused this service's client credentials: HTTP " + response.statusCode());
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("The OpenID provider's token endpoint cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

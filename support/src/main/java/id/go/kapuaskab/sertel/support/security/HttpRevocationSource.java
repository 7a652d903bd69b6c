package id.go.kapuaskab.sertel.support.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the token issuer's revocation list ({@code GET /api/v1/auth/revocations}, public like the JWKS) from
 * {@code sertel.auth.revocations-url} ({@code AUTH_REVOCATIONS_URL}); without that setting there is no list.
 */
@DefaultBean
@ApplicationScoped
public class HttpRevocationSource implements RevocationSource {

    private final Optional<URI> url;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HttpRevocationSource(@ConfigProperty(name = "sertel.auth.revocations-url") Optional<String> url, ObjectMapper json) {
        this.url = url.filter(u -> !u.isBlank()).map(URI::create);
        this.json = json;
    }

    @Override
    public Optional<Map<String, Integer>> minimumVersions() {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.get()).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the revocation list answered " + r.statusCode());
            }
            Map<String, Integer> versions = new HashMap<>();
            for (JsonNode e : json.readTree(r.body()).path("entries")) {
                versions.put(e.path("subject").asText(), e.path("minVersion").asInt());
            }
            return Optional.of(versions);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the revocation list: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package id.go.kapuaskab.sertel.renewal.peers;

import com.sun.net.httpserver.HttpServer;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client-credentials grant of applicant-service as renewal-service uses it: HTTP Basic with
 * {@code renewal-service:test-renewal-secret} answers a RENEWAL_SERVICE token minted by the test issuer, so the real
 * CA (verifying against the same JWKS) accepts our calls; a wrong secret gets 401.
 */
public class TokenEndpoint implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "test-renewal-secret";
    private static final AtomicInteger ISSUED = new AtomicInteger();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = Http.server();
            server.createContext("/token", exchange -> {
                String body = Http.body(exchange);
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String expected = "Basic " + Base64.getEncoder().encodeToString(("renewal-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
                boolean basic = expected.equals(auth);
                boolean post = body.contains("client_id=renewal-service") && body.contains("client_secret=" + SECRET);
                if (!body.contains("grant_type=client_credentials") || !(basic || post)) {
                    Http.send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
                    return;
                }
                ISSUED.incrementAndGet();
                String token = TestTokens.service("renewal-service", "RENEWAL_SERVICE");
                Http.send(exchange, 200, "application/json",
                        "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
            });
            server.start();
        }
        String url = Http.url(server) + "/token";
        return Map.of("quarkus.oidc-client.auth-server-url", url, "quarkus.oidc-client.token-path", url,
                "quarkus.oidc-client.credentials.secret", SECRET);
    }

    @Override
    public void stop() {
        // shared by the JVM
    }

    public static int issued() {
        return ISSUED.get();
    }
}

package id.go.kapuaskab.sertel.applicant.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an external OpenID provider this service asks it for its own service token (client credentials, HTTP Basic)
 * and keeps it until shortly before it expires. The provider here is a token endpoint on 127.0.0.1 that checks what
 * RFC 6749 §4.4 says a client sends.
 */
class ServiceTokenTest {

    private HttpServer provider;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/realms/sertel/protocol/openid-connect/token", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(auth + " | " + form);
            boolean ok = ("Basic " + Base64.getEncoder().encodeToString("applicant-service:s3cret".getBytes(StandardCharsets.UTF_8))).equals(auth)
                    && form.equals("grant_type=client_credentials");
            byte[] body = (ok ? "{\"access_token\":\"eyJ.external." + seen.size() + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                    : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void asksTheExternalProviderWithClientCredentialsAndKeepsTheToken() {
        ServiceToken token = new ServiceToken(null, config(url(), "s3cret"), Clock.systemUTC(), new ObjectMapper());
        assertThat(token.get()).isEqualTo("eyJ.external.1");
        assertThat(token.get()).isEqualTo("eyJ.external.1");
        assertThat(seen).hasSize(1);
    }

    @Test
    void aRefusedSecretIsAnErrorNotAToken() {
        ServiceToken token = new ServiceToken(null, config(url(), "wrong"), Clock.systemUTC(), new ObjectMapper());
        assertThatThrownBy(token::get).hasMessageContaining("HTTP 401");
    }

    private String url() {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/sertel/protocol/openid-connect/token";
    }

    private static AuthConfig config(String tokenUrl, String secret) {
        AuthConfig.ExternalProvider external = new AuthConfig.ExternalProvider() {
            @Override
            public Optional<String> tokenUrl() {
                return Optional.of(tokenUrl);
            }

            @Override
            public String clientId() {
                return "applicant-service";
            }

            @Override
            public Optional<String> clientSecret() {
                return Optional.of(secret);
            }
        };
        return (AuthConfig) Proxy.newProxyInstance(AuthConfig.class.getClassLoader(), new Class<?>[] {AuthConfig.class}, (p, m, a) -> {
            if (m.getName().equals("externalProvider")) {
                return external;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }
}

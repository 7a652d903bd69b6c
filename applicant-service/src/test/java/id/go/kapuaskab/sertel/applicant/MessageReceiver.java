package id.go.kapuaskab.sertel.applicant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for notification-service's {@code POST /internal/messages} and {@code POST /internal/integration-events} in
 * this service's tests (the whole mail path, through notification-service to SMTP, and the events' way to a webhook are
 * played by system-tests): it keeps every message handed over, refuses
 * calls without a bearer token of the APPLICANT_SERVICE identity, and can answer 503 for a while.
 */
public class MessageReceiver implements QuarkusTestResourceLifecycleManager {

    static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    /** Integration events ({@code POST /internal/integration-events}); the real intake is played in system-tests. */
    static final List<JsonNode> EVENTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/internal/messages", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status;
                if (auth == null || !auth.startsWith("Bearer ") || !serviceToken(auth.substring(7))) {
                    status = 401;
                } else if (FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 503;
                } else {
                    RECEIVED.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
                    status = 202;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.createContext("/internal/integration-events", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status = 401;
                if (auth != null && auth.startsWith("Bearer ") && serviceToken(auth.substring(7))) {
                    EVENTS.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
                    status = 202;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }
        return Map.of("quarkus.rest-client.notification.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM
    }

    /** The payload claims of the bearer token name our identity (its signature is the services' business). */
    private static boolean serviceToken(String jwt) {
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            return "applicant-service".equals(claims.path("sub").asText()) && claims.path("groups").toString().contains("APPLICANT_SERVICE");
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }
}

package id.go.kapuaskab.sertel.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * notification-service's {@code POST /internal/integration-events} as this service's events meet it (the contract of
 * docs/ARCHITECTURE.md), and applicant-service's client-credentials grant: {@code certificate-service} with its test
 * secret gets a CERTIFICATE_SERVICE token. The intake checks that token's role, records each event, and answers 202,
 * or 503 / 422 when a test says so.
 */
public class NotificationStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "test-certificate-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Integer> ANSWER = new AtomicReference<>(202);
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "notification-stand-in");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/token", NotificationStandIn::token);
            server.createContext("/internal/integration-events", NotificationStandIn::intake);
            server.start();
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.notification.url", url, "quarkus.oidc-client.auth-server-url", url + "/token",
                "quarkus.oidc-client.token-path", url + "/token", "quarkus.oidc-client.credentials.secret", SECRET);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM
    }

    /** Events received so far (every delivery, duplicates included). */
    public static List<JsonNode> received() {
        return List.copyOf(RECEIVED);
    }

    /** The status the intake answers from now on (202, or e.g. 503 or 422 to see retries and refusals). */
    public static void answer(int status) {
        ANSWER.set(status);
    }

    public static void reset() {
        RECEIVED.clear();
        ANSWER.set(202);
    }

    private static void token(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("certificate-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
        boolean viaBasic = basic.equals(ex.getRequestHeaders().getFirst("Authorization"));
        boolean viaPost = body.contains("client_id=certificate-service") && body.contains("client_secret=" + SECRET);
        if (!body.contains("grant_type=client_credentials") || !(viaBasic || viaPost)) {
            send(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        send(ex, 200, "{\"access_token\":\"" + TestTokens.service("certificate-service", "CERTIFICATE_SERVICE")
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static void intake(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            send(ex, 401, "{\"code\":\"unauthenticated\"}");
            return;
        }
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(auth.substring(7).split("\\.")[1]));
        if (!claims.path("groups").toString().contains("\"CERTIFICATE_SERVICE\"")) {
            send(ex, 403, "{\"code\":\"forbidden\"}");
            return;
        }
        JsonNode event = JSON.readTree(ex.getRequestBody());
        int status = ANSWER.get();
        if (status == 202) {
            RECEIVED.add(event);
            send(ex, 202, "{\"eventId\":\"" + event.path("eventId").asText() + "\",\"duplicate\":false,\"deliveries\":0}");
        } else {
            send(ex, status, "{\"code\":\"" + (status == 422 ? "validation" : "service-unavailable") + "\"}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

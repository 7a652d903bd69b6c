package id.go.kapuaskab.sertel.bench.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * certificate-service's expiring view and applicant-service's snapshot for the benchmark, per the internal
 * contracts: {@code n} ACTIVE certificates expiring {@code days} days from now, one holder each, keyset pages.
 */
final class BenchPeers implements AutoCloseable {

    private final HttpServer server;
    private final int count;
    private final Instant firstNotAfter;

    BenchPeers(int count, Instant firstNotAfter, String clientSecret) throws IOException {
        this.count = count;
        this.firstNotAfter = firstNotAfter;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        String basic = "Basic " + Base64.getEncoder().encodeToString(("notification-service:" + clientSecret).getBytes(StandardCharsets.UTF_8));
        server.createContext("/token", ex -> {
            ex.getRequestBody().readAllBytes();
            if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            send(ex, 200, "{\"access_token\":\"" + TestTokens.service("notification-service", "NOTIFICATION_SERVICE")
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        });
        server.createContext("/internal/certificates/expiring", this::expiring);
        server.createContext("/internal/applicants/", ex -> {
            String id = ex.getRequestURI().getPath().substring("/internal/applicants/".length());
            int n = Integer.parseInt(id.substring(id.length() - 8), 16);
            send(ex, 200, "{\"id\":\"" + id + "\",\"status\":\"ACTIVE\",\"fullName\":\"Pemegang Sertifikat " + n
                    + "\",\"email\":\"holder" + n + "@kapuaskab.go.id\",\"language\":\"" + (n % 3 == 0 ? "en" : "id") + "\"}");
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void expiring(HttpExchange ex) throws IOException {
        Map<String, String> q = new HashMap<>();
        for (String pair : ex.getRequestURI().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Instant from = Instant.parse(q.get("from"));
        Instant to = Instant.parse(q.get("to"));
        int limit = Integer.parseInt(q.get("limit"));
        int start = q.containsKey("after") ? Integer.parseInt(new String(Base64.getUrlDecoder().decode(q.get("after")), StandardCharsets.UTF_8)) + 1 : 0;
        boolean inWindow = !firstNotAfter.isBefore(from) && firstNotAfter.plusSeconds(count).isBefore(to);
        int end = inWindow ? Math.min(count, start + limit) : start;
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = start; i < end; i++) {
            if (i > start) {
                body.append(',');
            }
            body.append("{\"serial\":\"").append(String.format("b%07x", i)).append("\",\"holderId\":\"").append(holder(i))
                    .append("\",\"institutionId\":\"").append(new UUID(1, 1)).append("\",\"notAfter\":\"")
                    .append(firstNotAfter.plusSeconds(i)).append("\",\"status\":\"ACTIVE\"}");
        }
        body.append("],\"next\":");
        body.append(end < count && inWindow ? "\"" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(end - 1).getBytes(StandardCharsets.UTF_8)) + "\"" : "null");
        send(ex, 200, body.append('}').toString());
    }

    static UUID holder(int i) {
        return new UUID(0x5e47e1L, i);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package id.go.kapuaskab.sertel.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-test stand-in for certificate-service, applicant-service and the token endpoint, implementing exactly the
 * internal contracts of docs/ARCHITECTURE.md (until the real peers are merged): the client-credentials grant with
 * HTTP Basic, the expiring view (ACTIVE only, EXPIRED by the clock, ordered by (notAfter, serial), keyset cursor),
 * one certificate, the applicant snapshot and an institution's verifiers, each requiring the caller's
 * NOTIFICATION_SERVICE token. 404 bodies are problem+json, as the peers answer.
 */
public class FakePeers implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_SECRET = "test-notification-secret";

    /** A certificate as certificate-service stores it. */
    public record Cert(String serial, UUID holderId, UUID institutionId, Instant notAfter, String status, String successorSerial) {
        public Cert withStatus(String newStatus, String successor) {
            return new Cert(serial, holderId, institutionId, notAfter, newStatus, successor);
        }
    }

    /** An applicant or verifier as applicant-service answers. */
    public record Person(UUID id, String fullName, String email, String language) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cert> CERTS = new ConcurrentHashMap<>();
    private static final Map<UUID, Person> PEOPLE = new ConcurrentHashMap<>();
    private static final Map<UUID, List<Person>> VERIFIERS = new ConcurrentHashMap<>();
    public static final AtomicBoolean APPLICANTS_DOWN = new AtomicBoolean();
    public static final AtomicInteger EXPIRING_CALLS = new AtomicInteger();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            // without it, the JDK server's separate header and body writes meet Nagle and delayed ACK: 40 ms a call
            System.setProperty("sun.net.httpserver.nodelay", "true");
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/token", FakePeers::token);
            server.createContext("/internal/certificates", FakePeers::certificates);
            server.createContext("/internal/applicants", FakePeers::applicants);
            server.createContext("/internal/institutions", FakePeers::institutions);
            server.start();
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.certificate-service.url", url,
                "quarkus.rest-client.applicant-service.url", url,
                "quarkus.oidc-client.auth-server-url", url + "/token",
                "quarkus.oidc-client.token-path", url + "/token",
                "quarkus.oidc-client.credentials.client-secret.value", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM
    }

    public static void reset() {
        CERTS.clear();
        PEOPLE.clear();
        VERIFIERS.clear();
        APPLICANTS_DOWN.set(false);
        EXPIRING_CALLS.set(0);
    }

    public static void put(Cert cert) {
        CERTS.put(cert.serial(), cert);
    }

    public static Cert cert(String serial) {
        return CERTS.get(serial);
    }

    public static void put(Person person) {
        PEOPLE.put(person.id(), person);
    }

    public static void verifiers(UUID institutionId, List<Person> verifiers) {
        VERIFIERS.put(institutionId, verifiers);
    }

    private static void token(HttpExchange ex) throws IOException {
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(("notification-service:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(ex.getRequestMethod()) || !expected.equals(basic) || !body.contains("grant_type=client_credentials")) {
            send(ex, 401, Map.of("error", "invalid_client"));
            return;
        }
        send(ex, 200, Map.of("access_token", TestTokens.service("notification-service", "NOTIFICATION_SERVICE"),
                "token_type", "Bearer", "expires_in", 300));
    }

    private static void certificates(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            return;
        }
        String path = ex.getRequestURI().getPath().substring("/internal/certificates".length());
        if (path.equals("/expiring")) {
            EXPIRING_CALLS.incrementAndGet();
            Map<String, String> q = query(ex);
            Instant from = Instant.parse(q.get("from"));
            Instant to = Instant.parse(q.get("to"));
            int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
            String afterNotAfter = null;
            String afterSerial = null;
            if (q.get("after") != null) {
                String[] parts = new String(Base64.getUrlDecoder().decode(q.get("after")), StandardCharsets.UTF_8).split("\\|", 2);
                afterNotAfter = parts[0];
                afterSerial = parts[1];
            }
            Instant cursorTime = afterNotAfter == null ? null : Instant.parse(afterNotAfter);
            String cursorSerial = afterSerial;
            List<Cert> rows = CERTS.values().stream()
                    .filter(c -> c.status().equals("ACTIVE") && !c.notAfter().isBefore(from) && c.notAfter().isBefore(to))
                    .filter(c -> cursorTime == null || c.notAfter().isAfter(cursorTime)
                            || c.notAfter().equals(cursorTime) && c.serial().compareTo(cursorSerial) > 0)
                    .sorted(Comparator.comparing(Cert::notAfter).thenComparing(Cert::serial))
                    .limit(limit + 1L).toList();
            String next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                Cert last = rows.get(limit - 1);
                next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.notAfter() + "|" + last.serial()).getBytes(StandardCharsets.UTF_8));
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (Cert c : rows) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("serial", c.serial());
                item.put("holderId", c.holderId().toString());
                item.put("institutionId", c.institutionId().toString());
                item.put("notAfter", c.notAfter().toString());
                item.put("status", statusAt(c));
                items.add(item);
            }
            Map<String, Object> page = new HashMap<>();
            page.put("items", items);
            page.put("next", next);
            send(ex, 200, page);
            return;
        }
        Cert c = CERTS.get(path.substring(1));
        if (c == null) {
            notFound(ex, "certificate.not-found");
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("serial", c.serial());
        summary.put("status", statusAt(c));
        summary.put("holderId", c.holderId().toString());
        summary.put("institutionId", c.institutionId().toString());
        summary.put("notBefore", c.notAfter().minusSeconds(730L * 86400).toString());
        summary.put("notAfter", c.notAfter().toString());
        summary.put("predecessorSerial", null);
        summary.put("successorSerial", c.successorSerial());
        send(ex, 200, summary);
    }

    private static void applicants(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            return;
        }
        if (APPLICANTS_DOWN.get()) {
            send(ex, 503, Map.of("code", "service-unavailable"));
            return;
        }
        Person p = PEOPLE.get(UUID.fromString(ex.getRequestURI().getPath().substring("/internal/applicants/".length())));
        if (p == null) {
            notFound(ex, "applicant.not-found");
            return;
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", p.id().toString());
        snapshot.put("status", "ACTIVE");
        snapshot.put("fullName", p.fullName());
        snapshot.put("email", p.email());
        snapshot.put("nik", "6203011208900003");
        snapshot.put("institutionId", UUID.randomUUID().toString());
        snapshot.put("institutionName", "Dinas Kominfo Kabupaten Kapuas");
        snapshot.put("institutionCode", "KOMINFO");
        snapshot.put("unitName", "Bidang Persandian");
        snapshot.put("language", p.language());
        snapshot.put("dataVersion", 3);
        snapshot.put("confirmedVersion", 3);
        snapshot.put("confirmedAt", "2026-11-23T01:00:00Z");
        snapshot.put("openDataChange", false);
        snapshot.put("subjectVersion", 2);
        send(ex, 200, snapshot);
    }

    private static void institutions(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            return;
        }
        if (APPLICANTS_DOWN.get()) {
            send(ex, 503, Map.of("code", "service-unavailable"));
            return;
        }
        String path = ex.getRequestURI().getPath();
        UUID id = UUID.fromString(path.substring("/internal/institutions/".length(), path.length() - "/verifiers".length()));
        List<Person> verifiers = VERIFIERS.get(id);
        if (verifiers == null) {
            notFound(ex, "institution.not-found");
            return;
        }
        send(ex, 200, verifiers.stream().map(v -> Map.of("id", v.id().toString(), "email", v.email(), "fullName", v.fullName(),
                "language", v.language())).toList());
    }

    private static String statusAt(Cert c) {
        return c.status().equals("ACTIVE") && !c.notAfter().isAfter(MutableClock.INSTANCE.instant()) ? "EXPIRED" : c.status();
    }

    /** The caller must present a token with the NOTIFICATION_SERVICE role (signature is checked by the real peers). */
    private static boolean authorized(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            send(ex, 401, Map.of("code", "unauthenticated"));
            return false;
        }
        String[] parts = auth.substring(7).split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        for (JsonNode group : claims.path("groups")) {
            if (group.asText().equals("NOTIFICATION_SERVICE")) {
                return true;
            }
        }
        send(ex, 403, Map.of("code", "forbidden"));
        return false;
    }

    private static void notFound(HttpExchange ex, String code) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/problem+json");
        byte[] body = JSON.writeValueAsBytes(Map.of("type", "https://sertel.kapuaskab.go.id/problems/" + code, "status", 404, "code", code));
        ex.sendResponseHeaders(404, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package id.go.kapuaskab.sertel.renewal.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * applicant-service's {@code GET /internal/applicants/{id}} (and {@code ?include=verifiers}) as documented in docs/ARCHITECTURE.md, held in memory so
 * a test can change an applicant's data while a request is open (or make the service unreachable). Calls without a
 * bearer token are refused, like the real one does.
 */
public class FakeApplicants implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Map<UUID, Map<String, Object>> APPLICANTS = new ConcurrentHashMap<>();
    private static final Map<UUID, List<Map<String, Object>>> VERIFIERS = new ConcurrentHashMap<>();
    private static volatile boolean down;
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = Http.server();
            server.createContext("/internal/applicants/", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.startsWith("Bearer ")) {
                    Http.send(exchange, 401, "application/problem+json", "{\"code\":\"unauthenticated\"}");
                    return;
                }
                if (down) {
                    Http.send(exchange, 503, "application/problem+json", "{\"code\":\"service-unavailable\"}");
                    return;
                }
                String id = exchange.getRequestURI().getPath().substring("/internal/applicants/".length());
                Map<String, Object> a = APPLICANTS.get(UUID.fromString(id));
                if (a == null) {
                    Http.send(exchange, 404, "application/problem+json", "{\"code\":\"applicant.not-found\"}");
                    return;
                }
                Map<String, Object> answer = new LinkedHashMap<>(a);
                if ("include=verifiers".equals(exchange.getRequestURI().getQuery())) {
                    answer.put("verifiers", VERIFIERS.getOrDefault((UUID) a.get("institutionId"), List.of()));
                }
                Http.send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
            });
            server.start();
        }
        return Map.of("quarkus.rest-client.applicant.url", Http.url(server));
    }

    @Override
    public void stop() {
        // shared by the JVM
    }

    public static void setDown(boolean value) {
        down = value;
    }

    /** An active applicant whose data version 1 is confirmed, without an open data change. */
    public static Map<String, Object> register(UUID applicantId, UUID institutionId, String fullName) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", applicantId);
        a.put("status", "ACTIVE");
        a.put("fullName", fullName);
        a.put("email", fullName.toLowerCase().replaceAll("[^a-z]", ".") + "@kapuaskab.go.id");
        a.put("nik", "6203011208900003");
        a.put("institutionId", institutionId);
        a.put("institutionName", "Dinas Kominfo Kabupaten Kapuas");
        a.put("institutionCode", "KOMINFO");
        a.put("unitName", "Bidang Persandian");
        a.put("language", "id");
        a.put("dataVersion", 1);
        a.put("confirmedVersion", 1);
        a.put("confirmedAt", Instant.now().minusSeconds(120));
        a.put("openDataChange", false);
        a.put("subjectVersion", 1);
        APPLICANTS.put(applicantId, a);
        return a;
    }

    /** The active verifiers of an institution, as {@code ?include=verifiers} lists them (none unless set). */
    public static void verifiers(UUID institutionId, List<Map<String, Object>> contacts) {
        VERIFIERS.put(institutionId, contacts);
    }

    /** What the fake answers for an applicant now. */
    public static Map<String, Object> get(UUID applicantId) {
        return Map.copyOf(APPLICANTS.get(applicantId));
    }

    public static void update(UUID applicantId, String field, Object value) {
        APPLICANTS.get(applicantId).put(field, value);
    }

    /** A subject field changes, as an approved data change makes it: new data version, subject version, unconfirmed. */
    public static void changeSubject(UUID applicantId, String field, Object value) {
        Map<String, Object> a = APPLICANTS.get(applicantId);
        int version = (Integer) a.get("dataVersion") + 1;
        a.put(field, value);
        a.put("dataVersion", version);
        a.put("subjectVersion", version);
    }

    /** The applicant confirms the current data version (SOP step 3). */
    public static void confirm(UUID applicantId) {
        Map<String, Object> a = APPLICANTS.get(applicantId);
        a.put("confirmedVersion", a.get("dataVersion"));
        a.put("confirmedAt", Instant.now());
    }
}

package id.go.kapuaskab.sertel.renewal.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * notification-service's {@code POST /internal/events}: records every delivery (duplicates included) and can be
 * told to fail the next deliveries with 503, to prove retries and at-least-once delivery. Also its
 * {@code GET /internal/reminders?certificateSerial=}, answering the reminders a test recorded.
 */
public class EventReceiver implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicBoolean REMINDERS_DOWN = new java.util.concurrent.atomic.AtomicBoolean();
    private static final Map<String, List<String>> REMINDERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> REMINDER_QUESTIONS = new java.util.concurrent.ConcurrentHashMap<>();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = Http.server();
            server.createContext("/internal/events", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.startsWith("Bearer ")) {
                    Http.send(exchange, 401, "application/problem+json", "{\"code\":\"unauthenticated\"}");
                    return;
                }
                JsonNode event = JSON.readTree(Http.body(exchange));
                if (FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    REFUSED.incrementAndGet();
                    Http.send(exchange, 503, "application/problem+json", "{\"code\":\"service-unavailable\"}");
                    return;
                }
                RECEIVED.add(event);
                Http.send(exchange, 202, null, null);
            });
            server.createContext("/internal/reminders", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.startsWith("Bearer ")) {
                    Http.send(exchange, 401, "application/problem+json", "{\"code\":\"unauthenticated\"}");
                    return;
                }
                String query = exchange.getRequestURI().getRawQuery();
                REMINDER_QUESTIONS.computeIfAbsent(query == null ? "" : query.replace("certificateSerial=", ""),
                        k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                if (REMINDERS_DOWN.get()) {
                    Http.send(exchange, 503, "application/problem+json", "{\"code\":\"service-unavailable\"}");
                    return;
                }
                String serial = query == null ? "" : query.replace("certificateSerial=", "");
                Http.send(exchange, 200, "application/json", "[" + String.join(",", REMINDERS.getOrDefault(serial, List.of())) + "]");
            });
            server.start();
        }
        return Map.of("quarkus.rest-client.notification.url", Http.url(server));
    }

    @Override
    public void stop() {
        // shared by the JVM
    }

    /** notification-service will say that the reminder of this threshold went out at this time. */
    public static void reminderSent(String serial, int thresholdDays, java.time.Instant at) {
        REMINDERS.computeIfAbsent(serial, k -> new CopyOnWriteArrayList<>())
                .add("{\"thresholdDays\":" + thresholdDays + ",\"sentAt\":\"" + at + "\"}");
    }

    /** How often the reminders of this certificate were asked for (answered or not). */
    public static int reminderQuestions(String serial) {
        java.util.concurrent.atomic.AtomicInteger n = REMINDER_QUESTIONS.get(serial);
        return n == null ? 0 : n.get();
    }

    /** notification-service cannot say which reminders went out (503) until called again with false. */
    public static void remindersDown(boolean down) {
        REMINDERS_DOWN.set(down);
    }

    public static void failNext(int deliveries) {
        FAIL_NEXT.set(deliveries);
    }

    public static int refused() {
        return REFUSED.get();
    }

    public static List<JsonNode> of(UUID requestId) {
        return RECEIVED.stream().filter(e -> requestId.toString().equals(e.path("requestId").asText())).toList();
    }
}

package id.go.kapuaskab.sertel.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A regional system's webhook receiver on 127.0.0.1: records every delivery (Standard Webhooks headers, signature checked
 * with the subscription's secret) and answers 204. It can also hold its answers, so that deliveries stay in flight in
 * notification-service (claimed, their leases renewed) for as long as a test needs, then let them go.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received. */
    public record Delivery(String webhookId, String type, JsonNode data, boolean signatureValid, Instant receivedAt) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile byte[] key;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private Subscription subscription;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", receiver::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The subscription's signing secret ({@code whsec_…}), shown once when it was created. */
    public void secret(String whsec) {
        this.key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
    }

    /** From now on, answers wait until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    /** Deliveries that arrived and wait for their answer. */
    public int waiting() {
        return waiting.get();
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** What a delivery is about: {@code request.state-changed <request> <state>}, {@code certificate.issued <serial>}, … */
    public static String key(Delivery d) {
        if (d.type().equals("request.state-changed")) {
            return d.type() + " " + d.data().path("requestId").asText() + " " + d.data().path("state").asText();
        }
        if (d.data().hasNonNull("serial")) {
            return d.type() + " " + d.data().path("serial").asText();
        }
        return d.type() + " " + d.webhookId();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        JsonNode event = Api.JSON.readTree(body);
        synchronized (this) {
            deliveries.add(new Delivery(id, event.path("type").asText(), event.path("data"), verified(id, timestamp, body, signatures),
                    Instant.now()));
        }
        waiting.incrementAndGet();
        try {
            gate.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean verified(String id, String timestamp, byte[] body, String signatures) {
        if (key == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
            for (String s : signatures.split(" ")) {
                if (s.equals(expected)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        try {
            if (subscription != null) {
                // the stack outlives the test: its later events must not wait for a receiver that is gone (waiting
                // deliveries of a deleted subscription are dropped)
                Patience.through(Session.PATIENCE, () -> subscription.api().delete("/api/v1/integrations/webhooks/" + subscription.id(),
                        subscription.token().get())).expect(204);
            }
        } finally {
            server.stop(0);
        }
    }

    /** Subscribes this receiver to the event types, as an admin (all institutions); {@link #close} deletes the subscription. */
    public WebhookReceiver subscribe(Api api, java.util.function.Supplier<String> token, List<String> eventTypes) {
        JsonNode created = api.post("/api/v1/integrations/webhooks", token.get(), java.util.Map.of("url", url(), "eventTypes", eventTypes,
                "contactEmail", "ops@kapuaskab.go.id")).expect(201);
        secret(created.path("secret").asText());
        subscription = new Subscription(api, token, created.path("subscription").path("id").asText());
        return this;
    }

    private record Subscription(Api api, java.util.function.Supplier<String> token, String id) {
    }
}

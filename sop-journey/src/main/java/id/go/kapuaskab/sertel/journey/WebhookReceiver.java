package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The e-office's webhook endpoint, as a regional system would write one: it accepts a delivery only when a
 * {@code webhook-signature} v1 entry is the HMAC-SHA256 of {@code id.timestamp.body} under the subscription's secret
 * (Standard Webhooks) and the timestamp is within five minutes, and keeps what it accepted. Listens on 127.0.0.1.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One accepted delivery. */
    record Received(String id, String type, JsonNode data) {
    }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile byte[] key;
    private int refused;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new JourneyFailure("cannot open the e-office's webhook endpoint", e);
        }
        server.createContext("/hooks/sertel", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean ok = verified(id, timestamp, signatures, body);
            if (ok) {
                JsonNode event = Json.parse(body);
                synchronized (received) {
                    received.add(new Received(id, event.path("type").asText(), event.path("data")));
                    received.notifyAll();
                }
            } else {
                synchronized (received) {
                    refused++;
                }
            }
            exchange.sendResponseHeaders(ok ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/sertel";
    }

    /** The subscription's secret as the API answered it ({@code whsec_} + base64). */
    void trust(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new JourneyFailure("a webhook secret must start with whsec_: " + (secret == null ? "none" : "another form"));
        }
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** Waits until an accepted event matches, or fails after {@code patience}. */
    Received await(Predicate<Received> wanted, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) {
                    if (wanted.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new JourneyFailure("the e-office did not receive " + what + " within " + patience.toSeconds() + " s (received "
                            + received.stream().map(Received::type).toList() + ", refused " + refused + ")");
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JourneyFailure("interrupted", e);
                }
            }
        }
    }

    List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    int refused() {
        synchronized (received) {
            return refused;
        }
    }

    private boolean verified(String id, String timestamp, String signatures, byte[] body) {
        if (key == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            long sent = Long.parseLong(timestamp);
            if (Duration.between(Instant.ofEpochSecond(sent), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String entry : signatures.split(" ")) {
                if (entry.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (NumberFormatException | GeneralSecurityException e) {
            return false;
        } catch (IllegalArgumentException e) {
            return false;                                               // a signature that is not base64
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

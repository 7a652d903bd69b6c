package id.go.kapuaskab.sertel.bench.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The regional system's webhook endpoint of the webhooks scenario, on 127.0.0.1: it notes when each {@code webhook-id}
 * first arrived (the moment its request line and headers are in) and answers 204 at once. It checks only that the
 * Standard Webhooks headers are there; the signature itself is not verified (sop-journey's receiver does that), so
 * the receiver costs the services next to nothing. A second arrival of an id is counted as a duplicate.
 */
final class WebhookSink implements AutoCloseable {

    private static final String PATH = "/hooks/sertel";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unsigned = new LongAdder();

    WebhookSink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // notification-service sends with 8 outbox workers: as many handler threads, so none waits behind another
        threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "webhook-sink");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext(PATH, this::receive);
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        try (exchange) {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            if (id == null || timestamp == null || signature == null || !signature.startsWith("v1,")) {
                unsigned.increment();
            } else if (firstArrival.putIfAbsent(id, at) != null) {
                duplicates.increment();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** When the id first arrived ({@link System#nanoTime()}), or null. */
    Long arrival(String webhookId) {
        return firstArrival.get(webhookId);
    }

    /** Distinct webhook-ids received so far. */
    int distinct() {
        return firstArrival.size();
    }

    /** Requests whose webhook-id had arrived before. */
    long duplicates() {
        return duplicates.sum();
    }

    /** Requests without the Standard Webhooks headers. */
    long unsigned() {
        return unsigned.sum();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

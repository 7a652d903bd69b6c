package id.go.kapuaskab.sertel.notification.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A regional system's webhook receiver, over real HTTP (JDK HttpServer on 127.0.0.1): it records every request as it
 * arrived (headers, body, the test clock's time) and answers as told: 200, 500, 410, or too slowly; {@link #down()}
 * closes its port until {@link #up()}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How the receiver answers. */
    public enum Mode {
        OK, FAIL, GONE, SLOW
    }

    /** One request as it arrived, and the status it was answered with. */
    public record Received(String path, String id, String timestamp, String signature, String body, Instant receivedAt, int answered) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-receiver");
        t.setDaemon(true);
        return t;
    });
    private final int port;
    private volatile Mode mode = Mode.OK;
    private volatile long slowMillis = 2500;
    private HttpServer server;
    private boolean running;

    private WebhookReceiver() {
        this.server = bind(0);
        this.port = server.getAddress().getPort();
        this.running = true;
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public void mode(Mode value) {
        this.mode = value;
    }

    public synchronized void down() {
        if (running) {
            server.stop(0);
            running = false;
        }
    }

    public synchronized void up() {
        if (!running) {
            server = bind(port);
            running = true;
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public void clear() {
        received.clear();
    }

    @Override
    public synchronized void close() {
        down();
        threads.shutdownNow();
    }

    private HttpServer bind(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            s.setExecutor(threads);
            s.createContext("/", this::handle);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Mode now = mode;
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = switch (now) {
            case OK, SLOW -> 200;
            case FAIL -> 500;
            case GONE -> 410;
        };
        received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("webhook-id"),
                ex.getRequestHeaders().getFirst("webhook-timestamp"), ex.getRequestHeaders().getFirst("webhook-signature"), body,
                MutableClock.INSTANCE.instant(), status));
        if (now == Mode.SLOW) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            ex.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // the sender gave up waiting and closed the connection
        } finally {
            ex.close();
        }
    }
}

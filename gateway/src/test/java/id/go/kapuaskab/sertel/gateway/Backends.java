package id.go.kapuaskab.sertel.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Real HTTP servers standing in for the services behind the gateway: they echo what reached them (so a
 * test sees exactly what the gateway forwarded) and serve a small OpenAPI document. The certificate
 * route points at a port nobody listens on, to see the gateway answer for a service that is down.
 */
public class Backends implements QuarkusTestResourceLifecycleManager {

    /** Every path that reached any backend, in order. */
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private HttpServer applicant;
    private HttpServer renewal;
    private HttpServer notification;
    private HttpServer signing;
    private HttpServer console;

    @Override
    public Map<String, String> start() {
        applicant = echo("applicant");
        renewal = echo("renewal");
        notification = echo("notification");
        signing = echo("signing");
        console = echo("console");
        return Map.of(
                "sertel.gateway.routes.console.url", url(console),
                "sertel.gateway.routes.signing.url", url(signing),
                "sertel.gateway.routes.applicant.url", url(applicant),
                "sertel.gateway.routes.renewal.url", url(renewal),
                "sertel.gateway.routes.notification.url", url(notification),
                "sertel.gateway.routes.certificate.url", "http://127.0.0.1:" + closedPort());
    }

    @Override
    public void stop() {
        applicant.stop(0);
        renewal.stop(0);
        notification.stop(0);
        signing.stop(0);
        console.stop(0);
    }

    private static HttpServer echo(String name) {
        try {
            // a real backlog, as the services have: ConnectionReuseTest opens connections quickly
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> handle(name, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(String name, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/q/openapi")) {
            String prefix = switch (name) {
                case "renewal" -> "/api/v1/requests";
                case "signing" -> "/api/v1/signatures";
                default -> "/api/v1/" + name + "s";
            };
            respond(exchange, 200, """
                    {"openapi":"3.1.0","paths":{"%s":{"get":{"summary":"list","tags":["%s"],"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"},"example":{"items":[]}}}},
                    "500":{"description":"failure","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
                    "/internal/secret":{"post":{"summary":"never public","tags":["internal"],"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/SecretBody"}}}}}}},
                    "components":{"schemas":{"Page":{"type":"object","description":"%s page","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}}},
                    "Item":{"type":"object"},"SecretBody":{"type":"object","properties":{"nik":{"$ref":"#/components/schemas/Nik"}}},"Nik":{"type":"string"},
                    "Problem":{"type":"object","properties":{"type":{"type":"string"},"status":{"type":"integer"}}}}},
                    "tags":[{"name":"%s"},{"name":"internal","description":"Service-to-service"}]}"""
                    .formatted(prefix, name, name, name));
            return;
        }
        SEEN.add(path);
        MessageDigest digest = newSha256();
        long length = 0;
        try (InputStream in = exchange.getRequestBody()) {                 // streamed: bodies may be 20 MiB
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                length += n;
            }
        }
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(8_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String json = """
                {"service":"%s","method":"%s","path":"%s","query":%s,"authorization":%s,"requestId":%s,"forwardedFor":%s,"bodyLength":%d,"bodySha256":"%s"}"""
                .formatted(name, exchange.getRequestMethod(), path, quote(exchange.getRequestURI().getRawQuery()),
                        quote(exchange.getRequestHeaders().getFirst("Authorization")),
                        quote(exchange.getRequestHeaders().getFirst("X-Request-Id")),
                        quote(exchange.getRequestHeaders().getFirst("X-Forwarded-For")),
                        length, HexFormat.of().formatHex(digest.digest()));
        int status = path.endsWith("/created") ? 201 : 200;
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            // as every service does: the id of the call is echoed on its answer
            exchange.getResponseHeaders().add("X-Request-Id", requestId);
        }
        respond(exchange, status, json);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

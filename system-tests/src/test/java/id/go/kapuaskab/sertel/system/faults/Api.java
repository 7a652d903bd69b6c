package id.go.kapuaskab.sertel.system.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public API as a front end calls it, through one address (a gateway, or the ingress in front of several): JSON in,
 * {@link Reply} out, every answer written to the {@link CallLog}. A call that gets no HTTP answer at all (the entry point
 * is down) is a reply with status 0, so callers treat it like the outage answers.
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final URI base;
    private final CallLog log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Api(URI base, CallLog log) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.log = log;
    }

    public URI base() {
        return base;
    }

    public CallLog log() {
        return log;
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, Object body) {
        return send("POST", path, token, body == null ? null : json(body), "application/json");
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    public Reply form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, null, body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    private Reply send(String method, String path, String token, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        Reply reply;
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply = new Reply(method, path, r.statusCode(), r.headers().map(), r.body(), null);
        } catch (IOException e) {
            reply = new Reply(method, path, 0, Map.of(), new byte[0], e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        log.record(reply);
        return reply;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

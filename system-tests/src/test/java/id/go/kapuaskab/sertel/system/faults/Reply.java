package id.go.kapuaskab.sertel.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One answer of the API (status 0: no HTTP answer at all, {@code failure} says why), with what the checks need. */
public record Reply(String method, String path, int status, Map<String, List<String>> headers, byte[] body, String failure, Instant at) {

    /** The answers a caller may meet while a part of the system is down: the gateway's problems, or no answer. */
    static final Set<Integer> OUTAGE = Set.of(0, 502, 503, 504);

    Reply(String method, String path, int status, Map<String, List<String>> headers, byte[] body, String failure) {
        this(method, path, status, headers, body, failure, Instant.now());
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean outage() {
        return OUTAGE.contains(status);
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).flatMap(e -> e.getValue().stream())
                .findFirst().orElse(null);
    }

    public String contentType() {
        String type = header("Content-Type");
        return type == null ? "" : type;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(describe() + ": not JSON", e);
        }
    }

    /** {@code service-unavailable} from {@code https://sertel.kapuaskab.go.id/problems/service-unavailable}, or null. */
    public String problemCode() {
        if (!contentType().startsWith("application/problem+json")) {
            return null;
        }
        String type = json().path("type").asText("");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** Fails unless the status is one of these; returns the JSON body. */
    public JsonNode expect(int... statuses) {
        for (int s : statuses) {
            if (s == status) {
                return body.length == 0 ? Api.JSON.nullNode() : json();
            }
        }
        throw new AssertionError(describe());
    }

    public String describe() {
        String what = status == 0 ? "no answer (" + failure + ")" : status + " " + contentType() + " " + abbreviate(text());
        return method + " " + path + " → " + what;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}

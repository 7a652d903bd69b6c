package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway answered to one {@link Call}, with the checks the journey makes on every answer: status, content
 * type, problem type, fields. Each check throws a {@link JourneyFailure} that quotes the call, the answer and the
 * gateway's request id, so the services' logs can be searched for it.
 */
public final class Answer {

    public static final String PROBLEM_BASE = "https://sertel.kapuaskab.go.id/problems/";

    private final Call call;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private JsonNode json;

    Answer(Call call, int status, Map<String, List<String>> headers, byte[] body) {
        this.call = call;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public Call call() {
        return call;
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    public byte[] bytes() {
        return body.clone();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Fails unless the status is one of these. */
    public Answer expect(int... statuses) {
        if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
            throw fail("answered " + status + ", expected " + Arrays.toString(statuses));
        }
        return this;
    }

    /** Fails unless the status is this one and the body is {@code application/json}. */
    public JsonNode json(int expectedStatus) {
        expect(expectedStatus);
        expectContentType("application/json");
        return json();
    }

    /** Fails unless the answer is this problem: status, {@code application/problem+json} and {@code type}. */
    public JsonNode problem(int expectedStatus, String code) {
        expect(expectedStatus);
        expectContentType("application/problem+json");
        JsonNode problem = json();
        String type = problem.path("type").asText();
        if (!type.equals(PROBLEM_BASE + code)) {
            throw fail("problem type " + type + ", expected " + PROBLEM_BASE + code);
        }
        if (problem.path("status").asInt() != expectedStatus || problem.path("title").asText().isBlank()) {
            throw fail("problem without its status or title");
        }
        return problem;
    }

    public Answer expectContentType(String mediaType) {
        String actual = contentType();
        if (!actual.toLowerCase(java.util.Locale.ROOT).startsWith(mediaType)) {
            throw fail("content type '" + actual + "', expected " + mediaType);
        }
        return this;
    }

    public JsonNode json() {
        if (json == null) {
            json = Json.parse(body);
        }
        return json;
    }

    /**
     * A field of the JSON body that must be there and not empty: a name ({@code state}) or a JSON pointer
     * ({@code /request/state}).
     */
    public String field(String name) {
        JsonNode node = json().at(name.startsWith("/") ? name : "/" + name);
        if (node.isMissingNode() || node.isNull() || node.asText().isEmpty()) {
            throw fail("no '" + name + "' in the answer");
        }
        return node.asText();
    }

    /** Fails unless the field has this value (compared as text). */
    public Answer has(String name, Object expected) {
        String actual = field(name);
        if (!actual.equals(String.valueOf(expected))) {
            throw fail("'" + name + "' is '" + actual + "', expected '" + expected + "'");
        }
        return this;
    }

    /** A failure that names this call and answer. */
    public JourneyFailure fail(String what) {
        return new JourneyFailure(call.describe() + ": " + what + "\n  answer " + status + " " + contentType()
                + header("X-Request-Id").map(id -> " (X-Request-Id " + id + ")").orElse("") + "\n  " + excerpt());
    }

    private String excerpt() {
        String text = text();
        return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
    }
}

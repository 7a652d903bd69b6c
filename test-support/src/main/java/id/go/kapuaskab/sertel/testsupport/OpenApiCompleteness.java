package id.go.kapuaskab.sertel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a client team needs of each operation of an OpenAPI document, checked the same way for every service and for the
 * gateway's aggregated document: a summary; on every 4xx/5xx response the {@code Problem} schema as
 * {@code application/problem+json}; an example of what it takes or answers (on the body, a success response or a
 * parameter; an operation that takes and answers nothing has nothing to show); a description on every {@code /pki} and
 * admin operation; no tag naming it internal. A failure names every operation that falls short and why.
 */
public final class OpenApiCompleteness {

    private static final Pattern INTERNAL_TAG = Pattern.compile("(?i).*(internal|for[- ]services|service[- ]to[- ]service).*");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiCompleteness() {
    }

    /**
     * A service's own document: every operation must carry problems on its errors; the operations the gateway routes
     * (all but {@code /internal} and {@code /q}) must also meet the rest.
     */
    public static void assertServiceDocument(JsonPath document) {
        List<String> gaps = gaps(document, false);
        assertThat(gaps).as("operations the OpenAPI document leaves incomplete").isEmpty();
    }

    /**
     * A document clients read (the gateway's): as {@link #assertServiceDocument}, and no {@code /internal} path and no
     * internal tag anywhere in it.
     */
    public static void assertPublicDocument(JsonPath document) {
        List<String> gaps = gaps(document, true);
        assertThat(gaps).as("operations the public OpenAPI document leaves incomplete").isEmpty();
    }

    /** Every gap, one line each ("GET /pki/ocsp: no description"); exposed for the test of this check. */
    @SuppressWarnings("unchecked")
    public static List<String> gaps(JsonPath document, boolean published) {
        List<String> gaps = new ArrayList<>();
        Map<String, Object> paths = document.getMap("paths");
        if (paths == null) {
            return List.of("the document has no paths");
        }
        if (published) {
            for (Object tag : listOf(document.get("tags"))) {
                String name = String.valueOf(((Map<String, Object>) tag).get("name"));
                if (INTERNAL_TAG.matcher(name).matches()) {
                    gaps.add("the document lists the internal tag '" + name + "'");
                }
            }
        }
        paths.forEach((path, item) -> {
            boolean internal = path.startsWith("/internal") || path.startsWith("/q/");
            if (published && internal) {
                gaps.add(path + ": an internal path in a public document");
            }
            Map<String, Object> operations = (Map<String, Object>) item;
            for (String method : METHODS) {
                if (operations.get(method) instanceof Map<?, ?> operation) {
                    String name = method.toUpperCase(Locale.ROOT) + " " + path;
                    check(name, path, (Map<String, Object>) operation, internal, gaps);
                }
            }
        });
        return gaps;
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, String path, Map<String, Object> operation, boolean internal, List<String> gaps) {
        Map<String, Object> responses = mapOf(operation.get("responses"));
        List<String> errors = responses.keySet().stream().filter(code -> code.startsWith("4") || code.startsWith("5")).toList();
        if (errors.isEmpty()) {
            gaps.add(name + ": no error response");
        }
        for (String code : errors) {
            Map<String, Object> problem = mapOf(mapOf(mapOf(responses.get(code)).get("content")).get("application/problem+json"));
            Object ref = mapOf(problem.get("schema")).get("$ref");
            if (ref == null || !String.valueOf(ref).matches("#/components/schemas/(\\w+_)?Problem")) {
                gaps.add(name + ": response " + code + " without the Problem schema as application/problem+json");
            }
        }
        if (internal) {
            return;
        }
        if (blank(operation.get("summary"))) {
            gaps.add(name + ": no summary");
        }
        if ((path.startsWith("/pki") || isAdmin(path, operation)) && blank(operation.get("description"))) {
            gaps.add(name + ": no description (a /pki or admin operation)");
        }
        for (Object tag : listOf(operation.get("tags"))) {
            if (INTERNAL_TAG.matcher(String.valueOf(tag)).matches()) {
                gaps.add(name + ": carries the internal tag '" + tag + "'");
            }
        }
        if (hasSomethingToShow(operation, responses) && !hasExample(operation, responses)) {
            gaps.add(name + ": no example (request body, success response or parameter)");
        }
    }

    /**
     * An admin operation: under an admin path, allowed to the ADMIN role only (the roles as the security requirement's
     * scopes), or documented as one (its summary says "(admin)", its 403 "Not an admin"). Services that name their
     * scheme on a class ({@code @SecurityRequirement(name = "jwt")}) list no roles, hence the last two.
     */
    @SuppressWarnings("unchecked")
    private static boolean isAdmin(String path, Map<String, Object> operation) {
        Object forbidden = mapOf(mapOf(operation.get("responses")).get("403")).get("description");
        if (path.contains("/admin") || String.valueOf(operation.get("summary")).contains("(admin")
                || String.valueOf(forbidden).toLowerCase(Locale.ROOT).contains("not an admin")) {
            return true;
        }
        List<Object> roles = new ArrayList<>();
        for (Object requirement : listOf(operation.get("security"))) {
            ((Map<String, Object>) requirement).values().forEach(scopes -> roles.addAll(listOf(scopes)));
        }
        return roles.equals(List.of("ADMIN"));
    }

    private static boolean hasSomethingToShow(Map<String, Object> operation, Map<String, Object> responses) {
        return operation.get("requestBody") != null || !listOf(operation.get("parameters")).isEmpty()
                || successContents(responses).findAny().isPresent();
    }

    private static boolean hasExample(Map<String, Object> operation, Map<String, Object> responses) {
        boolean inBody = mapOf(mapOf(operation.get("requestBody")).get("content")).values().stream().anyMatch(OpenApiCompleteness::exemplified);
        boolean inAnswer = successContents(responses).anyMatch(OpenApiCompleteness::exemplified);
        boolean inParameter = listOf(operation.get("parameters")).stream().anyMatch(OpenApiCompleteness::exemplified);
        return inBody || inAnswer || inParameter;
    }

    private static java.util.stream.Stream<Object> successContents(Map<String, Object> responses) {
        return responses.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .flatMap(e -> mapOf(mapOf(e.getValue()).get("content")).values().stream());
    }

    private static boolean exemplified(Object mediaTypeOrParameter) {
        Map<String, Object> node = mapOf(mediaTypeOrParameter);
        return node.get("example") != null || !mapOf(node.get("examples")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object node) {
        return node instanceof Collection<?> list ? new ArrayList<>((Collection<Object>) list) : List.of();
    }

    private static boolean blank(Object text) {
        return Objects.toString(text, "").isBlank();
    }
}

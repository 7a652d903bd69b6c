package id.go.kapuaskab.sertel.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.kapuaskab.sertel.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for the public API: each backend's own document (from its {@code /q/openapi}),
 * reduced to the paths the gateway routes to it (never {@code /internal}) and to the schemas and tags those paths use, merged,
 * with schema names that collide between services prefixed by the service name. Rebuilt at most once a minute; a backend that is
 * down is listed in {@code x-unavailable} instead of failing the whole document.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final GatewayConfig config;
    private final RouteTable routes;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    OpenApiAggregator(GatewayConfig config, RouteTable routes, ObjectMapper json) {
        this.config = config;
        this.routes = routes;
        this.json = json;
    }

    public synchronized ObjectNode document() {
        if (cached != null && Instant.now().isBefore(cachedAt.plus(FRESH_FOR)) && !cached.has("x-unavailable")) {
            return cached;
        }
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "sertel public API");
        info.put("version", "1.0");
        info.put("description", "Electronic-certificate lifecycle of Kabupaten Kapuas: log in, applicant data, "
                + "issuance/renewal/revocation requests, certificates and public PKI, notifications. All errors are "
                + "RFC 9457 problem+json in Indonesian (default) or English (Accept-Language: en).");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        ObjectNode security = ((ObjectNode) merged.get("components")).putObject("securitySchemes");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        List<String> unavailable = new ArrayList<>();
        for (var entry : config.routes().entrySet()) {
            String service = entry.getKey();
            if (!entry.getValue().openapi()) {
                continue;
            }
            try {
                JsonNode doc = fetch(entry.getValue().url());
                mergeInto(service, doc, paths, schemas, security, tags, tagNames);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("OpenAPI of %s unavailable: %s", service, e.toString());
                unavailable.add(service);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable.add(service);
            }
        }
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-unavailable");
            unavailable.forEach(missing::add);
        }
        cached = merged;
        cachedAt = Instant.now();
        return merged;
    }

    private JsonNode fetch(String baseUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private void mergeInto(String service, JsonNode full, ObjectNode paths, ObjectNode schemas, ObjectNode security,
                           ArrayNode tags, Set<String> tagNames) throws IOException {
        JsonNode doc = publicPart(full, routes.prefixesOf(service));
        Set<String> renamed = new HashSet<>();
        JsonNode theirSchemas = doc.path("components").path("schemas");
        for (Iterator<String> it = theirSchemas.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (schemas.has(name) && !schemas.get(name).equals(theirSchemas.get(name))) {
                renamed.add(name);
            }
        }
        String text = json.writeValueAsString(doc);
        for (String name : renamed) {
            text = text.replace("\"#/components/schemas/" + name + "\"", "\"#/components/schemas/" + service + "_" + name + "\"");
        }
        JsonNode rewritten = json.readTree(text);
        rewritten.path("components").path("schemas").fields().forEachRemaining(e -> {
            String name = renamed.contains(e.getKey()) ? service + "_" + e.getKey() : e.getKey();
            schemas.set(name, e.getValue());
        });
        rewritten.path("components").path("securitySchemes").fields().forEachRemaining(e -> security.set(e.getKey(), e.getValue()));
        rewritten.path("paths").fields().forEachRemaining(e -> paths.set(e.getKey(), e.getValue()));
        for (JsonNode tag : rewritten.path("tags")) {
            if (tagNames.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        }
    }

    /** A service's document with only the paths the gateway routes to it and the schemas those use. */
    private static ObjectNode publicPart(JsonNode doc, List<String> prefixes) {
        ObjectNode copy = doc.deepCopy();
        ObjectNode kept = copy.putObject("paths");
        doc.path("paths").fields().forEachRemaining(e -> {
            if (isPublic(e.getKey(), prefixes)) {
                kept.set(e.getKey(), e.getValue());
            }
        });
        ReachableSchemas.prune(copy);
        keepUsedTags(copy);
        return copy;
    }

    /** Tags only the dropped operations carried (the internal ones) go with them: clients see only tags they can use. */
    private static void keepUsedTags(ObjectNode document) {
        Set<String> used = new HashSet<>();
        document.path("paths").elements().forEachRemaining(item -> item.elements().forEachRemaining(
                operation -> operation.path("tags").forEach(tag -> used.add(tag.asText()))));
        if (document.get("tags") instanceof ArrayNode tags) {
            for (Iterator<JsonNode> it = tags.elements(); it.hasNext(); ) {
                if (!used.contains(it.next().path("name").asText())) {
                    it.remove();
                }
            }
        }
    }

    private static boolean isPublic(String path, List<String> prefixes) {
        if (path.startsWith("/internal") || path.startsWith("/q/")) {
            return false;
        }
        return prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }
}

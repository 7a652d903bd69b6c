package id.go.kapuaskab.sertel.system.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's public OpenAPI document, read as the hostile walk needs it: every write operation with its path
 * parameters, the media types of its body, and the schema of a JSON body, plus a well-typed skeleton of that body for
 * the walk to spoil one member at a time.
 */
public final class WalkDocument {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One write operation of the public API. */
    public record Operation(String method, String path, List<String> pathParameters, List<String> mediaTypes, JsonNode bodySchema) {

        public boolean takesJson() {
            return mediaTypes.stream().anyMatch(t -> t.startsWith("application/json"));
        }

        public boolean takesForm() {
            return mediaTypes.contains("application/x-www-form-urlencoded");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private final JsonNode document;

    public WalkDocument(JsonNode document) {
        this.document = document;
    }

    public List<Operation> writes() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!WRITES.contains(op.getKey())) {
                return;
            }
            List<String> parameters = new ArrayList<>();
            Matcher m = PARAMETER.matcher(path.getKey());
            while (m.find()) {
                parameters.add(m.group(1));
            }
            JsonNode content = op.getValue().path("requestBody").path("content");
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            JsonNode schema = content.path("application/json").path("schema");
            operations.add(new Operation(op.getKey(), path.getKey(), parameters, types, schema.isMissingNode() ? null : resolve(schema)));
        }));
        return operations;
    }

    /** Names of every schema the document defines. */
    public List<String> schemaNames() {
        List<String> names = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A schema with its {@code $ref}, {@code allOf} of one and nullable type lists resolved. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    /** The JSON type of a (resolved) schema: object, array, string, integer, number, boolean, enum or unknown. */
    public String kind(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s == null || s.isMissingNode()) {
            return "unknown";
        }
        if (s.has("enum")) {
            return "enum";
        }
        JsonNode type = s.get("type");
        String t = type == null ? (s.has("properties") ? "object" : "unknown")
                : type.isArray() ? firstNonNull(type) : type.asText();
        return t;
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode t : types) {
            if (!"null".equals(t.asText())) {
                return t.asText();
            }
        }
        return "unknown";
    }

    /** Properties of an object schema, in document order. */
    public Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        JsonNode s = resolve(schema);
        if (s != null) {
            s.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        }
        return properties;
    }

    /** A well-typed value for a schema: what a careless but honest client would send. */
    public JsonNode skeleton(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        String format = s == null ? "" : s.path("format").asText("");
        switch (kind(schema)) {
            case "enum":
                return s.get("enum").get(0);
            case "object":
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    properties(schema).forEach((name, property) -> object.set(name, skeleton(property, depth + 1)));
                }
                return object;
            case "array":
                ArrayNode array = NODES.arrayNode();
                return array;
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.25);
            case "boolean":
                return NODES.booleanNode(true);
            case "string":
                return switch (format) {
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    case "date-time" -> NODES.textNode("2027-01-01T00:00:00Z");
                    case "date" -> NODES.textNode("2027-01-01");
                    case "email" -> NODES.textNode("walk@kapuaskab.go.id");
                    default -> NODES.textNode("walk");
                };
            default:
                return NODES.textNode("walk");
        }
    }

    /** The JSON text of a skeleton, as the walk's starting point. */
    public static String write(JsonNode node) {
        try {
            return new ObjectMapper().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code $ref} target reachable from the document's paths. */
    public Set<String> referencedSchemas() {
        Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>();
        todo.push(document.path("paths"));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject() && node.has("$ref")) {
                String ref = node.get("$ref").asText();
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                if (seen.add(name)) {
                    todo.push(document.path("components").path("schemas").path(name));
                }
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                todo.push(it.next());
            }
        }
        return seen;
    }
}

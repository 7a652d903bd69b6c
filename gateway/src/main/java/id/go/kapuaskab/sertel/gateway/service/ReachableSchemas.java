package id.go.kapuaskab.sertel.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Keeps of a merged OpenAPI document only the schemas its public paths use, directly or through other schemas. The
 * services' own documents also describe their {@code /internal} bodies (issue requests with a NIK, event and message
 * bodies); those paths are dropped, and with this their schemas go too, so the public document says nothing of them.
 */
final class ReachableSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private ReachableSchemas() {
    }

    static void prune(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        if (!(schemas instanceof ObjectNode all)) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        collect(document.path("paths"), todo);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reached.add(name) && all.has(name)) {
                collect(all.get(name), todo);
            }
        }
        for (Iterator<String> names = all.fieldNames(); names.hasNext(); ) {
            if (!reached.contains(names.next())) {
                names.remove();
            }
        }
    }

    private static void collect(JsonNode node, Deque<String> into) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
                into.push(ref.asText().substring(PREFIX.length()));
            }
            node.elements().forEachRemaining(child -> collect(child, into));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, into));
        }
    }
}

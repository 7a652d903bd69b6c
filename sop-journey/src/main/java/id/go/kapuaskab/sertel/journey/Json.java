package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The one Jackson mapper of the journey, and small builders so request bodies read like the API's documentation. */
public final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An object from alternating names and values; values are converted by Jackson, nulls are left out. */
    public static ObjectNode object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                node.set((String) namesAndValues[i], MAPPER.valueToTree(value));
            }
        }
        return node;
    }

    public static ArrayNode array(Object... values) {
        ArrayNode node = MAPPER.createArrayNode();
        for (Object v : values) {
            node.add(MAPPER.<JsonNode>valueToTree(v));
        }
        return node;
    }

    public static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new JourneyFailure("not JSON: " + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Stream<JsonNode> stream(JsonNode array) {
        return array == null ? Stream.empty() : StreamSupport.stream(array.spliterator(), false);
    }
}

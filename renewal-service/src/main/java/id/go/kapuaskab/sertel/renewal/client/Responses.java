package id.go.kapuaskab.sertel.renewal.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Reads peers' answers as tolerant readers: unknown fields are ignored (a peer may add some), and a failure
 * becomes {@link PeerRejected} (a 4xx with its problem code) or {@link PeerUnavailable} (everything else).
 */
@ApplicationScoped
class Responses {

    private final ObjectMapper mapper;

    Responses(ObjectMapper mapper) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    <T> T read(Response response, Class<T> type, String what) {
        String body = response.readEntity(String.class);
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw new PeerUnavailable(what + ": unreadable answer", e);
        }
    }

    <T> T read(Response response, com.fasterxml.jackson.core.type.TypeReference<T> type, String what) {
        String body = response.readEntity(String.class);
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw new PeerUnavailable(what + ": unreadable answer", e);
        }
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception for a non-2xx answer. 401, 403 and 429 are ours to fix or to wait out, so they are "unavailable". */
    RuntimeException failure(Response response, String what) {
        int status = response.getStatus();
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429) {
            String code = "unknown";
            try {
                JsonNode node = mapper.readTree(response.readEntity(String.class));
                if (node != null && node.hasNonNull("code")) {
                    code = node.get("code").asText();
                }
            } catch (IOException | RuntimeException e) {
                // no problem body: the status alone says it
            }
            return new PeerRejected(status, code);
        }
        return new PeerUnavailable(what + " answered " + status);
    }
}

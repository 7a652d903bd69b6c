package id.go.kapuaskab.sertel.support.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How every client wrapper reads a peer's answer, so all of them treat the same answer the same way: 2xx is read as
 * a tolerant reader (unknown fields ignored, a peer may add some); 404 is "not there" where the caller allows it;
 * any other 4xx is {@link PeerRejected} with the peer's problem code (never retried); 401, 403, 408, 429, 5xx, a
 * broken connection and an unreadable body are {@link PeerUnavailable} (retried by the wrapper's bounded
 * {@code @Retry}, counted by its {@code @CircuitBreaker}).
 * <pre>
 * peers.call("certificate-service", () -&gt; api.one(serial)).optional(Certificate.class)
 * peers.call("certificate-service", () -&gt; api.issue(body)).expect(200, 201).as(Issued.class)
 * </pre>
 * The wrapper's interface methods return {@link Response}, and the REST client's default exception mapper is off
 * ({@code quarkus.rest-client."<key>".disable-default-mapper=true}), so every status arrives here.
 */
@ApplicationScoped
public class PeerCalls {

    private final ObjectMapper mapper;

    PeerCalls(ObjectMapper mapper) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** A call to {@code peer}, made when a terminal method of the answer is used. */
    public Call call(String peer, Supplier<Response> request) {
        return new Call(peer, request, Set.of(200));
    }

    /** The body of a request, as JSON. */
    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One call and what counts as success. */
    public final class Call {
        private final String peer;
        private final Supplier<Response> request;
        private final Set<Integer> success;

        private Call(String peer, Supplier<Response> request, Set<Integer> success) {
            this.peer = peer;
            this.request = request;
            this.success = success;
        }

        /** The statuses that mean success (default 200). */
        public Call expect(Integer... statuses) {
            return new Call(peer, request, Set.of(statuses));
        }

        public <T> T as(Class<T> type) {
            return run(body -> mapper.readValue(body, type), false).orElseThrow();
        }

        public <T> T as(TypeReference<T> type) {
            return run(body -> mapper.readValue(body, type), false).orElseThrow();
        }

        /** The body, or empty when the peer answers 404. */
        public <T> Optional<T> optional(Class<T> type) {
            return run(body -> mapper.readValue(body, type), true);
        }

        /** The body, or empty when the peer answers 404. */
        public <T> Optional<T> optional(TypeReference<T> type) {
            return run(body -> mapper.readValue(body, type), true);
        }

        /** The body as bytes (DER, PDF: answers that are not JSON). */
        public byte[] bytes() {
            try (Response r = request.get()) {
                if (!success.contains(r.getStatus())) {
                    throw failure(r);
                }
                return r.readEntity(byte[].class);
            } catch (ProcessingException e) {
                throw new PeerUnavailable(peer + " unreachable", e);
            }
        }

        /** Success without a body worth reading. */
        public void discard() {
            run(body -> Boolean.TRUE, false);
        }

        private <T> Optional<T> run(Reader<T> reader, boolean notFoundIsEmpty) {
            try (Response r = request.get()) {
                if (notFoundIsEmpty && r.getStatus() == 404) {
                    return Optional.empty();
                }
                if (!success.contains(r.getStatus())) {
                    throw failure(r);
                }
                String body = r.hasEntity() ? r.readEntity(String.class) : "";
                return Optional.of(reader.read(body));
            } catch (ProcessingException e) {
                throw new PeerUnavailable(peer + " unreachable", e);
            } catch (IOException e) {
                throw new PeerUnavailable(peer + ": unreadable answer", e);
            }
        }

        private RuntimeException failure(Response response) {
            int status = response.getStatus();
            if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429) {
                return new PeerRejected(status, problemCode(response));
            }
            return new PeerUnavailable(peer + " answered " + status);
        }

        private String problemCode(Response response) {
            try {
                JsonNode node = mapper.readTree(response.readEntity(String.class));
                if (node != null && node.hasNonNull("code")) {
                    return node.get("code").asText();
                }
            } catch (IOException | RuntimeException e) {
                // no problem body: the status alone says it
            }
            return "unknown";
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(String body) throws IOException;
    }
}

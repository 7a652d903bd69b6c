package id.go.kapuaskab.sertel.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.go.kapuaskab.sertel.testsupport.PrometheusScrape;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Rate limits shared between gateway replicas, against a peer played by a plain HTTP server in this JVM: the calls the
 * gateway lets through reach the peer, signed with the shared key (checked here with the JDK's own HMAC); a signed
 * message from the peer counts against the client at once; unsigned, wrongly signed, stale and replayed messages count
 * for nothing; a peer is learnt from its messages only at the address they came from. (Two gateway processes sharing
 * one limit: {@link SharedRateLimitIT}.)
 */
@QuarkusTest
@TestProfile(RateLimitPeersTest.WithAPeer.class)
class RateLimitPeersTest {

    static final String SECRET = "a shared key of at least thirty-two characters";
    static final Peer PEER = Peer.start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static class WithAPeer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sertel.gateway.rate-limit.peers.addresses", PEER.url(),
                    "sertel.gateway.rate-limit.peers.secret", SECRET);
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theCallsLetThroughReachThePeerSigned() throws Exception {
        UUID account = UUID.randomUUID();
        String token = TestTokens.applicant(account, UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/requests").then().statusCode(200);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        int told = 0;
        while (told < 3 && System.nanoTime() < deadline) {
            told = PEER.messages.stream().filter(m -> m.signedWith(SECRET))
                    .mapToInt(m -> m.json().path("general").path("sub:" + account).asInt()).sum();
            Thread.sleep(50);
        }
        assertThat(told).as("calls of the client told to the peer, signed").isEqualTo(3);
        assertThat(PEER.messages).allSatisfy(m -> assertThat(m.signedWith(SECRET)).isTrue());
    }

    @Test
    void aPeersSignedCountLimitsTheClientAtOnce() throws Exception {
        UUID account = UUID.randomUUID();
        String token = TestTokens.applicant(account, UUID.randomUUID());
        // 40 takes the full bucket (20) down to its floor (-20): four seconds before the next call at 5 per second
        assertThat(send(message("peer-a", System.currentTimeMillis(), account, 40), SECRET)).isEqualTo(204);
        given().auth().oauth2(token).get("/api/v1/requests").then().statusCode(429);
    }

    @Test
    void unsignedWronglySignedStaleAndReplayedMessagesCountForNothing() throws Exception {
        UUID account = UUID.randomUUID();
        String token = TestTokens.applicant(account, UUID.randomUUID());
        long now = System.currentTimeMillis();
        assertThat(send(message("peer-b", now, account, 20), null)).isEqualTo(403);
        assertThat(send(message("peer-b", now, account, 20), "another key of at least thirty-two characters")).isEqualTo(403);
        assertThat(send(message("peer-b", now - 60_000, account, 20), SECRET)).isEqualTo(403);
        assertThat(send("{\"from\":\"peer-b\",\"seq\":1,\"at\":" + now + ",\"general\":{\"sub:" + account + "\":-5}}", SECRET))
                .isEqualTo(403);
        assertThat(send(message("peer-b", now, account, 20), SECRET, "text/plain")).isEqualTo(415);
        given().auth().oauth2(token).get("/api/v1/requests").then().statusCode(200);
        // the client has 19 of its 20 left; 14 more leave 5: had the repeat counted too, its next call would meet an empty bucket
        String once = message("peer-c", now, account, 14);
        assertThat(send(once, SECRET)).isEqualTo(204);
        assertThat(send(once, SECRET)).as("the same message again").isEqualTo(403);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get("/api/v1/requests").then().statusCode(200);
        }
    }

    @Test
    void thePublicPortHasNoPeerPath() {
        given().contentType("application/json").body(message("peer-d", System.currentTimeMillis(), UUID.randomUUID(), 1))
                .post("/rate-limit/usage").then().statusCode(404);
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();

    private static String message(String from, long at, UUID account, int calls) {
        return message(from, "", at, account, calls);
    }

    private static String message(String from, String url, long at, UUID account, int calls) {
        return "{\"from\":\"" + from + "\",\"url\":\"" + url + "\",\"seq\":" + SEQ.incrementAndGet() + ",\"at\":" + at
                + ",\"general\":{\"sub:" + account + "\":" + calls + "}}";
    }

    @Test
    void aPeerIsLearntOnlyAtTheAddressItsMessagesComeFrom() throws Exception {
        Peer second = Peer.start();
        try {
            long now = System.currentTimeMillis();
            assertThat(send(message("peer-e", "http://192.0.2.1:9080", now, UUID.randomUUID(), 1), SECRET)).isEqualTo(204);
            assertThat(send(message("peer-f", second.url(), now, UUID.randomUUID(), 1), SECRET)).isEqualTo(204);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (second.messages().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(second.messages()).as("messages to the peer learnt at its own address").isNotEmpty();
            assertThat(scrape().value("sertel_gateway_rate_limit_peers", Map.of())).as("the configured peer and the one learnt; not 192.0.2.1")
                    .isEqualTo(2.0);
        } finally {
            second.server().stop(0);
        }
    }

    private PrometheusScrape scrape() throws IOException, InterruptedException {
        return PrometheusScrape.parse(HTTP.send(HttpRequest.newBuilder(URI.create("http://" + management.getHost() + ":" + management.getPort()
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private int send(String body, String key) throws IOException, InterruptedException {
        return send(body, key, "application/json");
    }

    private int send(String body, String key, String type) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + management.getHost() + ":" + management.getPort()
                + "/rate-limit/usage")).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-Sertel-Peer-Signature", hmac(key, body.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String hmac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A peer gateway's management port, as far as the messages go: it keeps what it receives and answers 204. */
    record Peer(HttpServer server, List<Received> messages) {
        static Peer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                List<Received> messages = new CopyOnWriteArrayList<>();
                server.createContext("/rate-limit/usage", exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    messages.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Sertel-Peer-Signature")));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
                server.start();
                return new Peer(server, messages);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    record Received(byte[] body, String signature) {
        boolean signedWith(String key) {
            return hmac(key, body).equals(signature);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

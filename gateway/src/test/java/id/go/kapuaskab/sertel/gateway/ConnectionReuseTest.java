package id.go.kapuaskab.sertel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway keeps its connections to a backend open and hands them from call to call. A client that goes away while
 * its answer is on the way must cost nobody else their call: Vert.x 4.5 closes a pooled connection when a call that
 * already finished on it is reset late (eclipse-vertx/vert.x#6294), which the proxy does when its client is gone, and
 * the call then on that connection failed with 502. A client that leaves before its call is forwarded must not hold a
 * backend connection until the response timeout either, or enough of them empty the pool. Without {@code LateResets}
 * and the gateway's check for a client that has left, 6 of 500 staying calls here got a 502.
 */
@QuarkusTest
@TestProfile(ConnectionReuseTest.PatientConnect.class)
class ConnectionReuseTest {

    /**
     * Waiting for a pooled connection counts against the connect timeout, 1 s in the other tests; on a loaded machine
     * that alone could fail a staying call. What this test looks for is a 502 or an answer that never comes (the 5 s
     * response timeout), so the connect timeout is 5 s here.
     */
    public static class PatientConnect implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sertel.gateway.connect-timeout", "PT5S");
        }
    }

    private static final int ROUNDS = 500;

    @Test
    void clientsThatLeaveEarlyCostOtherClientsNothing() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                work.add(pool.submit(ConnectionReuseTest::leaveEarly));
                work.add(pool.submit(() -> {
                    int status = stay(client);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnlyKeys(200);
        assertThat(statuses.get(200).get()).isEqualTo(ROUNDS);
    }

    /** Sends a whole request and closes the connection without reading the answer. */
    private static Void leaveEarly() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/applicants/left HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        return null;
    }

    private static int stay(HttpClient client) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/applicants/stayed"))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(20)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String token() {
        return TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID());
    }
}

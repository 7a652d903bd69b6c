package id.go.kapuaskab.sertel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.PrometheusScrape;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged gateways as processes, as two replicas behind one address: one client's calls spread over both meet the
 * limit once, not twice. The first gateway names no peer and learns the second from its messages (the second names the
 * first), as a replica started later does. Limits: a burst of {@link #BURST}, then {@link #RATE} per second; the
 * backends are not there (the calls the limits let through get 503), since only the limiter is under test.
 */
class SharedRateLimitIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final int RATE = 10;
    private static final int BURST = 2;
    private static final Duration HAMMER = Duration.ofSeconds(4);
    private static final String SECRET = "the two replicas' shared key, thirty-two characters or more";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Gateway> GATEWAYS = new ArrayList<>();

    record Gateway(Process process, int port, int management, Path log) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        String managementUrl(String path) {
            return "http://127.0.0.1:" + management + path;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        int m1 = freePort();
        int m2 = freePort();
        GATEWAYS.add(start("gateway-1", m1, Map.of()));
        GATEWAYS.add(start("gateway-2", m2, Map.of("SERTEL_GATEWAY_RATE_LIMIT_PEERS_ADDRESSES", "http://127.0.0.1:" + m1)));
        for (Gateway g : GATEWAYS) {
            awaitStatus(g.managementUrl("/q/health/ready"), 200, Duration.ofMinutes(2), g);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Gateway g : GATEWAYS) {
            g.process().destroy();
        }
        for (Gateway g : GATEWAYS) {
            if (!g.process().waitFor(30, TimeUnit.SECONDS)) {
                g.process().destroyForcibly();
            }
        }
    }

    @Test
    void oneClientOverTwoGatewaysMeetsTheLimitOnce() throws Exception {
        Gateway first = GATEWAYS.get(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (scrape(first).sum("sertel_gateway_rate_limit_peers", Map.of()) != 1) {
            assertThat(System.nanoTime()).as("gateway-1 learnt gateway-2 from its messages").isLessThan(deadline);
            Thread.sleep(100);
        }

        int[] through = new int[2];
        int limited = 0;
        long began = System.nanoTime();
        for (int i = 0; System.nanoTime() - began < HAMMER.toNanos(); i++) {
            int status = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAYS.get(i % 2).url("/api/v1/institutions")))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 429) {
                limited++;
            } else {
                assertThat(status).as("a call the limits let through meets the absent backend").isEqualTo(503);
                through[i % 2]++;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        int total = through[0] + through[1];
        double once = BURST + RATE * seconds;
        System.out.printf("shared rate limit: %d calls let through in %.1f s (%d by gateway-1, %d by gateway-2), %d limited;"
                + " the limit once: %.0f, twice: %.0f%n", total, seconds, through[0], through[1], limited, once, 2 * once);
        assertThat(limited).as("calls limited").isPositive();
        assertThat(through[0]).as("calls gateway-1 let through").isPositive();
        assertThat(through[1]).as("calls gateway-2 let through").isPositive();
        // about what one limit lets through: a bucket's depth both replicas spent before they heard of each other and
        // the calls of a share period in flight come on top, and a busy machine's pauses delay the news (a third of the
        // limit allowed for both); each replica counting alone lets through twice the limit
        assertThat((double) total).as("calls let through by the two gateways together").isBetween(0.75 * once, 1.35 * once);
        for (Gateway g : GATEWAYS) {
            PrometheusScrape metrics = scrape(g);
            assertThat(metrics.sum("sertel_gateway_rate_limit_peer_messages_total", Map.of("outcome", "refused"))).as(g.log() + ": messages refused")
                    .isZero();
            assertThat(metrics.sum("sertel_gateway_rate_limit_peer_messages_total", Map.of("outcome", "accepted"))).as(g.log() + ": messages accepted")
                    .isPositive();
        }
    }

    private static Gateway start(String name, int management, Map<String, String> env) throws IOException {
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target", "shared-rate-limit")).resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> e = pb.environment();
        e.put("HOSTNAME", name);
        e.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        e.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        e.put("SERTEL_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", Integer.toString(RATE));
        e.put("SERTEL_GATEWAY_RATE_LIMIT_BURST", Integer.toString(BURST));
        e.put("SERTEL_GATEWAY_RATE_LIMIT_PEERS_SECRET", SECRET);
        e.put("SERTEL_GATEWAY_RATE_LIMIT_PEERS_ADVERTISE", "http://127.0.0.1:" + management);
        e.put("APPLICANT_URL", "http://127.0.0.1:" + freePort());
        e.putAll(env);
        return new Gateway(pb.start(), port, management, log);
    }

    private static PrometheusScrape scrape(Gateway g) throws IOException, InterruptedException {
        return PrometheusScrape.parse(HTTP.send(HttpRequest.newBuilder(URI.create(g.managementUrl("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void awaitStatus(String url, int status, Duration within, Gateway g) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            assertThat(g.process().isAlive()).as(g.log() + ": the gateway is running").isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("ready within " + within + ": " + url).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

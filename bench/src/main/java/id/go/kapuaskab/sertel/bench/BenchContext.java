package id.go.kapuaskab.sertel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.localstack.LocalSecrets;
import id.go.kapuaskab.sertel.localstack.ServiceProcess;
import id.go.kapuaskab.sertel.localstack.Stack;
import id.go.kapuaskab.sertel.localstack.StackHome;
import id.go.kapuaskab.sertel.localstack.StackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What scenarios share: the project, one durable stack of the packaged services on free ports (started on
 * first use, with the benchmark's settings), the load generator, and small HTTP helpers for setup calls.
 */
public final class BenchContext implements AutoCloseable {

    /** How long a service's connection pool waits for a new PostgreSQL connection (Quarkus' default: 5 s). */
    public static final String ACQUISITION_TIMEOUT = "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT";

    private final Path project;
    private final Path work;
    private final boolean quick;
    private final LoadGenerator load = new LoadGenerator();
    // HTTP/1.1 as the load generator speaks. (A form POST through the h2c upgrade the JDK client asks for by default was
    // answered 500 by applicant-service until the services were set to HTTP/1.1 only: TokenEndpointTest.)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final RssSampler rss = new RssSampler();
    private Stack stack;
    private StackPorts ports;
    private StackHome home;

    public BenchContext(Path project, Path work, boolean quick) {
        this.project = project;
        this.work = work;
        this.quick = quick;
    }

    public Path project() {
        return project;
    }

    public Path work() {
        return work;
    }

    public LoadGenerator load() {
        return load;
    }

    public ObjectMapper json() {
        return json;
    }

    public RssSampler rss() {
        return rss;
    }

    /** Short windows, for a smoke test of the harness. */
    public boolean quick() {
        return quick;
    }

    /** Runs per figure: the median of these is reported. */
    public int runs() {
        return 3;
    }

    /** JMH-style warm-up: on 2 cores the JIT needs seconds before figures settle. */
    public Duration warmup() {
        return quick ? Duration.ofSeconds(3) : Duration.ofSeconds(12);
    }

    /**
     * The warm-up before run {@code run} of one target: the whole JIT warm-up before its first run; between the runs
     * that follow, which find the code warm, a short settle so the connections of the run before have closed.
     */
    public Duration warmup(int run) {
        return run == 0 ? warmup() : Duration.ofSeconds(quick ? 1 : 2);
    }

    /**
     * The windows of {@link LoadGenerator#settle}, the warm-up of the scenarios that put one of our JVMs beside a peer
     * or a direct call (issuance, OCSP, PAdES, gateway overhead), and the most it may take.
     */
    public Duration settleWindow() {
        return Duration.ofSeconds(quick ? 3 : 6);
    }

    /** The rule of the settled warm-up, with its bounds, for the rows' notes. */
    public String settleRule() {
        return Settling.rule(settleMin(), settleMax());
    }

    /** The least a settled warm-up takes. */
    public Duration settleMin() {
        return Duration.ofSeconds(quick ? 6 : 90);
    }

    public Duration settleMax() {
        return Duration.ofSeconds(quick ? 12 : 300);
    }

    /**
     * The most the renewal workflow's warm-up may take: six JVMs share the two cores there and every one of them still
     * compiled after 300 s (its windows rising to the last), so the whole stack gets twice as long.
     */
    public Duration stackSettleMax() {
        return Duration.ofSeconds(quick ? 12 : 600);
    }

    public Duration measure() {
        return quick ? Duration.ofSeconds(3) : Duration.ofSeconds(10);
    }

    public synchronized Stack stack() {
        if (stack == null) {
            deleteTree(work.resolve("stack"));
            home = StackHome.at(work.resolve("stack"));
            ports = StackPorts.free();
            Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
            // the benchmark measures capacity, not the per-client limits that protect production
            overrides.put("gateway", Map.of(
                    "SERTEL_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000",
                    "SERTEL_GATEWAY_RATE_LIMIT_BURST", "1000000",
                    "SERTEL_GATEWAY_RATE_LIMIT_LOGIN_PER_MINUTE", "100000",
                    "SERTEL_GATEWAY_RATE_LIMIT_LOGIN_BURST", "100000",
                    "QUARKUS_HTTP_ACCESS_LOG_ENABLED", "false"));
            // on a 2-core machine shared with other sessions' builds, opening a PostgreSQL connection at start has taken
            // longer than the pool's default 5 s wait, and a service then failed to start
            for (String service : List.of("applicant-service", "certificate-service", "renewal-service", "notification-service", "signing-service")) {
                overrides.put(service, Map.of(ACQUISITION_TIMEOUT, "60S"));
            }
            stack = Stack.start(new Stack.Options(project, home, ports, true, "local", line -> log("[stack] " + line), overrides));
            stack.processes().forEach(p -> rss.watch(p.name(), p.pid()));
            rss.start();
        }
        return stack;
    }

    public StackPorts ports() {
        stack();
        return ports;
    }

    public StackHome home() {
        stack();
        return home;
    }

    public LocalSecrets secrets() {
        return LocalSecrets.load(home().secrets());
    }

    /** The stack's service processes by name, for {@link CpuMeter}. */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        stack().processes().forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    public ServiceProcess process(String name) {
        return stack().processes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no process " + name));
    }

    /** An access token from the password grant, through the gateway. */
    public String login(String email, String password) throws IOException, InterruptedException {
        JsonNode body = form(ports().gateway(), "/api/v1/auth/token",
                Map.of("grant_type", "password", "username", email, "password", password));
        return body.path("access_token").asText();
    }

    /**
     * The admin's access token, logged in with the second factor by the SOP journey's code ({@code AdminLogin}): the
     * admin must have one once any scenario enrolled it, so every scenario shares the authenticator kept in
     * {@code work/workflow}.
     */
    public String adminToken() throws IOException, InterruptedException {
        return id.go.kapuaskab.sertel.journey.AdminLogin.accessToken(URI.create("http://127.0.0.1:" + ports().gateway()),
                "admin@kapuaskab.go.id", "sertel-demo", work().resolve("workflow"));
    }

    /**
     * A service's token for as long as a scenario runs, for the load generator's calls: taken now, and again on a
     * daemon thread each time half its lifetime ({@code expires_in}) has passed, so a long warm-up does not end in
     * 401s and no call ever waits for the token endpoint (the load generator runs on one event loop).
     */
    public java.util.function.Supplier<String> serviceTokens(String clientId) throws IOException, InterruptedException {
        java.util.concurrent.atomic.AtomicReference<String> current = new java.util.concurrent.atomic.AtomicReference<>();
        long halfLife = renewToken(clientId, current);
        java.util.concurrent.ScheduledExecutorService renewer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-token-" + clientId);
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(() -> {
            try {
                renewToken(clientId, current);
            } catch (IOException | RuntimeException e) {
                log("renewing the token of " + clientId + " failed (the old one is used until it runs out): " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, halfLife, halfLife, java.util.concurrent.TimeUnit.SECONDS);
        return current::get;
    }

    /** Takes a new token into {@code into}; answers half its lifetime in seconds (at least 10). */
    private long renewToken(String clientId, java.util.concurrent.atomic.AtomicReference<String> into) throws IOException, InterruptedException {
        JsonNode body = form(ports().applicant(), "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secrets().get("client." + clientId)));
        into.set(body.path("access_token").asText());
        return Math.max(10, body.path("expires_in").asLong(300) / 2);
    }

    /** A service identity's token (client credentials) straight from applicant-service. */
    public String serviceToken(String clientId) throws IOException, InterruptedException {
        JsonNode body = form(ports().applicant(), "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secrets().get("client." + clientId)));
        return body.path("access_token").asText();
    }

    public JsonNode form(int port, String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " → " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static void log(String line) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + line);
        System.out.flush();
    }

    @Override
    public synchronized void close() {
        rss.close();
        load.close();
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

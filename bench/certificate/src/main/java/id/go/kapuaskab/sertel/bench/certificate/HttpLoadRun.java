package id.go.kapuaskab.sertel.bench.certificate;

import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A load run of {@code POST /internal/certificates} against the packaged service as its own process, with a real
 * token (verified against a JWKS over HTTP) and PostgreSQL with fsync on, once with a P-256 and once with an
 * RSA-3072 issuing CA. Bounded: a fixed warm-up and measurement time, loopback only. Prints stored certificates per
 * second and latency percentiles.
 */
public final class HttpLoadRun {

    private static final Path JAR = Path.of("certificate-service", "target", "quarkus-app", "quarkus-run.jar");
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.measure", 20));
    /** JIT compilation of the crypto and the SQL paths needs thousands of calls before the numbers mean anything. */
    private static final int WARMUP_REQUESTS = Integer.getInteger("bench.warmup-requests", 5000);

    private record Result(String keyType, int ok, int failed, double perSecond, double storedPerSecond, double p50, double p99,
                          double serviceCpuMs, double databaseCpuMs, double clientCpuMs) {
    }

    private HttpLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        TestIssuer.ensureStarted();
        double reference = Reference.bcP256SignaturesPerSecond();
        System.out.printf("reference: BouncyCastle alone signs %.0f P-256 signatures/s on one thread now (load average %s)%n",
                reference, HttpLoadRun.loadAverage());
        List<Result> results = new ArrayList<>();
        try (BenchDatabase database = new BenchDatabase()) {
            for (String keyType : System.getProperty("bench.key-types", "EC_P256,RSA_3072").split(",")) {
                results.add(run(database, keyType));
            }
        }
        System.out.println();
        System.out.printf("HTTP load run: POST /internal/certificates, %d concurrent callers, %ds warm-up, %ds measured, loopback,%n",
                CONCURRENCY, WARMUP.toSeconds(), MEASURE.toSeconds());
        System.out.println("client, service and PostgreSQL (fsync on) sharing this machine's cores; the last column divides two cores'");
        System.out.println("worth of CPU time by the CPU time all three spent per stored certificate");
        System.out.println("| issuing CA | 201 answers | errors | answers/s | stored certs/s | p50 ms | p99 ms |"
                + " CPU ms/cert service | PostgreSQL | load client | certs/s on 2 free cores (from CPU) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            double cpu = r.serviceCpuMs() + r.databaseCpuMs() + r.clientCpuMs();
            System.out.printf("| %s | %d | %d | %.0f | %.0f | %.1f | %.1f | %.2f | %.2f | %.2f | %.0f |%n", r.keyType(), r.ok(), r.failed(),
                    r.perSecond(), r.storedPerSecond(), r.p50(), r.p99(), r.serviceCpuMs(), r.databaseCpuMs(), r.clientCpuMs(),
                    cpu == 0 ? 0 : 2000.0 / cpu);
        }
        System.out.printf("load average of the machine at the end: %s; BouncyCastle alone before the run: %.0f P-256 signatures/s%n",
                loadAverage(), reference);
        System.exit(0);
    }

    private static Result run(BenchDatabase database, String keyType) throws Exception {
        String db = "bench_http_" + keyType.toLowerCase();
        String jdbcUrl = database.create(db, false);
        int port = freePort();
        Path dir = Files.createTempDirectory("sertel-bench-http");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.log.console.json.enabled=false", "-Dquarkus.log.level=WARN"));
        String extra = System.getProperty("bench.service-jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        pb.environment().put("DB_URL", jdbcUrl);
        pb.environment().put("DB_USER", "postgres");
        pb.environment().put("DB_PASSWORD", "postgres");
        pb.environment().put("AUTH_JWKS_URL", TestIssuer.jwksUrl());
        pb.environment().put("AUTH_ISSUER", TestIssuer.ISSUER);
        pb.environment().put("CA_KEYSTORE_PATH", dir.resolve("ca.p12").toString());
        pb.environment().put("CA_KEYSTORE_PASSWORD", "bench-keystore-password");
        pb.environment().put("CA_ISSUING_KEY_TYPE", keyType);
        pb.environment().put("SERTEL_CA_BOOTSTRAP_GENERATE", "true");
        Process service = pb.start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/internal/certificates");
            waitUntilUp(http, port, service, dir);
            String token = TestTokens.service("renewal-service", "RENEWAL_SERVICE");
            System.out.printf("%s: service up on port %d (log %s), preparing CSRs%n", keyType, port, dir.resolve("service.log"));
            int needed = Integer.getInteger("bench.csrs-per-second", 1500) * (int) (WARMUP.toSeconds() + MEASURE.toSeconds())
                    + WARMUP_REQUESTS;
            List<byte[]> bodies = bodies(needed);

            AtomicInteger next = new AtomicInteger();
            System.out.printf("%s: %d CSRs ready, warming up%n", keyType, bodies.size());
            long warmupEnd = System.nanoTime() + 3 * WARMUP.toNanos();
            drive(http, uri, token, bodies, next, WARMUP, null);
            while (next.get() < WARMUP_REQUESTS && System.nanoTime() < warmupEnd) {
                drive(http, uri, token, bodies, next, Duration.ofSeconds(5), null);
            }
            System.out.printf("%s: measuring%n", keyType);
            long storedBefore = count(jdbcUrl);
            Duration cpuBefore = service.info().totalCpuDuration().orElse(Duration.ZERO);
            Duration dbBefore = database.cpu();
            Duration clientBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            long[][] latencies = new long[CONCURRENCY][];
            long measureStart = System.nanoTime();
            int[] counts = drive(http, uri, token, bodies, next, MEASURE, latencies);
            double seconds = (System.nanoTime() - measureStart) / 1e9;
            Duration cpuAfter = service.info().totalCpuDuration().orElse(Duration.ZERO);
            Duration dbAfter = database.cpu();
            Duration clientAfter = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            long storedAfter = count(jdbcUrl);

            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
            return new Result(keyType, counts[0], counts[1], counts[0] / seconds, (storedAfter - storedBefore) / seconds,
                    all.length == 0 ? 0 : all[all.length / 2] / 1e6, all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6,
                    perCert(cpuAfter.minus(cpuBefore), counts[0]), perCert(dbAfter.minus(dbBefore), counts[0]),
                    perCert(clientAfter.minus(clientBefore), counts[0]));
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Runs the callers for the given time; returns {201s, others} and fills each caller's latencies in nanoseconds. */
    private static int[] drive(HttpClient http, URI uri, String token, List<byte[]> bodies, AtomicInteger next, Duration time,
                               long[][] latencies) throws Exception {
        long end = System.nanoTime() + time.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<int[]>> callers = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            int caller = t;
            callers.add(pool.submit(() -> {
                long[] mine = new long[200_000];
                int n = 0;
                int ok = 0;
                int failed = 0;
                while (System.nanoTime() < end) {
                    int i = next.getAndIncrement();
                    if (i >= bodies.size()) {
                        break;
                    }
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                    long start = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() == 201) {
                        ok++;
                    } else {
                        failed++;
                    }
                    if (n < mine.length) {
                        mine[n++] = took;
                    }
                }
                if (latencies != null) {
                    latencies[caller] = Arrays.copyOf(mine, n);
                }
                return new int[] {ok, failed};
            }));
        }
        int[] total = new int[2];
        for (Future<int[]> f : callers) {
            int[] r = f.get();
            total[0] += r[0];
            total[1] += r[1];
        }
        pool.shutdown();
        if (next.get() >= bodies.size()) {
            System.out.println("warning: ran out of prepared CSRs; raise the multiplier in HttpLoadRun");
        }
        return total;
    }

    private static List<byte[]> bodies(int count) {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc);
                g.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair keys = g.generateKeyPair();
                var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=load"), keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(keys.getPrivate()));
                StringWriter out = new StringWriter();
                try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
                    pem.writeObject(csr);
                }
                String json = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"holderId\":\"" + UUID.randomUUID()
                        + "\",\"profile\":\"document-signing\",\"subject\":{\"commonName\":\"Budi Santoso\",\"email\":\"budi@kapuaskab.go.id\","
                        + "\"nik\":null,\"institutionId\":\"" + UUID.randomUUID() + "\",\"organization\":\"Dinas Kominfo Kabupaten Kapuas\","
                        + "\"organizationalUnit\":\"Bidang Persandian\"},\"csr\":\"" + out.toString().replace("\r", "").replace("\n", "\\n")
                        + "\",\"keyGeneration\":null,\"predecessorSerial\":null}";
                return json.getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static void waitUntilUp(HttpClient http, int port, Process service, Path dir) throws Exception {
        for (int i = 0; i < 120; i++) {
            if (!service.isAlive()) {
                throw new IllegalStateException("certificate-service exited; see " + dir.resolve("service.log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("certificate-service did not become ready; see " + dir.resolve("service.log"));
    }

    private static long count(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM certificate")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double perCert(Duration cpu, int certs) {
        return certs == 0 ? 0 : cpu.toNanos() / 1e6 / certs;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package id.go.kapuaskab.sertel.signing.peers;

import id.go.kapuaskab.sertel.localstack.ServiceProcess;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real certificate-service, packaged, as a process (docs/ARCHITECTURE.md, "Tests"): its own database on the shared
 * embedded PostgreSQL, a CA created on first start, tokens verified against the test issuer. It keeps its port across
 * {@link #stop()} and {@link #start()}, so a test can take the CA away and bring it back.
 */
public class RealCa implements QuarkusTestResourceLifecycleManager {

    private static final Path WORK = Path.of("target", "real-ca").toAbsolutePath();
    private static int port;
    private static ServiceProcess process;

    @Override
    public synchronized Map<String, String> start() {
        if (port == 0) {
            port = freePort();
            try {
                Files.createDirectories(WORK);
                Files.deleteIfExists(WORK.resolve("ca-keystore.p12"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            startProcess();
            Runtime.getRuntime().addShutdownHook(new Thread(RealCa::stopProcess));
        }
        return Map.of("quarkus.rest-client.certificate.url", url());
    }

    @Override
    public void stop() {
        // shared by the JVM; stopped by the shutdown hook
    }

    public static String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Takes the CA away (SIGTERM, waits for the process to end). */
    public static synchronized void stopProcess() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Brings the CA back on the same port, with the same keys and database. */
    public static synchronized void startProcess() {
        Path jar = Path.of(System.getProperty("sertel.ca.jar", "../certificate-service/target/quarkus-app/quarkus-run.jar"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("DB_URL", PostgresTestResource.ensureDatabase("sertel_certificate"));
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "postgres");
        env.put("AUTH_JWKS_URL", TestIssuer.jwksUrl());
        env.put("AUTH_ISSUER", TestIssuer.ISSUER);
        env.put("PUBLIC_BASE_URL", url());
        env.put("CA_KEYSTORE_PATH", WORK.resolve("ca-keystore.p12").toString());
        env.put("CA_KEYSTORE_PASSWORD", "signing-test-ca-password");
        env.put("SERTEL_CA_BOOTSTRAP_GENERATE", "true");
        env.put("SERTEL_CA_KEY_GENERATION_PBKDF2_ITERATIONS", "10000");
        env.put("SERTEL_CA_CRL_CHECK_EVERY", "off");
        process = ServiceProcess.start(new ServiceProcess.Spec("certificate-service", jar.toAbsolutePath(),
                URI.create(url() + "/q/health/ready"), env,
                List.of("-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1"), WORK.resolve("certificate-service.log")));
        if (!process.awaitReady(Duration.ofSeconds(90))) {
            throw new IllegalStateException("certificate-service did not become ready; see " + process.logFile());
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

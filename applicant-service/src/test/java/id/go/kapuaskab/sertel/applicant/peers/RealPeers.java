package id.go.kapuaskab.sertel.applicant.peers;

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
 * The real certificate-service and renewal-service, packaged, as processes (docs/ARCHITECTURE.md, "Tests"): their own
 * databases on the shared embedded PostgreSQL, tokens verified against the test issuer. Their ports are reserved when
 * the application starts (this resource hands their URLs to the REST clients), the processes start on first use
 * ({@link #ensureStarted}), since renewal-service needs this application's URL: it reads subject snapshots here and
 * logs in at this token endpoint, as it does in the running system. A test can take either away and bring it back.
 */
public class RealPeers implements QuarkusTestResourceLifecycleManager {

    private static final Path WORK = Path.of("target", "real-peers").toAbsolutePath();
    private static int caPort;
    private static int renewalPort;
    private static String applicantUrl;
    private static ServiceProcess ca;
    private static ServiceProcess renewal;

    @Override
    public synchronized Map<String, String> start() {
        if (caPort == 0) {
            caPort = freePort();
            renewalPort = freePort();
            try {
                Files.deleteIfExists(WORK.resolve("ca-keystore.p12"));       // the database is new in every JVM: so is the CA
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopRenewal();
                stopCa();
            }));
        }
        return Map.of("quarkus.rest-client.certificate.url", caUrl(), "quarkus.rest-client.renewal.url", renewalUrl());
    }

    @Override
    public void stop() {
        // shared by the JVM; stopped by the shutdown hook
    }

    public static String caUrl() {
        return "http://127.0.0.1:" + caPort;
    }

    public static String renewalUrl() {
        return "http://127.0.0.1:" + renewalPort;
    }

    /** Both peers running; {@code applicant} is this application's base URL. */
    public static synchronized void ensureStarted(String applicant) {
        applicantUrl = applicant.replaceAll("/+$", "");
        if (ca == null) {
            startCa();
        }
        if (renewal == null) {
            startRenewal();
        }
    }

    public static synchronized void stopCa() {
        if (ca != null) {
            ca.close();
            ca = null;
        }
    }

    public static synchronized void stopRenewal() {
        if (renewal != null) {
            renewal.close();
            renewal = null;
        }
    }

    /** The CA on its port, with its keystore and database kept across restarts. */
    public static synchronized void startCa() {
        try {
            Files.createDirectories(WORK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = common(caPort, "sertel_certificate");
        env.put("PUBLIC_BASE_URL", caUrl());
        env.put("CA_KEYSTORE_PATH", WORK.resolve("ca-keystore.p12").toString());
        env.put("CA_KEYSTORE_PASSWORD", "applicant-test-ca-password");
        env.put("SERTEL_CA_BOOTSTRAP_GENERATE", "true");
        env.put("SERTEL_CA_KEY_GENERATION_PBKDF2_ITERATIONS", "10000");
        env.put("SERTEL_CA_CRL_CHECK_EVERY", "off");
        ca = run("certificate-service", "sertel.ca.jar", "../certificate-service/target/quarkus-app/quarkus-run.jar", caPort, env);
    }

    /** The workflow on its port: its renewal window is wide, so a fresh certificate can be renewed in a test. */
    public static synchronized void startRenewal() {
        Map<String, String> env = common(renewalPort, "sertel_renewal");
        env.put("APPLICANT_URL", applicantUrl);
        env.put("AUTH_TOKEN_URL", applicantUrl + "/api/v1/auth/token");
        env.put("CLIENT_SECRET", "test-renewal-secret");
        env.put("CERTIFICATE_URL", caUrl());
        env.put("NOTIFICATION_URL", "http://127.0.0.1:9");              // nobody: its events wait in its outbox
        env.put("SIGNING_URL", "http://127.0.0.1:9");
        env.put("RENEWAL_WINDOW", "P800D");
        env.put("AUDIT_SIGNING_KEY", WORK.resolve("renewal-audit-key.pem").toString());   // its checkpoint key, made at start
        env.put("SERTEL_AUDIT_CHECKPOINT_GENERATE_KEY", "true");
        renewal = run("renewal-service", "sertel.renewal.jar", "../renewal-service/target/quarkus-app/quarkus-run.jar", renewalPort, env);
    }

    private static Map<String, String> common(int port, String database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("DB_URL", PostgresTestResource.ensureDatabase(database));
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "postgres");
        env.put("AUTH_JWKS_URL", TestIssuer.jwksUrl());
        env.put("AUTH_ISSUER", TestIssuer.ISSUER);
        env.put("AUTH_REVOCATIONS_URL", "");
        return env;
    }

    private static ServiceProcess run(String name, String property, String defaultJar, int port, Map<String, String> env) {
        Path jar = Path.of(System.getProperty(property, defaultJar)).toAbsolutePath();
        ServiceProcess p = ServiceProcess.start(new ServiceProcess.Spec(name, jar, URI.create("http://127.0.0.1:" + port + "/q/health/ready"), env,
                List.of("-XX:+UseSerialGC", "-Xmx160m", "-XX:TieredStopAtLevel=1"), WORK.resolve(name + ".log")));
        if (!p.awaitReady(Duration.ofSeconds(120))) {
            p.close();
            throw new IllegalStateException(name + " did not become ready; see " + p.logFile());
        }
        return p;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package id.go.kapuaskab.sertel.bench.ca;

import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.localstack.ServiceCatalog;
import id.go.kapuaskab.sertel.localstack.ServiceProcess;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;

/**
 * A certificate-service of its own for one issuing-CA key type: the packaged jar as a process (the same JVM flags
 * as the stack), its own database on the stack's durable PostgreSQL, its own freshly generated CA, and tokens
 * verified against the stack's JWKS. Benchmarks of issuance and OCSP run against it, so each key type starts clean.
 */
public final class CaInstance implements AutoCloseable {

    public static final String ISSUING_ALIAS = "sertel-issuing-ca";

    private final ServiceProcess process;
    private final int port;
    private final Path keystore;
    private final String password;
    private final String jdbcUrl;

    private CaInstance(ServiceProcess process, int port, Path keystore, String password, String jdbcUrl) {
        this.process = process;
        this.port = port;
        this.keystore = keystore;
        this.password = password;
        this.jdbcUrl = jdbcUrl;
    }

    public static CaInstance start(BenchContext ctx, String keyType) throws Exception {
        String name = "bench_ca_" + keyType.toLowerCase(Locale.ROOT);
        String dbPassword = ctx.secrets().get("db." + name);
        ctx.stack().database().ensureDatabase(name, name, dbPassword);
        Path dir = ctx.work().resolve(name);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("ca.p12"));
        String keystorePassword = ctx.secrets().get("keystore." + name);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("DB_URL", ctx.stack().database().jdbcUrl(name));
        env.put("DB_USER", name);
        env.put("DB_PASSWORD", dbPassword);
        env.put("AUTH_ISSUER", "http://localhost:" + ctx.ports().gateway() + "/api/v1/auth");
        env.put("AUTH_JWKS_URL", "http://127.0.0.1:" + ctx.ports().applicant() + "/api/v1/auth/jwks");
        env.put("PUBLIC_BASE_URL", "http://localhost:" + ctx.ports().gateway());
        env.put("CA_KEYSTORE_PATH", dir.resolve("ca.p12").toString());
        env.put("CA_KEYSTORE_PASSWORD", keystorePassword);
        env.put("CA_ISSUING_KEY_TYPE", keyType);
        env.put("SERTEL_CA_BOOTSTRAP_GENERATE", "true");
        // a CA of its own beside the stack: its certificate events (outbox) are written, as in production, but not
        // sent; no notification-service knows this CA's identity
        env.put("SERTEL_OUTBOX_WORKERS", "0");
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec("certificate-service-" + keyType, 
                ServiceCatalog.certificateJar(ctx.project()), URI.create("http://127.0.0.1:" + port + "/q/health/ready"),
                env, ServiceCatalog.jvmArgs(), dir.resolve("service.log")));
        if (!process.awaitReady(Duration.ofMinutes(3))) {
            process.close();
            throw new IllegalStateException("certificate-service (" + keyType + ") did not start; see " + dir.resolve("service.log"));
        }
        ctx.rss().watch("certificate-service-" + keyType, process.pid());
        return new CaInstance(process, port, dir.resolve("ca.p12"), keystorePassword, ctx.stack().database().jdbcUrl(name));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The issuing CA's certificate, read from the keystore the service created. */
    public X509Certificate issuingCertificate() throws Exception {
        return (X509Certificate) keyStore().getCertificate(ISSUING_ALIAS);
    }

    /** The issuing CA's private key, for a peer that must answer for the same CA (openssl's OCSP responder). */
    public PrivateKey issuingKey() throws Exception {
        return (PrivateKey) keyStore().getKey(ISSUING_ALIAS, password.toCharArray());
    }

    private KeyStore keyStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    @Override
    public void close() {
        process.close();
    }
}

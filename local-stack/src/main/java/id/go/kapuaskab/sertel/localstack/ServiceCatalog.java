package id.go.kapuaskab.sertel.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seven services of a stack: where their packaged jar is, which port they listen on, and the
 * environment they get. The environment is the same contract a Kubernetes deployment fills in
 * (docs/ARCHITECTURE.md, "Configuration conventions"), with local values.
 */
public final class ServiceCatalog {

    /** The local-only password of the demo accounts; demo data exists only in the {@code local} profile. */
    public static final String DEMO_PASSWORD = "sertel-demo";
    public static final String ADMIN_EMAIL = "admin@kapuaskab.go.id";

    /** One service of the stack. {@code database} and {@code clientId} are null for the gateway. */
    public record Service(String name, int port, int managementPort, String database, String clientId) {

        public Path jar(Path project) {
            return project.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public URI readiness() {
            return URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    private final StackPorts ports;
    private final Service applicant;
    private final Service renewal;
    private final Service certificate;
    private final Service notification;
    private final Service signing;
    private final Service console;
    private final Service gateway;

    public ServiceCatalog(StackPorts ports) {
        this.ports = ports;
        this.applicant = new Service("applicant-service", ports.applicant(), ports.applicant(), "sertel_applicant", null);
        this.renewal = new Service("renewal-service", ports.renewal(), ports.renewal(), "sertel_renewal", "renewal-service");
        this.certificate = new Service("certificate-service", ports.certificate(), ports.certificate(), "sertel_certificate",
                "certificate-service");
        this.notification = new Service("notification-service", ports.notification(), ports.notification(), "sertel_notification", "notification-service");
        // signing-service calls no other service with an identity of its own (only the CA's public /pki), so no client id
        this.signing = new Service("signing-service", ports.signing(), ports.signing(), "sertel_signing", null);
        // the web console serves pages and files only: no database, no identity of its own (browsers use the people's tokens)
        this.console = new Service("web-console", ports.console(), ports.console(), null, null);
        this.gateway = new Service("gateway", ports.gateway(), ports.gatewayManagement(), null, null);
    }

    /** In start order: the token issuer first (everyone fetches its keys), the gateway last. */
    public List<Service> services() {
        return List.of(applicant, certificate, renewal, notification, signing, console, gateway);
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    /** The web console, through the gateway (the address its login's redirect URI is registered for). */
    public String consoleUrl() {
        return gatewayUrl() + "/console";
    }

    /** The environment of one service. */
    public Map<String, String> environment(Service service, StackHome home, LocalSecrets secrets, String profile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", profile);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("AUTH_ISSUER", gatewayUrl() + "/api/v1/auth");
        env.put("AUTH_JWKS_URL", applicant.url() + "/api/v1/auth/jwks");
        env.put("AUTH_TOKEN_URL", applicant.url() + "/api/v1/auth/token");
        env.put("AUTH_REVOCATIONS_URL", applicant.url() + "/api/v1/auth/revocations");
        env.put("APPLICANT_URL", applicant.url());
        env.put("RENEWAL_URL", renewal.url());
        env.put("NOTIFICATION_URL", notification.url());
        env.put("CERTIFICATE_URL", certificate.url());
        env.put("SIGNING_URL", signing.url());
        env.put("CONSOLE_URL", console.url());
        env.put("PUBLIC_BASE_URL", gatewayUrl());
        if (service.database() != null) {
            env.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + service.database());
            env.put("DB_USER", service.database());
            env.put("DB_PASSWORD", secrets.get("db." + service.database()));
            // seven JVMs starting at once on a busy 2-core machine: Agroal's 5-second default failed Flyway's first connection
            env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        }
        if (service.clientId() != null) {
            env.put("CLIENT_SECRET", secrets.get("client." + service.clientId()));
        }
        if (service == gateway) {
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.gatewayManagement()));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("SERTEL_GATEWAY_RATE_LIMIT_PEERS_SECRET", secrets.key("gateway.peer-secret"));
        }
        if (service == notification) {
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", Integer.toString(ports.smtp()));
            env.put("SMTP_TLS", "NONE");
            env.put("MAIL_FROM", "sertel@kapuaskab.go.id");
            env.put("WEBHOOK_SECRET_KEY", secrets.key("webhook.secret-key"));
        }
        if (service == certificate) {
            env.put("CA_KEYSTORE_PATH", home.data().resolve("ca/ca-keystore.p12").toString());
            env.put("CA_KEYSTORE_PASSWORD", secrets.get("ca.keystore"));
        }
        if (service == applicant) {
            env.put("AUTH_SIGNING_KEY", home.keys().resolve("auth-signing-key.pem").toString());
            env.put("BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("BOOTSTRAP_ADMIN_PASSWORD", DEMO_PASSWORD);
            env.put("RENEWAL_CLIENT_SECRET", secrets.get("client." + renewal.clientId()));
            env.put("NOTIFICATION_CLIENT_SECRET", secrets.get("client." + notification.clientId()));
            env.put("AUTH_DATA_KEY", secrets.key("auth.data-key"));
            env.put("CERTIFICATE_CLIENT_SECRET", secrets.get("client." + certificate.clientId()));
        }
        return env;
    }

    /** The packaged certificate-service, for tools that run a CA of their own beside the stack. */
    public static Path certificateJar(Path project) {
        return project.resolve("certificate-service/target/quarkus-app/quarkus-run.jar");
    }

    /**
     * JVM settings for a service (started with this JVM's {@code java}; {@code SERTEL_JAVA_OPTS} replaces them): small
     * heap and serial GC, as fits a 2-core machine running seven JVMs; where the JVM can (17.0.9+, 21.0.1+, 22+), it gives
     * glibc's freed native memory (start-up's class parsing and JIT arenas) back to the system every 5 s, which took
     * about 25 MiB off each service's idle RSS (bench/PROFILING.md, "native memory trim").
     */
    public static List<String> jvmArgs() {
        String custom = System.getenv("SERTEL_JAVA_OPTS");
        if (custom != null && !custom.isBlank()) {
            return List.of(custom.trim().split("\\s+"));
        }
        List<String> args = new java.util.ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx192m", "-Xss512k",
                "-XX:+ExitOnOutOfMemoryError"));
        if (trimsNativeHeap(Runtime.version())) {
            args.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000"));
        }
        return List.copyOf(args);
    }

    /** {@code -XX:TrimNativeHeapInterval} exists from 17.0.9, 21.0.1 and 22 on; an older JVM would refuse to start. */
    static boolean trimsNativeHeap(Runtime.Version v) {
        return v.feature() >= 22 || (v.feature() == 21 && v.update() >= 1) || (v.feature() == 17 && v.update() >= 9);
    }
}

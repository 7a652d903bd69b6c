package id.go.kapuaskab.sertel.system;

import id.go.kapuaskab.sertel.localstack.LocalSecrets;
import id.go.kapuaskab.sertel.localstack.Stack;
import id.go.kapuaskab.sertel.localstack.StackHome;
import id.go.kapuaskab.sertel.localstack.StackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One running system for all system tests of the JVM: the packaged services started the way
 * {@code ./sertel up} starts them (profile {@code local}), but on free ports and with a fresh home, so a
 * developer's own stack can keep running beside it. Each service sits behind a {@link
 * id.go.kapuaskab.sertel.localstack.Balancer} (what a Kubernetes Service is), so that the fault and replica tests can
 * kill, restart and add replicas while every caller keeps its one address per service.
 */
final class SystemStack {

    /**
     * The gateway's rate limits, raised for the system tests: the hostile walk sends thousands of calls as one user and
     * dozens to the login-limited public paths, and a 429 answered before the body is read would leave the body
     * unchecked (and make the SOP journey after it wait out the login limit). The limits themselves are tested in the
     * gateway's own tests.
     */
    private static final Map<String, String> RATE_LIMITS = Map.of(
            "SERTEL_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "2000",
            "SERTEL_GATEWAY_RATE_LIMIT_BURST", "20000",
            "SERTEL_GATEWAY_RATE_LIMIT_LOGIN_PER_MINUTE", "2000",
            "SERTEL_GATEWAY_RATE_LIMIT_LOGIN_BURST", "2000");

    /** Every service exports its spans to the receiver in this JVM, each second (the SOP journey checks one trace). */
    private static final List<String> TRACED = List.of("gateway", "applicant-service", "renewal-service", "certificate-service",
            "notification-service", "signing-service");

    private static Stack stack;
    private static TraceReceiver traces;
    private static StackHome home;
    private static StackPorts ports;

    private SystemStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Path project = Path.of(System.getProperty("sertel.project", "..")).toAbsolutePath().normalize();
            Path work = Path.of(System.getProperty("sertel.work", "target/system-stack")).toAbsolutePath();
            deleteTree(work);
            home = StackHome.at(work);
            ports = StackPorts.free();
            traces = TraceReceiver.start();
            Map<String, Map<String, String>> overrides = new HashMap<>();
            for (String service : TRACED) {
                overrides.put(service, new HashMap<>(Map.of(
                        "OTEL_SDK_DISABLED", "false",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s")));
            }
            overrides.get("gateway").putAll(RATE_LIMITS);
            stack = Stack.start(new Stack.Options(project, home, ports, false, "local", line -> System.out.println("[stack] " + line),
                    overrides, true));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                traces.close();
            }));
        }
        return stack;
    }

    static TraceReceiver traces() {
        get();
        return traces;
    }

    static String gateway() {
        get();
        return "http://127.0.0.1:" + ports.gateway();
    }

    static Path project() {
        return Path.of(System.getProperty("sertel.project", "..")).toAbsolutePath().normalize();
    }

    /** The admin, logged in with the second factor the SOP journey enrolled (its authenticator's secret is kept on disk). */
    static id.go.kapuaskab.sertel.system.faults.Session admin(id.go.kapuaskab.sertel.system.faults.Api api) {
        Path work = Path.of("target", "sop-journey");
        Path secret = work.resolve("admin-authenticator.secret");
        // enrols the second factor when this stack's admin has none yet, also when the kept secret is of an earlier stack
        id.go.kapuaskab.sertel.journey.AdminLogin.accessToken(java.net.URI.create(gateway()), "admin@kapuaskab.go.id", "sertel-demo", work);
        try {
            return id.go.kapuaskab.sertel.system.faults.Session.login(api, "admin@kapuaskab.go.id", "sertel-demo", Files.readString(secret).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StackPorts ports() {
        get();
        return ports;
    }

    static LocalSecrets secrets() {
        get();
        return LocalSecrets.load(home.secrets());
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package id.go.kapuaskab.sertel.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole running system: PostgreSQL with the five databases, the mail catcher, and the seven services as
 * processes, started in dependency order and stopped in reverse. {@code ./sertel up} runs one on the
 * standard ports with durable storage; system tests run one on free ports beside it.
 */
public final class Stack implements AutoCloseable {

    /**
     * What differs between a developer's stack and a test's or a benchmark's: {@code overrides} adds or
     * replaces environment variables per service (keyed by service name), e.g. a benchmark's higher rate limits.
     */
    public record Options(Path project, StackHome home, StackPorts ports, boolean durable, String profile, Consumer<String> log,
                          Map<String, Map<String, String>> overrides) {

        public Options(Path project, StackHome home, StackPorts ports, boolean durable, String profile, Consumer<String> log) {
            this(project, home, ports, durable, profile, log, Map.of());
        }
    }

    private final Options options;
    private final ServiceCatalog catalog;
    private final List<ServiceProcess> running = new ArrayList<>();
    private LocalDatabase database;
    private MailCatcher mail;

    private Stack(Options options) {
        this.options = options;
        this.catalog = new ServiceCatalog(options.ports());
    }

    /** Starts everything or, on any failure, stops what it started and throws with the reason. */
    public static Stack start(Options options) {
        Stack stack = new Stack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public ServiceCatalog catalog() {
        return catalog;
    }

    public MailCatcher mail() {
        return mail;
    }

    public LocalDatabase database() {
        return database;
    }

    /** The running service processes, in start order. */
    public List<ServiceProcess> processes() {
        return List.copyOf(running);
    }

    private void startAll() {
        options.ports().described().forEach((port, user) -> {
            if (!StackPorts.isFree(port)) {
                throw new IllegalStateException("port " + port + " (" + user + ") is taken by another program: stop it first");
            }
        });
        for (ServiceCatalog.Service s : catalog.services()) {
            if (!Files.isRegularFile(s.jar(options.project()))) {
                throw new IllegalStateException(s.name() + " is not built (" + s.jar(options.project()) + "): run mvn -DskipTests package");
            }
        }
        StackHome home = options.home();
        LocalSecrets secrets = LocalSecrets.load(home.secrets());
        log("starting PostgreSQL on 127.0.0.1:" + options.ports().postgres() + " (data in " + home.postgresData() + ")");
        database = LocalDatabase.start(home.postgresData(), options.ports().postgres(), options.durable(), home.log("postgres"));
        log("PostgreSQL ready: fsync=" + database.setting("fsync") + ", synchronous_commit=" + database.setting("synchronous_commit"));
        for (ServiceCatalog.Service s : catalog.services()) {
            if (s.database() != null) {
                database.ensureDatabase(s.database(), s.database(), secrets.get("db." + s.database()));
            }
        }
        mail = MailCatcher.start(options.ports().smtp(), options.ports().inbox());
        log("mail catcher: SMTP 127.0.0.1:" + mail.smtpPort() + ", inbox http://127.0.0.1:" + mail.inboxPort());

        List<ServiceCatalog.Service> services = catalog.services();
        launch(services.get(0), secrets);
        awaitReady(running.subList(0, 1));
        for (ServiceCatalog.Service s : services.subList(1, services.size())) {
            launch(s, secrets);
        }
        awaitReady(running.subList(1, running.size()));
    }

    private void launch(ServiceCatalog.Service s, LocalSecrets secrets) {
        log("starting " + s.name() + " on port " + s.port());
        Map<String, String> env = new java.util.LinkedHashMap<>(catalog.environment(s, options.home(), secrets, options.profile()));
        env.putAll(options.overrides().getOrDefault(s.name(), Map.of()));
        running.add(ServiceProcess.start(new ServiceProcess.Spec(s.name(), s.jar(options.project()), s.readiness(),
                env, ServiceCatalog.jvmArgs(), options.home().log(s.name()))));
    }

    private void awaitReady(List<ServiceProcess> processes) {
        for (ServiceProcess p : processes) {
            // a ceiling, not a target: six JVMs starting at once on a busy 2-core build machine took over 3 minutes
            if (!p.awaitReady(Duration.ofMinutes(6))) {
                throw new IllegalStateException(p.name() + " did not become ready" + (p.isAlive() ? "" : " (it exited)")
                        + "; see " + p.logFile());
            }
            log(p.name() + " ready (pid " + p.pid() + ")");
        }
    }

    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            ServiceProcess p = running.get(i);
            log("stopping " + p.name());
            p.close();
        }
        running.clear();
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (database != null) {
            log("stopping PostgreSQL");
            database.close();
            database = null;
        }
    }

    private void log(String line) {
        options.log().accept(line);
    }
}

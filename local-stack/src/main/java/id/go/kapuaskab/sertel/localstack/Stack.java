package id.go.kapuaskab.sertel.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole running system: PostgreSQL with the five databases, the mail catcher, and the seven services as
 * processes, started in dependency order and stopped in reverse. {@code ./sertel up} runs one on the
 * standard ports with durable storage; system tests run one on free ports beside it.
 *
 * <p>A <em>balanced</em> stack puts a {@link Balancer} (what a Kubernetes Service is) on each service's port and runs
 * the replicas behind it on ports of their own, so that replicas can be added, killed, restarted and stopped while
 * callers keep using one address per service.
 */
public final class Stack implements AutoCloseable {

    /**
     * How long a process may take to become ready: generous, since the machine may be busy with other builds (a service
     * that boots in 5 s alone was seen taking 284 s on two cores with a load average of 40).
     */
    public static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

    /** How often a process that exits while it boots is started again (see {@code awaitReady}). */
    private static final int BOOT_RESTARTS = 2;

    /**
     * What differs between a developer's stack and a test's or a benchmark's: {@code overrides} adds or
     * replaces environment variables per service (keyed by service name), e.g. a benchmark's higher rate limits;
     * {@code balanced} puts a balancer in front of every service (see the class comment).
     */
    public record Options(Path project, StackHome home, StackPorts ports, boolean durable, String profile, Consumer<String> log,
                          Map<String, Map<String, String>> overrides, boolean balanced) {

        public Options(Path project, StackHome home, StackPorts ports, boolean durable, String profile, Consumer<String> log,
                       Map<String, Map<String, String>> overrides) {
            this(project, home, ports, durable, profile, log, overrides, false);
        }

        public Options(Path project, StackHome home, StackPorts ports, boolean durable, String profile, Consumer<String> log) {
            this(project, home, ports, durable, profile, log, Map.of(), false);
        }
    }

    private final Options options;
    private final ServiceCatalog catalog;
    private final List<Replica> running = new ArrayList<>();
    private final Map<String, Balancer> balancers = new LinkedHashMap<>();
    private final Map<String, Integer> launched = new LinkedHashMap<>();
    private LocalSecrets secrets;
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
    public synchronized List<ServiceProcess> processes() {
        return running.stream().map(Replica::process).toList();
    }

    /** The replicas of one service, in start order. */
    public synchronized List<Replica> replicas(String service) {
        return running.stream().filter(r -> r.service().equals(service)).toList();
    }

    /** The service's balancer; only in a balanced stack. */
    public Balancer balancer(String service) {
        Balancer b = balancers.get(service);
        if (b == null) {
            throw new IllegalStateException("no balancer for " + service + ": the stack is not balanced");
        }
        return b;
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
        secrets = LocalSecrets.load(home.secrets());
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
        if (options.balanced()) {
            for (ServiceCatalog.Service s : catalog.services()) {
                balancers.put(s.name(), Balancer.start(s.name(), s.port()));
            }
        }
        List<ServiceCatalog.Service> services = catalog.services();
        awaitReady(List.of(launch(services.get(0))));
        List<Replica> rest = new ArrayList<>();
        for (ServiceCatalog.Service s : services.subList(1, services.size())) {
            rest.add(launch(s));
        }
        awaitReady(rest);
    }

    /**
     * Starts one more replica of a service behind its balancer and waits until it is ready; it gets its own ports and
     * the same configuration as the others.
     */
    public Replica addReplica(String service) {
        return addReplicas(List.of(service)).get(0);
    }

    /**
     * Starts one more replica of each of the services at once (they boot side by side) and waits until all are ready.
     */
    public List<Replica> addReplicas(List<String> services) {
        if (!options.balanced()) {
            throw new IllegalStateException("replicas need a balanced stack");
        }
        List<Replica> added = new ArrayList<>();
        for (String service : services) {
            added.add(launch(catalog.services().stream().filter(s -> s.name().equals(service)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no service " + service))));
        }
        // waited for without holding the stack: a close() meanwhile (a JVM shutting down) must not wait for the boot
        awaitReady(added);
        return added;
    }

    /** Starts the replica's process again with the same configuration (after a kill) and waits until it is ready. */
    public void restart(Replica replica) {
        if (replica.process().isAlive()) {
            throw new IllegalStateException(replica.id() + " still runs: kill or stop it first");
        }
        log("restarting " + replica.id());
        replica.replace(ServiceProcess.start(replica.process().spec()));
        awaitReady(List.of(replica));
    }

    /** Forgets a replica whose process has ended (a scale-down): its balancer sends it nothing more. */
    public synchronized void retire(Replica replica) {
        if (replica.process().isAlive()) {
            throw new IllegalStateException(replica.id() + " still runs");
        }
        Balancer b = balancers.get(replica.service());
        if (b != null) {
            b.remove(replica.id());
        }
        running.remove(replica);
    }

    /** Crashes PostgreSQL and starts it again on the same data (see {@link LocalDatabase#crashAndRestart()}). */
    public void crashDatabase() {
        log("crashing PostgreSQL (immediate shutdown) and starting it again");
        database.crashAndRestart();
        log("PostgreSQL is back");
    }

    private synchronized Replica launch(ServiceCatalog.Service s) {
        int index = launched.merge(s.name(), 1, Integer::sum);
        String id = s.name() + "-" + index;
        boolean own = options.balanced();
        int port = own ? StackPorts.freePort() : s.port();
        int management = s.managementPort() == s.port() ? port : (own ? StackPorts.freePort() : s.managementPort());
        Map<String, String> env = new LinkedHashMap<>(catalog.environment(s, options.home(), secrets, options.profile()));
        env.putAll(options.overrides().getOrDefault(s.name(), Map.of()));
        env.put("HOSTNAME", id);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (management != port) {
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        }
        if (s.name().equals("gateway")) {
            // each gateway tells the others the calls it lets through (one rate limit for all): it names those already
            // running, and they learn it from its messages
            env.put("SERTEL_GATEWAY_RATE_LIMIT_PEERS_ADVERTISE", "http://127.0.0.1:" + management);
            String others = running.stream().filter(r -> r.service().equals("gateway"))
                    .map(r -> "http://127.0.0.1:" + r.managementPort()).collect(java.util.stream.Collectors.joining(","));
            if (!others.isEmpty()) {
                env.put("SERTEL_GATEWAY_RATE_LIMIT_PEERS_ADDRESSES", others);
            }
        }
        log("starting " + id + " on port " + port + (own ? " (behind :" + s.port() + ")" : ""));
        Path logFile = options.home().log(index == 1 ? s.name() : id);
        ServiceProcess p = ServiceProcess.start(new ServiceProcess.Spec(s.name(), s.jar(options.project()),
                java.net.URI.create("http://127.0.0.1:" + management + "/q/health/ready"), env, ServiceCatalog.jvmArgs(), logFile));
        Replica r = new Replica(s, id, port, management, p);
        running.add(r);
        if (own) {
            balancers.get(s.name()).add(new Balancer.Backend(id, port, r.readiness()));
        }
        return r;
    }

    /**
     * Waits for each replica to become ready. A process that exits while it boots is started again, at most
     * {@link #BOOT_RESTARTS} times, as the kubelet restarts a container: on a crowded machine a boot can fail for want of
     * a database connection within the pool's acquisition timeout. Its log keeps every try (appended).
     */
    private void awaitReady(List<Replica> replicas) {
        for (Replica r : replicas) {
            ServiceProcess p = r.process();
            int restarts = 0;
            while (!p.awaitReady(READY_TIMEOUT)) {
                if (p.isAlive() || restarts == BOOT_RESTARTS) {
                    throw new IllegalStateException(r.id() + " did not become ready within " + READY_TIMEOUT.toMinutes() + " minutes"
                            + (p.isAlive() ? "" : " (it exited, " + (restarts + 1) + " tries)") + "; see " + p.logFile());
                }
                restarts++;
                log(r.id() + " exited while it booted (see " + p.logFile() + "); starting it again, as the kubelet would");
                p = ServiceProcess.start(p.spec());
                r.replace(p);
            }
            Balancer b = balancers.get(r.service());
            if (b != null) {
                awaitBalanced(b, r);
            }
            log(r.id() + " ready (pid " + p.pid() + ")");
        }
    }

    /** Ready means reachable through the service's address, so wait for the balancer's next probe too. */
    private static void awaitBalanced(Balancer b, Replica r) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!b.isReady(r.id())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(r.id() + " is ready but its balancer never saw it so");
            }
            try {
                Thread.sleep(Balancer.PROBE_EVERY.toMillis() / 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops every service at once (SIGTERM, each shuts down gracefully; forcibly after 40 s), then the rest. */
    @Override
    public synchronized void close() {
        List<Replica> stopping = new ArrayList<>(running);
        java.util.Collections.reverse(stopping);
        for (Replica r : stopping) {
            log("stopping " + r.id());
            r.process().terminate();
        }
        for (Replica r : stopping) {
            if (!r.process().awaitExit(Duration.ofSeconds(40))) {
                r.process().kill();
            }
        }
        running.clear();
        balancers.values().forEach(Balancer::close);
        balancers.clear();
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

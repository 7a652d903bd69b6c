package id.go.kapuaskab.sertel.bench.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.go.kapuaskab.sertel.localstack.LocalDatabase;
import id.go.kapuaskab.sertel.localstack.ServiceProcess;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A backlog of due expiry reminders drained by the packaged notification-service through a local SMTP server.
 *
 * <ol>
 *   <li>Durable PostgreSQL (fsync on), GreenMail, a JWKS issuer and the two peers' contracts, all on loopback.</li>
 *   <li>The service starts with polling off; the admin's reminder run decides every reminder and fills the
 *       outbox (the planning rate is reported too).</li>
 *   <li>For each parallelism: the service is (re)started with polling on, drains the whole backlog to GreenMail,
 *       and the drain is timed from the first attempt to the last recorded result (from the attempts table), with
 *       the wall time until GreenMail holds every mail; then the backlog is reset to PENDING for the next row.</li>
 * </ol>
 */
public final class OutboxDrainBenchmark {

    private static final String SECRET = "bench-notification-secret";

    private OutboxDrainBenchmark() {
    }

    /** What one drain measured. */
    public record Drain(int parallelism, long mails, long attempts, double drainSeconds, double mailsPerSecond, double wallSeconds) {
    }

    /** What a benchmark run measured: the planning of the backlog, then each drain of it. */
    public record Report(int reminders, double planSeconds, List<Drain> drains) {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("bench.project", ".")).toAbsolutePath();
        int reminders = Integer.getInteger("bench.reminders", 10_000);
        List<Integer> parallelisms = new ArrayList<>();
        for (String p : System.getProperty("bench.parallelism", "8").split(",")) {
            parallelisms.add(Integer.parseInt(p.trim()));
        }
        Report report = run(project, reminders, parallelisms);
        System.out.println();
        System.out.printf("notification-service outbox drain: %,d due reminders, PostgreSQL with fsync on, GreenMail SMTP on loopback, %d cores%n",
                reminders, Runtime.getRuntime().availableProcessors());
        System.out.printf("planning (reminder run, incl. service start-up): %.1f s, %.0f reminders/s%n", report.planSeconds(),
                reminders / report.planSeconds());
        System.out.println("| parallelism (SMTP connections) | mails | attempts | drain s | mails/s | wall s (incl. start-up) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        report.drains().forEach(d -> System.out.printf("| %d | %,d | %,d | %.1f | %.0f | %.1f |%n", d.parallelism(), d.mails(), d.attempts(),
                d.drainSeconds(), d.mailsPerSecond(), d.wallSeconds()));
    }

    /**
     * Plans {@code reminders} due reminders once, then drains the backlog once per entry of {@code parallelisms}
     * (the backlog is put back to PENDING between drains). Used by this main and by bench/run.
     */
    public static Report run(Path project, int reminders, List<Integer> parallelisms) throws Exception {
        Path work = Files.createTempDirectory("sertel-bench-notification");
        Path jar = project.resolve("notification-service/target/quarkus-app/quarkus-run.jar");

        TestIssuer.ensureStarted();
        int pgPort = freePort();
        try (LocalDatabase db = LocalDatabase.start(work.resolve("pg"), pgPort, true, work.resolve("pg.log"));
             BenchPeers peers = new BenchPeers(reminders, Instant.now().plus(Duration.ofDays(5)), SECRET)) {
            db.ensureDatabase("sertel_notification", "sertel_notification", "bench");
            GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            String jdbc = db.jdbcUrl("sertel_notification");
            int httpPort = freePort();

            Instant planStart = Instant.now();
            try (ServiceProcess service = start(jar, work, httpPort, db, peers, smtp, 8, false)) {
                HttpResponse<String> run = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + httpPort + "/api/v1/notifications/reminders/run"))
                        .header("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                        .timeout(Duration.ofMinutes(20)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (run.statusCode() != 200) {
                    throw new IllegalStateException("Reminder run answered " + run.statusCode() + ": " + run.body());
                }
            }
            double planSeconds = Duration.between(planStart, Instant.now()).toMillis() / 1000.0;
            long backlog = scalar(jdbc, "SELECT count(*) FROM delivery WHERE status = 'PENDING'");
            if (backlog != reminders) {
                throw new IllegalStateException("Expected " + reminders + " due reminders, found " + backlog);
            }

            List<Drain> drains = new ArrayList<>();
            for (int parallelism : parallelisms) {
                smtp.purgeEmailFromAllMailboxes();
                Instant wallStart = Instant.now();
                try (ServiceProcess service = start(jar, work, httpPort, db, peers, smtp, parallelism, true)) {
                    if (!smtp.waitForIncomingEmail(Duration.ofMinutes(30).toMillis(), reminders)) {
                        throw new IllegalStateException("Only " + smtp.getReceivedMessages().length + " mails arrived");
                    }
                    double wall = Duration.between(wallStart, Instant.now()).toMillis() / 1000.0;
                    waitUntil(jdbc, "SELECT count(*) FROM delivery WHERE status = 'SENT'", reminders);
                    double drain = scalar(jdbc, "SELECT (extract(epoch FROM max(finished_at) - min(started_at)) * 1000)::bigint FROM outbox_attempt") / 1000.0;
                    long attempts = scalar(jdbc, "SELECT count(*) FROM outbox_attempt");
                    drains.add(new Drain(parallelism, reminders, attempts, drain, reminders / drain, wall));
                }
                reset(jdbc);
            }
            smtp.stop();
            return new Report(reminders, planSeconds, drains);
        }
    }

    private static ServiceProcess start(Path jar, Path work, int port, LocalDatabase db, BenchPeers peers, GreenMail smtp, int parallelism,
                                        boolean poll) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("DB_URL", db.jdbcUrl("sertel_notification"));
        env.put("DB_USER", "sertel_notification");
        env.put("DB_PASSWORD", "bench");
        env.put("AUTH_ISSUER", TestIssuer.ISSUER);
        env.put("AUTH_JWKS_URL", TestIssuer.jwksUrl());
        env.put("AUTH_TOKEN_URL", peers.url() + "/token");
        env.put("CLIENT_SECRET", SECRET);
        env.put("CERTIFICATE_URL", peers.url());
        env.put("APPLICANT_URL", peers.url());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("SMTP_TLS", "NONE");
        env.put("SERTEL_MAIL_SMTP_POOL_SIZE", Integer.toString(parallelism));
        // while planning no worker sends; while draining, `parallelism` workers do
        env.put("SERTEL_OUTBOX_WORKERS", poll ? Integer.toString(parallelism) : "0");
        env.put("SERTEL_OUTBOX_BATCH_SIZE", "8");
        env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", Integer.toString(Math.max(20, parallelism + 4)));
        env.put("SERTEL_REMINDERS_CRON", "off");
        env.put("SERTEL_REMINDERS_CATCH_UP_AT_START", "false");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // the key webhook secrets are encrypted under: required at start-up (no webhooks in this benchmark)
        byte[] webhookKey = new byte[32];
        new java.security.SecureRandom().nextBytes(webhookKey);
        env.put("WEBHOOK_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(webhookKey));
        ServiceProcess service = ServiceProcess.start(new ServiceProcess.Spec("notification-service", jar,
                URI.create("http://127.0.0.1:" + port + "/q/health/ready"), env,
                List.of("-XX:+UseSerialGC", "-Xmx256m"), work.resolve("notification-service-" + parallelism + ".log")));
        if (!service.awaitReady(Duration.ofSeconds(90))) {
            service.close();
            throw new IllegalStateException("notification-service did not become ready; see " + service.logFile());
        }
        return service;
    }

    private static void reset(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DELETE FROM outbox_attempt");
            s.execute("""
                    UPDATE outbox_item SET status = 'PENDING', attempts = 0, next_attempt_at = now(), finished_at = NULL, lease_owner = NULL,
                           lease_until = NULL, attempt_started_at = NULL WHERE topic = 'mail'""");
            s.execute("UPDATE delivery SET status = 'PENDING', attempts = 0, sent_at = NULL, next_attempt_at = now()");
        }
    }

    private static void waitUntil(String jdbc, String sql, long expected) throws Exception {
        for (int i = 0; i < 600 && scalar(jdbc, sql) < expected; i++) {
            Thread.sleep(100);
        }
    }

    private static long scalar(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

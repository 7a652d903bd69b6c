package id.go.kapuaskab.sertel.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.journey.Inbox;
import id.go.kapuaskab.sertel.journey.Narrator;
import id.go.kapuaskab.sertel.journey.OpenSsl;
import id.go.kapuaskab.sertel.localstack.Replica;
import id.go.kapuaskab.sertel.localstack.Stack;
import id.go.kapuaskab.sertel.system.faults.Api;
import id.go.kapuaskab.sertel.system.faults.BatchChecks;
import id.go.kapuaskab.sertel.system.faults.CallLog;
import id.go.kapuaskab.sertel.system.faults.Ledgers;
import id.go.kapuaskab.sertel.system.faults.OcspProbe;
import id.go.kapuaskab.sertel.system.faults.Office;
import id.go.kapuaskab.sertel.system.faults.Patience;
import id.go.kapuaskab.sertel.system.faults.Reply;
import id.go.kapuaskab.sertel.system.faults.RequestFlow;
import id.go.kapuaskab.sertel.system.faults.Session;
import id.go.kapuaskab.sertel.system.faults.Wave;
import id.go.kapuaskab.sertel.system.faults.WebhookReceiver;
import id.go.kapuaskab.sertel.testsupport.PrometheusScrape;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scale-out with real processes (issue 20): a second replica of every service, the gateway included, each behind its
 * balancer as behind a Kubernetes Service. A batch of requests goes through and must give the same counts as one
 * replica: one certificate per approval, each workflow mail once, each webhook event delivered, every outbox drained,
 * and no failure at all. The reminder run is started on both notification-service replicas at the same moment: the
 * ledger lets each reminder go once. A revocation through one CA replica is in the OCSP answers of both within
 * {@link #OCSP_BOUND}, though each had the old answer cached.
 */
class ReplicasIT {

    private static final List<String> SCALED = List.of("gateway", "applicant-service", "renewal-service", "certificate-service",
            "notification-service", "signing-service");
    private static final int BATCH = 6;

    /**
     * How soon every certificate-service replica's OCSP answer must follow a revocation made through another: each
     * replica polls the status changes each second (certificate-service's README); the rest is a busy machine's slack.
     */
    static final Duration OCSP_BOUND = Duration.ofSeconds(5);

    @Test
    void twoReplicasOfEveryServiceGiveTheCountsOfOne() throws Exception {
        Stack stack = SystemStack.get();
        List<Replica> seconds = stack.addReplicas(SCALED);
        try {
            Instant began = Instant.now();
            CallLog calls = new CallLog();
            Api api = new Api(URI.create(SystemStack.gateway()), calls);
            Ledgers ledgers = new Ledgers(stack.database());
            Session admin = SystemStack.admin(api);
            try (WebhookReceiver receiver = WebhookReceiver.start()) {
                receiver.subscribe(api, admin::token, List.of("request.state-changed", "certificate.issued", "certificate.expiring"));
                Office office = new Office(api, new Inbox(URI.create("http://127.0.0.1:" + SystemStack.ports().inbox()), Duration.ofMinutes(3)),
                        admin::token).open();
                List<Office.Applicant> applicants = office.applicants(BATCH);
                OpenSsl openssl = new OpenSsl(java.nio.file.Files.createDirectories(Path.of("target", "replicas").toAbsolutePath()), Narrator.silent());
                List<RequestFlow> flows = new ArrayList<>();
                for (int i = 0; i < applicants.size(); i++) {
                    Office.Applicant a = applicants.get(i);
                    flows.add(new RequestFlow(api, office, a, openssl.newKeyAndCsr("key" + i, a.person().email()).csr()));
                }
                Wave wave = new Wave(flows).prepare();
                wave.startApprovals();
                wave.awaitApprovals();
                wave.awaitCompleted(ledgers, Instant.now(), Duration.ofMinutes(2), "the last approval");

                BatchChecks checks = new BatchChecks(ledgers, office, flows, api);
                var serials = checks.issued();
                checks.oneCertificateEach(serials);
                List<JsonNode> runs = remindersOnEveryReplicaAtOnce(stack, admin);
                checks.mailOnce(checks.awaitMail(Duration.ofMinutes(3)), stack.mail(), began);
                checks.awaitWebhooks(receiver, serials, Duration.ofMinutes(3));
                checks.outboxesDrained(began, Duration.ofMinutes(2));
                Duration seen = revocationSeenByEveryCaReplica(stack, api, admin, openssl, serials.values().iterator().next());
                for (Replica g : stack.replicas("gateway")) {
                    // the second gateway named the first; the first learnt the second from its messages
                    Patience.until(g.id() + " sharing its rate-limit usage with the other gateway", Duration.ofSeconds(10),
                            () -> scrape(g).sum("sertel_gateway_rate_limit_peers", Map.of()) == 1
                                    && scrape(g).sum("sertel_gateway_rate_limit_peer_messages_total", Map.of("outcome", "accepted")) > 0);
                }

                assertThat(runs).as("both reminder runs finished").allSatisfy(r -> assertThat(r.path("complete").asBoolean()).isTrue());
                assertThat(calls.failures()).as("failures callers saw with two of everything" + CallLog.describe(calls.failures())).isEmpty();
                System.out.printf("replicas: %d calls; connections per replica %s; outbox attempts per worker %s; a revocation"
                        + " answered by OCSP of every CA replica within %.1f s%n", calls.size(), connections(stack), workers(ledgers, began),
                        seen.toMillis() / 1000.0);
            }
            Map<String, String> stops = stopEach(seconds);
            assertThat(stops).as("on SIGTERM each replica answered its readiness probe DOWN (503) while it still took calls,"
                    + " before it closed its port, and exited within its grace").allSatisfy((id, seen) -> assertThat(seen).isEqualTo("503 exited"));
        } finally {
            for (Replica r : seconds) {
                if (r.process().isAlive()) {
                    r.process().kill();
                }
                stack.retire(r);
            }
        }
    }

    /**
     * Sends SIGTERM to each replica and watches its readiness endpoint until the process is gone: what it answered
     * first when it stopped answering 200 ("503", or "refused" had it closed the port without turning DOWN first),
     * then "exited" when it ended within {@code terminationGracePeriodSeconds} (40 s).
     */
    private static Map<String, String> stopEach(List<Replica> replicas) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, String> seen = new java.util.TreeMap<>();
        for (Replica r : replicas) {
            r.process().terminate();
            String first = null;
            while (first == null && r.process().isAlive()) {
                try {
                    int status = http.send(java.net.http.HttpRequest.newBuilder(r.readiness()).timeout(Duration.ofSeconds(2)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) {
                        first = Integer.toString(status);
                    }
                    Thread.sleep(25);
                } catch (java.net.http.HttpTimeoutException e) {
                    // a slow answer under load says nothing yet: ask again
                } catch (java.io.IOException e) {
                    first = "refused";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            seen.put(r.id(), (first == null ? "none" : first) + (r.process().awaitExit(Duration.ofSeconds(40)) ? " exited" : " still running"));
        }
        return seen;
    }

    /**
     * Each CA replica first answers {@code good} for the serial without a nonce (so each keeps the signed answer in its
     * cache); then the admin revokes it through the gateway, which one of them handles; within {@link #OCSP_BOUND} every
     * replica answers {@code revoked}. Returns how long the slowest took after the revocation's answer.
     */
    private static Duration revocationSeenByEveryCaReplica(Stack stack, Api api, Session admin, OpenSsl openssl, String serial) {
        OcspProbe ocsp = OcspProbe.of(api.base(), openssl);
        List<Replica> cas = stack.replicas("certificate-service");
        assertThat(cas).as("certificate-service replicas").hasSize(2);
        for (Replica r : cas) {
            assertThat(ocsp.status(r.url(), serial)).as(r.id() + "'s OCSP answer before the revocation").isEqualTo("good");
        }
        Patience.through(Session.PATIENCE, () -> api.post("/api/v1/certificates/" + serial + "/revoke", admin.token(),
                Map.of("reason", "keyCompromise"))).expect(200);
        Instant revoked = Instant.now();
        for (Replica r : cas) {
            Patience.until(r.id() + "'s OCSP answer revoked", OCSP_BOUND.minus(Duration.between(revoked, Instant.now())),
                    () -> ocsp.status(r.url(), serial).equals("revoked"));
        }
        return Duration.between(revoked, Instant.now());
    }

    /** The admin's "run the reminders now" sent to each notification-service replica directly, both at the same moment. */
    private static List<JsonNode> remindersOnEveryReplicaAtOnce(Stack stack, Session admin) {
        String token = admin.token();
        List<CompletableFuture<Reply>> runs = stack.replicas("notification-service").stream()
                .map(r -> CompletableFuture.supplyAsync(() -> Patience.through(Session.PATIENCE,
                        () -> new Api(URI.create(r.url()), new CallLog()).post("/api/v1/notifications/reminders/run", token, null))))
                .toList();
        return runs.stream().map(f -> f.join().expect(200)).toList();
    }

    private static final java.net.http.HttpClient METRICS = java.net.http.HttpClient.newHttpClient();

    /** The replica's Prometheus metrics (its management port); none while it does not answer. */
    private static PrometheusScrape scrape(Replica r) {
        try {
            return PrometheusScrape.parse(METRICS.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.managementPort()
                    + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        } catch (java.io.IOException e) {
            return PrometheusScrape.parse("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> connections(Stack stack) {
        return SCALED.stream().flatMap(s -> stack.replicas(s).stream())
                .collect(Collectors.toMap(Replica::id, r -> stack.balancer(r.service()).connectionsTo(r.id()), (a, b) -> a,
                        java.util.TreeMap::new));
    }

    private static Map<String, Integer> workers(Ledgers ledgers, Instant since) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (String db : Ledgers.OUTBOXES) {
            ledgers.query(db, "SELECT split_part(worker, '/', 1), count(*) FROM outbox_attempt WHERE started_at >= ? GROUP BY 1",
                    rs -> out.merge(rs.getString(1), rs.getInt(2), Integer::sum), java.sql.Timestamp.from(since));
        }
        return out;
    }
}

package id.go.kapuaskab.sertel.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.CpuMeter;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.Machine;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import id.go.kapuaskab.sertel.journey.AdminLogin;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * notification-service's signed webhooks (Standard Webhooks) from event to delivery. Set up as the regency would: the
 * admin, logged in with the second factor ({@link AdminLogin}, the SOP journey's code), registers an institution and a
 * regional system for it (integration client, scope {@code events:subscribe}); the system subscribes its endpoint
 * ({@link WebhookSink} on 127.0.0.1) to {@code certificate.issued} and {@code certificate.revoked}. Events arrive the
 * way certificate-service's outbox hands them over: {@code POST /internal/integration-events} with certificate-service's
 * own service token, on {@value #CONNECTIONS} connections (its outbox workers in production: two replicas of two), each
 * sending its next event when the intake has answered 202. Every fourth event of a connection revokes the certificate
 * whose issue it handed over three events before, so the per-certificate order is checked under load.
 *
 * <p>One warm-up (events for the JIT warm-up time, all awaited), then runs of N events: deliveries per second are N
 * over the time from the first event sent to the last webhook received; an event's latency runs from sending it to the
 * intake to its webhook's arrival. A run fails unless every event was accepted with exactly one delivery, every
 * webhook-id arrived exactly once and every revocation after its issue; at the end the subscription's delivery log
 * must hold every event as DELIVERED and nothing pending, retrying, failed or skipped.
 */
public final class WebhookDeliveries implements Scenario {

    static final int CONNECTIONS = 4;
    /** A failed attempt is retried after 30 s plus up to 20 % jitter: one retry fits, then the run gives up. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String INTAKE = "/internal/integration-events";

    /** One certificate of the events: its serial, holder, validity and the event that announced its issue. */
    private record Cert(String serial, String holderId, String notBefore, String notAfter, String issueEvent) {
    }

    /** The regional system: its client credentials, its subscription and its institution. */
    private record Subscriber(String clientId, String clientSecret, String subscriptionId, String institutionId) {
    }

    /** The events of one run: when each was sent, and each revocation with the issue it must follow. */
    private static final class Batch {
        final Map<String, Long> sent = new ConcurrentHashMap<>();
        final Queue<String[]> pairs = new ConcurrentLinkedQueue<>();
        final AtomicLong lastAccepted = new AtomicLong(Long.MIN_VALUE);

        long firstSent() {
            return sent.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        }
    }

    /** What one run measured. */
    private record Measured(double perSecond, double handOverPerSecond, double p50, double p99, int pairs) {
    }

    @Override
    public String key() {
        return "webhooks";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        int events = ctx.quick() ? 400 : 2_000;
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        try (WebhookSink sink = new WebhookSink()) {
            Subscriber subscriber = subscribe(ctx, sink);
            BenchContext.log("webhooks: subscription " + subscriber.subscriptionId() + " of " + subscriber.clientId() + " to " + sink.url());
            Batch warm = handOver(ctx, connections, subscriber.institutionId(), Integer.MAX_VALUE, ctx.warmup());
            await(sink, warm);
            long total = warm.sent.size();
            BenchContext.log("webhooks warm-up: " + total + " events delivered");
            double retriedBefore = attempts(ctx, "retried");
            Map<String, Long> pids = Map.of("notification-service", ctx.process("notification-service").pid());
            List<Double> rate = new ArrayList<>();
            List<Double> handOver = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<String> loads = new ArrayList<>();
            Map<String, Double> cpu = new LinkedHashMap<>();
            int pairs = 0;
            for (int run = 0; run < ctx.runs(); run++) {
                loads.add(Machine.loadAverage());
                Map<String, Double> before = CpuMeter.snapshot(pids);
                Batch batch = handOver(ctx, connections, subscriber.institutionId(), events / CONNECTIONS, Duration.ofHours(1));
                await(sink, batch);
                CpuMeter.between(before, CpuMeter.snapshot(pids)).forEach((name, s) -> cpu.merge(name, s, Double::sum));
                total += batch.sent.size();
                settle(sink, total);
                Measured m = measure(sink, batch);
                BenchContext.log(String.format(Locale.ROOT, "webhooks run %d: %d events, handed over at %.0f/s, delivered at %.0f/s, "
                                + "p50 %.1f ms, p99 %.1f ms, %d revocations after their issue; load before %s", run + 1, batch.sent.size(),
                        m.handOverPerSecond(), m.perSecond(), m.p50(), m.p99(), m.pairs(), loads.get(run)));
                rate.add(m.perSecond());
                handOver.add(m.handOverPerSecond());
                p50.add(m.p50());
                p99.add(m.p99());
                pairs += m.pairs();
            }
            String log = deliveryLog(ctx, subscriber, total);
            double retried = attempts(ctx, "retried") - retriedBefore;
            long delivered = (long) events / CONNECTIONS * CONNECTIONS * ctx.runs();
            String cost = String.format(Locale.ROOT, "CPU ms per event (intake, fan-out, delivery): notification-service %.2f, "
                            + "every PostgreSQL process on the machine (other sessions' included) %.2f",
                    cpu.get("notification-service") * 1000 / delivered, cpu.get("postgresql") * 1000 / delivered);
            String variant = String.format(Locale.ROOT, "%,d certificate events per run, %d hand-over connections, 1 subscription",
                    events / CONNECTIONS * CONNECTIONS, CONNECTIONS);
            String checks = String.format(Locale.ROOT, "every webhook-id arrived exactly once (%,d distinct, 0 duplicates), %d revocations "
                    + "after their issue; %s; %s attempts beyond one per delivery in the runs", sink.distinct(), pairs, log,
                    Double.isNaN(retried) ? "n/a (no metrics)" : String.format(Locale.ROOT, "%.0f", retried));
            return List.of(
                    new Row("Webhook deliveries", "deliveries/s, " + variant, Figure.of(rate, "deliveries/s"), null, null, true, "none set", null,
                            "first event sent to last webhook received; the intake accepted " + Figure.of(handOver, "events/s").render()
                                    + "; " + cost + "; load average before the runs " + String.join(" / ", loads)),
                    new Row("Webhook deliveries", "p99 event sent → webhook received, " + variant, Figure.of(p99, "ms"), null, null, false,
                            "none set", null, "p50 " + Figure.of(p50, "ms").render() + "; " + checks));
        } finally {
            connections.shutdownNow();
        }
    }

    /** The admin registers an institution and its regional system, which subscribes the sink to certificate events. */
    private static Subscriber subscribe(BenchContext ctx, WebhookSink sink) throws Exception {
        String admin = ctx.adminToken();
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
        JsonNode institution = call(ctx, "POST", "/api/v1/institutions", admin, Map.of("code", "WH" + tag,
                "name", "Diskominfo (uji webhook " + tag + ")", "emailDomains", List.of("diskominfo-" + tag.toLowerCase(Locale.ROOT)
                        + ".kapuaskab.go.id"), "active", true), 201);
        String institutionId = institution.path("id").asText();
        JsonNode client = call(ctx, "POST", "/api/v1/integrations/clients", admin, Map.of("name", "e-Office (uji webhook " + tag + ")",
                "ownerContact", "eoffice@kapuaskab.go.id", "institutionIds", List.of(institutionId), "scopes", List.of("events:subscribe")), 201);
        String clientId = client.path("client").path("id").asText();
        String secret = client.path("clientSecret").asText();
        JsonNode subscribed = call(ctx, "POST", "/api/v1/integrations/webhooks", clientToken(ctx, clientId, secret), Map.of("url", sink.url(),
                "eventTypes", List.of("certificate.issued", "certificate.revoked"), "description", "bench: webhook deliveries",
                "contactEmail", "eoffice@kapuaskab.go.id", "language", "id"), 201);
        return new Subscriber(clientId, secret, subscribed.path("subscription").path("id").asText(), institutionId);
    }

    /**
     * {@value #CONNECTIONS} connections hand over {@code perConnection} events each, or as many as they can until {@code limit}
     * has passed, each its next when the intake has answered.
     */
    private static Batch handOver(BenchContext ctx, ExecutorService connections, String institution, int perConnection, Duration limit)
            throws Exception {
        String token = ctx.serviceToken("certificate-service");
        Batch batch = new Batch();
        long until = System.nanoTime() + limit.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            running.add(connections.submit(() -> {
                List<Cert> certs = new ArrayList<>();
                for (int k = 0; k < perConnection && System.nanoTime() - until < 0; k++) {
                    boolean revoke = k % 4 == 3;
                    String id = UUID.randomUUID().toString();
                    Cert cert = revoke ? certs.get(k - 3) : newCert(id);
                    certs.add(cert);
                    String body = ctx.json().writeValueAsString(event(id, revoke, cert, institution));
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ctx.ports().notification() + INTAKE))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    batch.sent.put(id, System.nanoTime());
                    HttpResponse<String> answer = ctx.send(request);
                    long accepted = System.nanoTime();
                    if (answer.statusCode() != 202) {
                        throw new IllegalStateException("POST " + INTAKE + " → " + answer.statusCode() + " " + answer.body());
                    }
                    JsonNode a = ctx.json().readTree(answer.body());
                    if (a.path("duplicate").asBoolean() || a.path("deliveries").asInt() != 1) {
                        throw new IllegalStateException("event " + id + " was accepted as " + answer.body() + ", not as one new delivery");
                    }
                    batch.lastAccepted.accumulateAndGet(accepted, Math::max);
                    if (revoke) {
                        batch.pairs.add(new String[] {cert.issueEvent(), id});
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        return batch;
    }

    /** Waits until every event of the batch has arrived at the sink. */
    private static void await(WebhookSink sink, Batch batch) throws InterruptedException {
        Set<String> missing = new HashSet<>(batch.sent.keySet());
        long deadline = batch.lastAccepted.get() + PATIENCE.toNanos();
        while (true) {
            missing.removeIf(id -> sink.arrival(id) != null);
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(missing.size() + " of " + batch.sent.size() + " events had no webhook " + PATIENCE.toSeconds()
                        + " s after the last was handed over");
            }
            Thread.sleep(20);
        }
    }

    /** A second after the last arrival: nothing came twice, and nothing came that was not sent. */
    private static void settle(WebhookSink sink, long sent) throws InterruptedException {
        Thread.sleep(1_000);
        if (sink.duplicates() > 0 || sink.unsigned() > 0 || sink.distinct() != sent) {
            throw new IllegalStateException("not exactly once: " + sink.distinct() + " distinct webhook-ids for " + sent + " events, "
                    + sink.duplicates() + " duplicates, " + sink.unsigned() + " without Standard Webhooks headers");
        }
    }

    private static Measured measure(WebhookSink sink, Batch batch) {
        long first = batch.firstSent();
        long last = Long.MIN_VALUE;
        long[] latency = new long[batch.sent.size()];
        int i = 0;
        for (Map.Entry<String, Long> e : batch.sent.entrySet()) {
            long arrived = sink.arrival(e.getKey());
            last = Math.max(last, arrived);
            latency[i++] = arrived - e.getValue();
        }
        Arrays.sort(latency);
        int pairs = 0;
        for (String[] p : batch.pairs) {
            if (sink.arrival(p[0]) >= sink.arrival(p[1])) {
                throw new IllegalStateException("event " + p[1] + " (a revocation) arrived before " + p[0] + " (its certificate's issue)");
            }
            pairs++;
        }
        int n = latency.length;
        return new Measured(n / ((last - first) / 1e9), n / ((batch.lastAccepted.get() - first) / 1e9),
                latency[percentile(n, 0.50)] / 1e6, latency[percentile(n, 0.99)] / 1e6, pairs);
    }

    private static int percentile(int n, double q) {
        return Math.max(0, (int) Math.ceil(q * n) - 1);
    }

    /** The subscription's delivery log, as its owner reads it: every event DELIVERED, nothing else. */
    private static String deliveryLog(BenchContext ctx, Subscriber s, long events) throws Exception {
        String token = clientToken(ctx, s.clientId(), s.clientSecret());
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String status : List.of("DELIVERED", "PENDING", "RETRYING", "FAILED", "SKIPPED")) {
            totals.put(status, call(ctx, "GET", "/api/v1/integrations/webhooks/" + s.subscriptionId() + "/deliveries?limit=1&status=" + status,
                    token, null, 200).path("total").asLong());
        }
        if (totals.get("DELIVERED") != events || totals.values().stream().mapToLong(Long::longValue).sum() != events) {
            throw new IllegalStateException("the delivery log of " + events + " events says " + totals);
        }
        return String.format(Locale.ROOT, "the delivery log holds all %,d as DELIVERED, nothing pending, retrying, failed or skipped", events);
    }

    /** notification-service's count of webhook attempts with this outcome ({@code /q/metrics}), or NaN. */
    private static double attempts(BenchContext ctx, String outcome) {
        try {
            HttpResponse<String> r = ctx.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ctx.ports().notification() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build());
            if (r.statusCode() != 200) {
                return Double.NaN;
            }
            return r.body().lines().filter(l -> l.startsWith("sertel_webhook_deliveries_total{") && l.contains("outcome=\"" + outcome + "\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static String clientToken(BenchContext ctx, String clientId, String secret) throws Exception {
        return ctx.form(ctx.ports().gateway(), "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).path("access_token").asText();
    }

    private static JsonNode call(BenchContext ctx, String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ctx.ports().gateway() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(ctx.json().writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = ctx.send(request.build());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return ctx.json().readTree(r.body());
    }

    /** A certificate as certificate-service would announce it: a 127-bit serial in hex, two years of validity. */
    private static Cert newCert(String issueEvent) {
        String serial = new BigInteger(127, ThreadLocalRandom.current()).setBit(127).toString(16);
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new Cert(serial, UUID.randomUUID().toString(), from.toString(), from.plus(Duration.ofDays(730)).toString(), issueEvent);
    }

    /** The event certificate-service's outbox carries (certificate-service/README.md, "Certificate events"). */
    private static Map<String, Object> event(String id, boolean revoked, Cert cert, String institution) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serial", cert.serial());
        data.put("status", revoked ? "REVOKED" : "ACTIVE");
        data.put("holderId", cert.holderId());
        data.put("institutionId", institution);
        data.put("notBefore", cert.notBefore());
        data.put("notAfter", cert.notAfter());
        if (revoked) {
            data.put("reason", "keyCompromise");
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", id);
        event.put("type", revoked ? "certificate.revoked" : "certificate.issued");
        event.put("occurredAt", Instant.now().toString());
        event.put("subject", cert.serial());
        event.put("institutionId", institution);
        event.put("data", data);
        return event;
    }
}

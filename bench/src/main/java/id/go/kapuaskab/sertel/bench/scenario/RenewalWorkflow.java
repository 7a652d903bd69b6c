package id.go.kapuaskab.sertel.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.CpuMeter;
import id.go.kapuaskab.sertel.bench.DbActivity;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.JitTime;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import id.go.kapuaskab.sertel.bench.Settling;
import id.go.kapuaskab.sertel.bench.ca.Csrs;
import id.go.kapuaskab.sertel.journey.Rehearsal;
import id.go.kapuaskab.sertel.journey.Session;
import id.go.kapuaskab.sertel.journey.SopJourney;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.HdrHistogram.Recorder;

/**
 * The renewal workflow through the gateway, as its people drive it: 16 applicant/verifier pairs, each its own
 * institution with verifiers A and B, set up by the SOP journey's own code ({@link Rehearsal}). Every pair renews
 * over and over, one renewal after another, with a fresh P-256 key each time: the applicant creates and submits the
 * request, verifier A claims it, reads it and records both step-7 checks, verifier B approves (four-eyes on), and the
 * applicant's page polls until the CA's certificate is there (COMPLETED). The load warms up until it settles by the
 * rule of the other scenarios ({@link Settling}), over every JVM of the stack and for at most 600 s, not 300
 * ({@link BenchContext#stackSettleMax}): six of them compile on the two cores the load runs on; after a fixed six windows
 * of warm-up their rate was still rising into the measured windows (3.2 … 6.2 renewals/s warming, then 6.4–7.5), and
 * after 300 s it still rose (8.5, 8.7, 9.2, 9.5 in its last four windows). Then three back-to-back windows, each a run: completed renewals per second,
 * and p99 of every call in the window (polls included).
 */
public final class RenewalWorkflow implements Scenario {

    static final int PAIRS = 16;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration POLL_EVERY = Duration.ofMillis(200);
    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static final String ITEMS = "{\"items\":[" + String.join(",", List.of("FULL_NAME", "EMAIL", "NIK", "INSTITUTION", "UNIT")
            .stream().map(i -> "{\"item\":\"" + i + "\",\"matches\":true,\"note\":\"sesuai data kepegawaian\"}").toList()) + "]}";

    @Override
    public String key() {
        return "workflow";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        SopJourney.Settings settings = new SopJourney.Settings(URI.create("http://127.0.0.1:" + ctx.ports().gateway()),
                URI.create("http://127.0.0.1:" + ctx.ports().inbox()), "admin@kapuaskab.go.id", "sertel-demo",
                ctx.work().resolve("workflow"), Duration.ofSeconds(60), Duration.ofSeconds(60));
        BenchContext.log("setting up " + PAIRS + " institutions, each with verifiers A and B and an applicant holding a certificate");
        List<Rehearsal.Prepared> casts = Rehearsal.prepare(settings, PAIRS, 4);
        int windows = ctx.runs();
        List<ConcurrentLinkedQueue<String>> pools = new ArrayList<>();
        for (Rehearsal.Prepared cast : casts) {            // each applicant's CSRs name their own e-mail, made before the clock runs
            pools.add(new ConcurrentLinkedQueue<>(Csrs.make((ctx.quick() ? 800 : 8_000) / PAIRS, cast.cast().data().applicant().email())));
        }
        Windows all = new Windows(ctx.measure().toNanos(), windows);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pairs = Executors.newFixedThreadPool(PAIRS);
        Map<String, Double> cpu;
        Map<String, Double> jit;
        Map<String, DbActivity.Counters> db;
        List<String> warmup;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < casts.size(); i++) {
                Rehearsal.Prepared cast = casts.get(i);
                ConcurrentLinkedQueue<String> pool = pools.get(i);
                running.add(pairs.submit(() -> {
                    new Pair(http, ctx.ports().gateway(), cast, pool, all).renewUntilTheEnd();
                    return null;
                }));
            }
            List<Double> warming = warmUp(ctx, all);
            Map<String, Double> cpuBefore = CpuMeter.snapshot(ctx.servicePids());
            Map<String, Double> jitBefore = CpuMeter.compilers(ctx.servicePids());
            Map<String, DbActivity.Counters> dbBefore = DbActivity.snapshot(ctx.stack().database());
            sleepUntil(all.end());
            cpu = CpuMeter.between(cpuBefore, CpuMeter.snapshot(ctx.servicePids()));
            jit = CpuMeter.between(jitBefore, CpuMeter.compilers(ctx.servicePids()));
            db = DbActivity.between(dbBefore, DbActivity.snapshot(ctx.stack().database()));
            for (Future<?> f : running) {
                f.get();
            }
            warmup = warming.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList();
        } finally {
            pairs.shutdownNow();
        }
        List<Double> perSecond = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> renewalP50 = new ArrayList<>();
        double seconds = ctx.measure().toNanos() / 1e9;
        for (int w = 0; w < windows; w++) {
            var calls = all.calls[w].getIntervalHistogram();
            var renewals = all.renewals[w].getIntervalHistogram();
            long completed = all.completed[w].sum();
            BenchContext.log(String.format("workflow run %d: %d renewals completed (%.1f/s), %d calls, call p50 %.1f ms p99 %.1f ms,"
                            + " renewal p50 %.0f ms", w + 1, completed, completed / seconds, calls.getTotalCount(),
                    calls.getValueAtPercentile(50) / 1e6, calls.getValueAtPercentile(99) / 1e6, renewals.getValueAtPercentile(50) / 1e6));
            perSecond.add(completed / seconds);
            p99.add(calls.getValueAtPercentile(99) / 1e6);
            renewalP50.add(renewals.getValueAtPercentile(50) / 1e6);
        }
        BenchContext.log("workflow warm-up windows (renewals/s): " + String.join(", ", warmup));
        all.steps.forEach((step, recorder) -> {
            var h = recorder.getIntervalHistogram();
            BenchContext.log(String.format("workflow step %-14s %6d calls, p50 %.1f ms, p99 %.1f ms", step, h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6));
        });
        long completedAll = Arrays.stream(all.completed).mapToLong(LongAdder::sum).sum();
        double windowSeconds = seconds * windows;
        String cpuPerRenewal = cpu.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue() * 1000 / Math.max(1, completedAll)))
                .collect(Collectors.joining(", "));
        String jitPerRenewal = jit.entrySet().stream().filter(e -> e.getValue() * 1000 / Math.max(1, completedAll) >= 0.5)
                .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue() * 1000 / Math.max(1, completedAll)))
                .collect(Collectors.joining(", "));
        double busy = cpu.values().stream().mapToDouble(Double::doubleValue).sum() / windowSeconds;
        double compiling = jit.values().stream().mapToDouble(Double::doubleValue).sum() / windowSeconds;
        String cpuNote = String.format(Locale.ROOT, "CPU ms per completed renewal: %s; of which the services' JIT compiler threads,"
                        + " still compiling: %s; the machine's %d cores were %.0f%% busy, %.0f%% of it compiling; per completed renewal,"
                        + " each database (pg_stat_database): %s",
                cpuPerRenewal, jitPerRenewal.isEmpty() ? "none" : jitPerRenewal, Runtime.getRuntime().availableProcessors(),
                100 * busy / Runtime.getRuntime().availableProcessors(), 100 * compiling / Math.max(1e-9, busy),
                DbActivity.perUnit(db, completedAll));
        BenchContext.log("workflow " + cpuNote);
        Figure rate = Figure.of(perSecond, "renewals/s");
        Figure callP99 = Figure.of(p99, "ms");
        String how = PAIRS + " pairs; per renewal 7 calls + polls every " + POLL_EVERY.toMillis() + " ms until COMPLETED; one renewal takes "
                + Figure.of(renewalP50, "ms").render() + " (p50) from create to COMPLETED; warmed up until settled, every JVM of the stack"
                + " watched (" + warmup.size() + " windows of " + ctx.measure().toSeconds() + " s: " + String.join(", ", warmup)
                + " renewals/s; " + Settling.rule(ctx.settleMin(), ctx.stackSettleMax()) + ")";
        return List.of(
                new Row("Renewal workflow via gateway", "completed renewals, " + PAIRS + " pairs", rate, null, null, true,
                        "≥ 50 completed/s", rate.median() >= 50, how),
                new Row("Renewal workflow via gateway", "p99 per call, " + PAIRS + " pairs", callP99, null, null, false,
                        "p99 ≤ 100 ms", callP99.median() <= 100, cpuNote));
    }

    /**
     * Lets the pairs renew until {@link Settling} says every JVM of the stack has settled, then opens the measured
     * windows; answers the warm-up windows' rates.
     */
    private static List<Double> warmUp(BenchContext ctx, Windows all) throws InterruptedException {
        Map<String, JitTime> jits = new LinkedHashMap<>();
        ctx.servicePids().forEach((name, pid) -> jits.put(name, JitTime.of(pid)));
        Settling settling = new Settling(ctx.measure(), ctx.settleMin(), ctx.stackSettleMax(), jits);
        long from = System.nanoTime();
        while (!settling.settled()) {
            sleepUntil(from + all.length);
            long now = System.nanoTime();
            settling.window(all.warming.sumThenReset() / ((now - from) / 1e9));
            from = now;
        }
        settling.log();
        all.begin(System.nanoTime());
        return settling.rates();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /**
     * The measured windows, back to back from {@link #begin} on; a figure lands in the window its call ended in. Before
     * that the load warms up, and only its completed renewals are counted.
     */
    private static final class Windows {
        volatile long start = Long.MAX_VALUE;
        final long length;
        final LongAdder warming = new LongAdder();
        final Recorder[] calls;
        final Recorder[] renewals;
        final LongAdder[] completed;
        /** Every call of the measured windows by step, to tell where the time goes. */
        final Map<String, Recorder> steps = new ConcurrentHashMap<>();

        Windows(long length, int count) {
            this.length = length;
            this.calls = new Recorder[count];
            this.renewals = new Recorder[count];
            this.completed = new LongAdder[count];
            for (int i = 0; i < count; i++) {
                calls[i] = new Recorder(3);
                renewals[i] = new Recorder(3);
                completed[i] = new LongAdder();
            }
        }

        void begin(long at) {
            start = at;
        }

        /** Where the measured windows end; far ahead while the load warms up. */
        long end() {
            long from = start;
            return from == Long.MAX_VALUE ? Long.MAX_VALUE : from + length * calls.length;
        }

        /** The window {@code at} falls in, or -1 before the start (the warm-up) and after the end. */
        int of(long at) {
            long from = start;
            if (at < from) {
                return -1;
            }
            long w = (at - from) / length;
            return w < calls.length ? (int) w : -1;
        }
    }

    /** One applicant with verifiers A and B, renewing one certificate after the other on one thread. */
    private static final class Pair {
        private final HttpClient http;
        private final String base;
        private final Session applicant;
        private final Session verifierA;
        private final Session verifierB;
        private final String email;
        private final ConcurrentLinkedQueue<String> csrs;
        private final Windows windows;

        /** With a pool of CSRs naming this applicant's e-mail. */
        Pair(HttpClient http, int gateway, Rehearsal.Prepared cast, ConcurrentLinkedQueue<String> csrs, Windows windows) {
            this.http = http;
            this.base = "http://127.0.0.1:" + gateway;
            this.applicant = cast.applicant();
            this.verifierA = cast.cast().verifierA().session();
            this.verifierB = cast.cast().verifierB().session();
            this.email = cast.cast().data().applicant().email();
            this.csrs = csrs;
            this.windows = windows;
        }

        /** Renews until the measured windows are over (they open once the warm-up has settled). */
        void renewUntilTheEnd() throws Exception {
            while (System.nanoTime() < windows.end()) {
                long started = System.nanoTime();
                String csr = csrs.poll();
                if (csr == null) {
                    csr = Csrs.make(1, email).get(0);
                }
                String id = call(applicant, "POST", "/api/v1/requests",
                        "{\"type\":\"RENEWAL\",\"csr\":" + json(csr) + "}", 201).path("id").asText();
                String path = "/api/v1/requests/" + id;
                call(applicant, "POST", path + "/submit", null, 200);
                call(verifierA, "POST", path + "/claim", null, 200);
                call(verifierA, "GET", path, null, 200);
                call(verifierA, "POST", path + "/checks", ITEMS, 200);
                String when = OffsetDateTime.now(WIB).minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
                call(verifierA, "POST", path + "/checks", "{\"contact\":{\"contactPerson\":\"Kepala Subbagian Umum\",\"channel\":\"PHONE\","
                        + "\"contactedAt\":\"" + when + "\",\"outcome\":\"CONFIRMED\",\"note\":\"membenarkan data pemohon\"}}", 200);
                call(verifierB, "POST", path + "/approve", null, 200);
                while (true) {
                    String state = call(applicant, "GET", path, null, 200).path("request").path("state").asText();
                    if (state.equals("COMPLETED")) {
                        break;
                    }
                    if (!state.equals("ISSUING") && !state.equals("APPROVED")) {
                        throw new IllegalStateException("renewal " + id + " ended " + state);
                    }
                    Thread.sleep(POLL_EVERY.toMillis());
                }
                long now = System.nanoTime();
                int w = windows.of(now);
                if (w >= 0) {
                    windows.completed[w].increment();
                    windows.renewals[w].recordValue(now - started);
                } else if (now < windows.start) {
                    windows.warming.increment();
                }
            }
        }

        private JsonNode call(Session who, String method, String path, String body, int expected) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + who.accessToken()).header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
            }
            int w = windows.of(now);
            if (w >= 0 && windows.of(sent) == w) {
                windows.calls[w].recordValue(now - sent);
                windows.steps.computeIfAbsent(step(method, path), k -> new Recorder(3)).recordValue(now - sent);
            }
            return MAPPER.readTree(response.body());
        }

        /** {@code POST /api/v1/requests/{id}/claim} → "POST claim". */
        private static String step(String method, String path) {
            String[] parts = path.split("/");
            return method + " " + (parts.length > 5 ? parts[5] : parts.length > 4 ? "request" : "requests");
        }

        private static String json(String text) throws Exception {
            return MAPPER.writeValueAsString(text);
        }
    }
}

package id.go.kapuaskab.sertel.bench.scenario;

import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.JitTime;
import id.go.kapuaskab.sertel.bench.LoadGenerator;
import id.go.kapuaskab.sertel.bench.LoadResult;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import id.go.kapuaskab.sertel.bench.ca.CaInstance;
import id.go.kapuaskab.sertel.bench.ca.Csrs;
import id.go.kapuaskab.sertel.bench.Machine;
import id.go.kapuaskab.sertel.bench.WindowCpu;
import id.go.kapuaskab.sertel.bench.peer.Cfssl;
import id.go.kapuaskab.sertel.bench.peer.StepCa;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Issuing from a CSR over HTTP, stored: certificate-service's {@code POST /internal/certificates} (the whole signing
 * path: token check, CSR checks, intent, signature, storage with fsync, audit) against cfssl's sign endpoint with a
 * CA of the same key type, the same CSRs and the same number of connections. Once with a P-256 and once with an
 * RSA-3072 issuing CA.
 */
public final class Issuance implements Scenario {

    static final int CONNECTIONS = 16;
    private static final String SUBJECT = """
            "subject":{"commonName":"Bench Holder","email":"bench.holder@kapuaskab.go.id","nik":"6203011208900003",\
            "institutionId":"3f6c1f0e-8b7a-4d2e-9c1b-2a3b4c5d6e7f","organization":"Dinas Kominfo Kabupaten Kapuas",\
            "organizationalUnit":"Bidang Persandian"}""";

    @Override
    public String key() {
        return "issuance";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        // our CA refuses a key it certified before: a CA instance takes its warm-up (≤ 300 s) and three runs (≤ 46 s) of
        // keys, 300,000 last up to about 860 certs/s (a wrapped pool would show as 422 errors); cfssl, which does not
        // check, goes round the pool
        int pool = ctx.quick() ? 8_000 : 300_000;
        BenchContext.log("preparing " + pool + " CSRs of fresh P-256 keys");
        List<String> csrs = Csrs.make(pool);
        List<Row> rows = new ArrayList<>();
        for (String keyType : List.of("EC_P256", "RSA_3072")) {
            List<Double> ours = new ArrayList<>();
            List<Double> oursP99 = new ArrayList<>();
            List<Double> oursCpu = new ArrayList<>();
            List<Double> oursDbCpu = new ArrayList<>();
            List<String> loads = new ArrayList<>();
            List<String> settled = new ArrayList<>();
            try (CaInstance ca = CaInstance.start(ctx, keyType)) {
                AtomicInteger next = new AtomicInteger();
                java.util.function.Supplier<String> token = ctx.serviceTokens("renewal-service");   // renewed: the warm-up outlasts one
                LoadGenerator.Calls issue = seq -> new LoadGenerator.Call(HttpMethod.POST, ca.port(), "/internal/certificates",
                        Map.of("Authorization", "Bearer " + token.get(), "Content-Type", "application/json"),
                        Buffer.buffer(issueBody(csrs.get(next.getAndIncrement() % csrs.size()))));
                List<Double> warmup = ctx.load().settle(CONNECTIONS, ctx.settleWindow(), ctx.settleMin(), ctx.settleMax(), issue, s -> s == 201,
                        JitTime.of(ca.pid()));
                BenchContext.log("issuance ours " + keyType + " warm-up windows (certs/s): " + warmup);
                settled.add(warmup.size() + " windows of " + ctx.settleWindow().toSeconds() + " s");
                for (int run = 0; run < ctx.runs(); run++) {
                    loads.add(Machine.loadAverage());
                    WindowCpu cpu = WindowCpu.around(Map.of("certificate-service", ca.pid()), ctx.warmup(run), ctx.measure());
                    LoadResult r = ctx.load().run(CONNECTIONS, ctx.warmup(run), ctx.measure(), issue, s -> s == 201);
                    Map<String, Double> perCert = cpu.msPerCall(r.calls());
                    BenchContext.log("issuance ours " + keyType + " run " + (run + 1) + ": " + r.describe() + "; CPU ms per cert "
                            + perCert + "; load before " + loads.get(run));
                    ours.add(r.perSecond());
                    oursP99.add(r.p99Millis());
                    oursCpu.add(perCert.get("certificate-service"));
                    oursDbCpu.add(perCert.get("postgresql"));
                }
            }
            List<Double> peer = new ArrayList<>();
            String peerName = "cfssl serve sign endpoint";
            if (Cfssl.available()) {
                try (Cfssl cfssl = Cfssl.start(ctx.work().resolve("cfssl-" + keyType), keyType)) {
                    AtomicInteger next = new AtomicInteger();
                    IntFunction<String> body = i -> "{\"certificate_request\":" + quote(csrs.get(i % csrs.size())) + "}";
                    for (int run = 0; run < ctx.runs(); run++) {
                        LoadResult r = ctx.load().run(CONNECTIONS, ctx.warmup(run), ctx.measure(),
                                seq -> new LoadGenerator.Call(HttpMethod.POST, cfssl.port(), "/api/v1/cfssl/sign",
                                        Map.of("Content-Type", "application/json"), Buffer.buffer(body.apply(next.getAndIncrement()))),
                                s -> s == 200);
                        BenchContext.log("issuance cfssl " + keyType + " run " + (run + 1) + ": " + r.describe());
                        peer.add(r.perSecond());
                    }
                }
            } else {
                peerName = "cfssl (not installed: apt-get install golang-cfssl)";
            }
            Figure oursFigure = Figure.of(ours, "certs/s");
            String oursCost = "ours warmed up until settled (" + String.join(", ", settled) + ", " + ctx.settleRule()
                    + "), then measured; ours CPU per certificate: certificate-service " + Figure.of(oursCpu, "ms").render() + ", every PostgreSQL process on the machine (other sessions' included) "
                    + Figure.of(oursDbCpu, "ms").render() + "; load average before the runs " + String.join(" / ", loads);
            Figure peerFigure = peer.isEmpty() ? null : Figure.of(peer, "certs/s");
            boolean p256 = keyType.equals("EC_P256");
            boolean met = (peerFigure == null || oursFigure.median() >= 1.5 * peerFigure.median())
                    && (!p256 || oursFigure.median() >= 1000);
            rows.add(new Row("Issue from CSR over HTTP, stored", (p256 ? "P-256" : "RSA-3072") + " issuing CA, " + CONNECTIONS + " connections",
                    oursFigure, peerName, peerFigure, true, p256 ? "≥ 1.5× cfssl; ≥ 1,000 certs/s" : "≥ 1.5× cfssl", met,
                    "ours p99 " + Figure.of(oursP99, "ms").render() + "; ours stores each certificate with fsync (its intent, the "
                            + "certificate and an audit row), cfssl keeps nothing; " + oursCost));
            if (p256) {
                for (StepCa.Store store : StepCa.Store.values()) {
                    rows.add(stepCaRow(ctx, store, oursFigure, oursCost));
                }
            }
        }
        return rows;
    }

    /**
     * Ours beside step-ca, which stores each certificate and each accepted one-time token durably too: P-256, the same
     * number of connections, its own Go load generator over HTTPS (ours is plain HTTP behind the gateway's TLS).
     */
    private static Row stepCaRow(BenchContext ctx, StepCa.Store store, Figure ours, String oursCost) {
        String variant = "P-256 issuing CA, " + CONNECTIONS + " connections, vs step-ca on " + (store == StepCa.Store.BADGER ? "badger" : "PostgreSQL");
        boolean postgres = store == StepCa.Store.POSTGRESQL;
        String target = postgres ? "≥ 1.0× step-ca on PostgreSQL" : "(reported: what stands between us and step-ca on badger)";
        if (!StepCa.available(ctx.project())) {
            return new Row("Issue from CSR over HTTP, stored", variant, ours, store.label + " (peer scripts not found: "
                    + StepCa.peerDir(ctx.project()) + ")", null, true, target, postgres ? false : null, oursCost);
        }
        try {
            StepCa peer = StepCa.prepare(ctx.project(), ctx.work().resolve(store == StepCa.Store.BADGER ? "stepca-badger" : "stepca-pg"), store);
            List<Double> rate = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> dbCpu = new ArrayList<>();
            List<String> loads = new ArrayList<>();
            for (int run = 0; run < ctx.runs(); run++) {
                StepCa.Run r = peer.load(CONNECTIONS, ctx.warmup().toSeconds(), ctx.measure().toSeconds());
                BenchContext.log("issuance step-ca " + store + " run " + (run + 1) + ": " + r.certsPerSecond() + "/s, p50 " + r.p50Millis()
                        + " ms, p99 " + r.p99Millis() + " ms, " + r.errors() + " errors; " + r.cpuLine() + "; load before " + r.loadBefore());
                if (r.errors() > 0) {
                    throw new IllegalStateException("step-ca answered " + r.errors() + " errors");
                }
                rate.add(r.certsPerSecond());
                p99.add(r.p99Millis());
                cpu.add(r.serverCpuMsPerCert());
                dbCpu.add(r.dbCpuMsPerCert());
                loads.add(r.loadBefore());
            }
            Figure peerFigure = Figure.of(rate, "certs/s");
            String peerCost = "step-ca CPU per certificate " + Figure.of(cpu, "ms").render()
                    + (postgres ? ", its PostgreSQL " + Figure.of(dbCpu, "ms").render() : "")
                    + "; step-ca p99 " + Figure.of(p99, "ms").render() + "; load average before its runs " + String.join(" / ", loads);
            return new Row("Issue from CSR over HTTP, stored", variant, ours, store.label, peerFigure, true, target,
                    postgres ? ours.median() >= peerFigure.median() : null, oursCost + "; " + peerCost
                    + "; step-ca's own checks after each run (stored count = 201s, replayed token refused, openssl verify) passed");
        } catch (Exception e) {
            BenchContext.log("step-ca " + store + " failed: " + e);
            return new Row("Issue from CSR over HTTP, stored", variant, ours, store.label + " (failed: " + e.getMessage() + ")", null, true,
                    target, postgres ? false : null, oursCost);
        }
    }

    private static String issueBody(String csr) {
        return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"holderId\":\"" + UUID.randomUUID()
                + "\",\"profile\":\"document-signing\"," + SUBJECT + ",\"csr\":" + quote(csr) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }
}

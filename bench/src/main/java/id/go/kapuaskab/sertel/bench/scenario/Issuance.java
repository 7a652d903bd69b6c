package id.go.kapuaskab.sertel.bench.scenario;

import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.LoadGenerator;
import id.go.kapuaskab.sertel.bench.LoadResult;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import id.go.kapuaskab.sertel.bench.ca.CaInstance;
import id.go.kapuaskab.sertel.bench.ca.Csrs;
import id.go.kapuaskab.sertel.bench.peer.Cfssl;
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
        // our CA refuses a key it certified before: a CA instance takes at most ~10,000 in its four windows here; cfssl,
        // which does not check, goes round the pool
        int pool = ctx.quick() ? 8_000 : 16_000;
        BenchContext.log("preparing " + pool + " CSRs of fresh P-256 keys");
        List<String> csrs = Csrs.make(pool);
        List<Row> rows = new ArrayList<>();
        for (String keyType : List.of("EC_P256", "RSA_3072")) {
            List<Double> ours = new ArrayList<>();
            List<Double> oursP99 = new ArrayList<>();
            try (CaInstance ca = CaInstance.start(ctx, keyType)) {
                AtomicInteger next = new AtomicInteger();
                for (int run = 0; run < ctx.runs(); run++) {
                    Map<String, String> headers = Map.of("Authorization", "Bearer " + ctx.serviceToken("renewal-service"),
                            "Content-Type", "application/json");
                    LoadResult r = ctx.load().run(CONNECTIONS, ctx.warmup(run), ctx.measure(),
                            seq -> new LoadGenerator.Call(HttpMethod.POST, ca.port(), "/internal/certificates", headers,
                                    Buffer.buffer(issueBody(csrs.get(next.getAndIncrement() % csrs.size())))),
                            s -> s == 201);
                    BenchContext.log("issuance ours " + keyType + " run " + (run + 1) + ": " + r.describe());
                    ours.add(r.perSecond());
                    oursP99.add(r.p99Millis());
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
            Figure peerFigure = peer.isEmpty() ? null : Figure.of(peer, "certs/s");
            boolean p256 = keyType.equals("EC_P256");
            boolean met = (peerFigure == null || oursFigure.median() >= 1.5 * peerFigure.median())
                    && (!p256 || oursFigure.median() >= 1000);
            rows.add(new Row("Issue from CSR over HTTP, stored", (p256 ? "P-256" : "RSA-3072") + " issuing CA, " + CONNECTIONS + " connections",
                    oursFigure, peerName, peerFigure, true, p256 ? "≥ 1.5× cfssl; ≥ 1,000 certs/s" : "≥ 1.5× cfssl", met,
                    "ours p99 " + Figure.of(oursP99, "ms").render() + "; ours stores each certificate with fsync (two transactions and "
                            + "an audit trail), cfssl keeps nothing"));
        }
        return rows;
    }

    private static String issueBody(String csr) {
        return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"holderId\":\"" + UUID.randomUUID()
                + "\",\"profile\":\"document-signing\"," + SUBJECT + ",\"csr\":" + quote(csr) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }
}

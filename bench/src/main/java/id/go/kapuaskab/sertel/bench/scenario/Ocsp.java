package id.go.kapuaskab.sertel.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.JitTime;
import id.go.kapuaskab.sertel.bench.LoadGenerator;
import id.go.kapuaskab.sertel.bench.LoadResult;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import id.go.kapuaskab.sertel.bench.ca.CaInstance;
import id.go.kapuaskab.sertel.bench.ca.Csrs;
import id.go.kapuaskab.sertel.bench.peer.OpensslOcsp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * OCSP answers: our responder ({@code POST /pki/ocsp} of certificate-service) against OpenSSL's responder
 * ({@code openssl ocsp -index}) for the same issuing CA and the same certificates, a third of them revoked, at 16 and
 * 64 connections. Before measuring, both must say "revoked" for a revoked serial and "good" for a valid one.
 */
public final class Ocsp implements Scenario {

    private static final String OCSP_REQUEST = "application/ocsp-request";

    @Override
    public String key() {
        return "ocsp";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        int count = ctx.quick() ? 150 : 900;
        List<Row> rows = new ArrayList<>();
        try (CaInstance ca = CaInstance.start(ctx, "EC_P256")) {
            List<OpensslOcsp.Entry> entries = issueAndRevoke(ctx, ca, count);
            X509Certificate issuer = ca.issuingCertificate();
            List<byte[]> requests = requests(issuer, entries);
            try (OpensslOcsp peer = OpensslOcsp.start(ctx.work().resolve("openssl-ocsp"), issuer, ca.issuingKey(), entries)) {
                BigInteger revoked = entries.stream().filter(e -> e.revokedAt() != null).findFirst().orElseThrow().serial();
                BigInteger good = entries.stream().filter(e -> e.revokedAt() == null).findFirst().orElseThrow().serial();
                for (int port : new int[]{ca.port(), peer.port()}) {
                    String path = port == ca.port() ? "/pki/ocsp" : "/";
                    check(port, path, issuer, revoked, true);
                    check(port, path, issuer, good, false);
                }
                List<Double> warmup = ctx.load().settle(16, ctx.settleWindow(), ctx.settleMin(), ctx.settleMax(), calls(ca.port(), "/pki/ocsp", requests),
                        s -> s == 200, JitTime.of(ca.pid()));
                BenchContext.log("ocsp ours warm-up windows at 16 connections (responses/s): " + warmup);
                for (int connections : new int[]{16, 64}) {
                    List<Double> ours = new ArrayList<>();
                    List<Double> oursP99 = new ArrayList<>();
                    List<Double> theirs = new ArrayList<>();
                    for (int run = 0; run < ctx.runs(); run++) {
                        LoadResult o = load(ctx, run, connections, ca.port(), "/pki/ocsp", requests);
                        LoadResult t = load(ctx, run, connections, peer.port(), "/", requests);
                        BenchContext.log("ocsp " + connections + " connections run " + (run + 1) + ": ours " + o.describe() + " | openssl " + t.describe());
                        ours.add(o.perSecond());
                        oursP99.add(o.p99Millis());
                        theirs.add(t.perSecond());
                    }
                    Figure oursFigure = Figure.of(ours, "responses/s");
                    Figure peerFigure = Figure.of(theirs, "responses/s");
                    rows.add(new Row("OCSP responses", connections + " connections, 2/3 good and 1/3 revoked", oursFigure,
                            "openssl ocsp -index (-multi " + Runtime.getRuntime().availableProcessors() + ")", peerFigure, true,
                            "≥ 5× openssl; ≥ 10,000 responses/s",
                            oursFigure.median() >= 5 * peerFigure.median() && oursFigure.median() >= 10_000,
                            "ours p99 " + Figure.of(oursP99, "ms").render() + "; signed responses, straight to certificate-service; ours warmed "
                                    + "up until settled first (" + warmup.size() + " windows of " + ctx.settleWindow().toSeconds()
                                    + " s at 16 connections, " + ctx.settleRule() + ")"));
                }
            }
        }
        return rows;
    }

    private static LoadResult load(BenchContext ctx, int run, int connections, int port, String path, List<byte[]> requests) {
        return ctx.load().run(connections, ctx.warmup(run), ctx.measure(), calls(port, path, requests), s -> s == 200);
    }

    private static LoadGenerator.Calls calls(int port, String path, List<byte[]> requests) {
        Map<String, String> headers = Map.of("Content-Type", OCSP_REQUEST, "Accept", "application/ocsp-response");
        return seq -> new LoadGenerator.Call(HttpMethod.POST, port, path, headers, Buffer.buffer(requests.get((int) (seq % requests.size()))));
    }

    /** Issues certificates through the CA's internal API and revokes every third one, as the renewal service would. */
    private static List<OpensslOcsp.Entry> issueAndRevoke(BenchContext ctx, CaInstance ca, int count) throws Exception {
        BenchContext.log("ocsp: issuing " + count + " certificates and revoking a third");
        List<String> csrs = Csrs.make(count);
        String token = ctx.serviceToken("renewal-service");
        HttpClient http = HttpClient.newHttpClient();
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<OpensslOcsp.Entry>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String csr = csrs.get(i);
                boolean revoke = i % 3 == 2;
                futures.add(pool.submit(() -> {
                    JsonNode issued = ctx.json().readTree(post(http, ca.port(), "/internal/certificates", token,
                            "{\"requestId\":\"" + UUID.randomUUID() + "\",\"holderId\":\"" + UUID.randomUUID()
                                    + "\",\"profile\":\"document-signing\",\"subject\":{\"commonName\":\"Bench Holder\",\"email\":"
                                    + "\"" + Csrs.BENCH_HOLDER + "\",\"institutionId\":\"" + UUID.randomUUID()
                                    + "\",\"organization\":\"Dinas Kominfo Kabupaten Kapuas\"},\"csr\":" + Issuance.quote(csr) + "}", 201));
                    X509Certificate cert = (X509Certificate) x509.generateCertificate(
                            new ByteArrayInputStream(issued.path("certificatePem").asText().getBytes()));
                    Instant revokedAt = null;
                    if (revoke) {
                        post(http, ca.port(), "/internal/certificates/" + issued.path("serial").asText() + "/revocation", token,
                                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"reason\":\"keyCompromise\"}", 200);
                        revokedAt = Instant.now();
                    }
                    return new OpensslOcsp.Entry(cert.getSerialNumber(), cert.getNotAfter().toInstant(), revokedAt,
                            cert.getSubjectX500Principal().getName());
                }));
            }
            List<OpensslOcsp.Entry> entries = new ArrayList<>();
            for (Future<OpensslOcsp.Entry> f : futures) {
                entries.add(f.get());
            }
            return entries;
        } finally {
            pool.shutdown();
        }
    }

    private static String post(HttpClient http, int port, String path, String token, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static List<byte[]> requests(X509Certificate issuer, List<OpensslOcsp.Entry> entries) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        var issuerHolder = new JcaX509CertificateHolder(issuer);
        List<byte[]> requests = new ArrayList<>();
        for (OpensslOcsp.Entry e : entries) {
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuerHolder, e.serial());
            requests.add(new OCSPReqBuilder().addRequest(id).build().getEncoded());
        }
        return requests;
    }

    /** One real request, answered and parsed: the responder must know the status, or the figures mean nothing. */
    private static void check(int port, String path, X509Certificate issuer, BigInteger serial, boolean revoked) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), serial);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", OCSP_REQUEST).POST(HttpRequest.BodyPublishers.ofByteArray(new OCSPReqBuilder().addRequest(id).build()
                        .getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
        OCSPResp resp = new OCSPResp(r.body());
        if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new IllegalStateException("OCSP responder on port " + port + " answered status " + resp.getStatus());
        }
        Object status = ((BasicOCSPResp) resp.getResponseObject()).getResponses()[0].getCertStatus();
        if (revoked != (status instanceof RevokedStatus)) {
            throw new IllegalStateException("OCSP responder on port " + port + " gave the wrong status for serial " + serial.toString(16));
        }
    }
}

package id.go.kapuaskab.sertel.bench.scenario;

import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.LoadGenerator;
import id.go.kapuaskab.sertel.bench.LoadResult;
import id.go.kapuaskab.sertel.bench.Machine;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import id.go.kapuaskab.sertel.bench.WindowCpu;
import id.go.kapuaskab.sertel.bench.peer.DssPades;
import id.go.kapuaskab.sertel.journey.Issued;
import id.go.kapuaskab.sertel.journey.Rehearsal;
import id.go.kapuaskab.sertel.journey.SopJourney;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * PAdES-BASELINE-LT signatures of the same PDFs (about 100 KB and 5 MB), ours beside EU DSS, in one run, 4
 * connections each. Ours: signing-service's {@code POST /api/v1/signatures} with an e-office's token for a holder's
 * kept key, both set up by the SOP journey's own code ({@link Rehearsal#prepareSigner}). DSS: its PAdESService in a JVM
 * of its own ({@link DssPades}) with a P-256 key of the same profile from the same CA, issued through the same workflow
 * from an openssl CSR ({@link Rehearsal#prepare}): signing-service makes its keys itself and takes none from outside,
 * so the two sides cannot share one key. Same TSA, same OCSP responder and CRLs, our root the trust anchor. One
 * signature of each side and size is validated by DSS offline first, so neither side's figure is of a no-op; the
 * verdicts, the revocation data's time against the time-stamp's and the CPU per signature go into the notes.
 */
public final class Pades implements Scenario {

    static final int CONNECTIONS = 4;
    private static final String PEER = "EU DSS 6.3 PAdESService (B-LT), same TSA and OCSP responder";
    private static final String BOUNDARY = "sertel-bench-pades-boundary";
    /**
     * The documents: their label, size, and how many of the harness's windows one measured window spans. A 5 MB
     * signature takes seconds, and the load generator counts only calls that start and end inside a window, so a
     * window of the usual length would hold few of them and undercount the slower side.
     */
    private record Document(String label, int bytes, int windows) {
    }

    private static final List<Document> DOCUMENTS = List.of(new Document("100 KB", 100 * 1024, 1), new Document("5 MB", 5 * 1024 * 1024, 3));

    @Override
    public String key() {
        return "pades";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        Path dir = ctx.work().resolve("pades");
        Files.createDirectories(dir);
        String published = ctx.stack().catalog().gatewayUrl();        // the base of the OCSP and CRL addresses in our certificates
        String ca = "http://127.0.0.1:" + ctx.ports().certificate();
        SopJourney.Settings settings = new SopJourney.Settings(URI.create("http://127.0.0.1:" + ctx.ports().gateway()),
                URI.create("http://127.0.0.1:" + ctx.ports().inbox()), "admin@kapuaskab.go.id", "sertel-demo",
                // the journey directory the other scenarios share: the admin's authenticator is kept there
                ctx.work().resolve("workflow"), Duration.ofSeconds(60), Duration.ofSeconds(60));
        BenchContext.log("setting up a holder with a kept P-256 key and the e-office that signs for them, and a holder with an openssl P-256 key for DSS");
        List<Row> rows = new ArrayList<>();
        try (Rehearsal.Signer ours = Rehearsal.prepareSigner(settings)) {
            Issued theirs = Rehearsal.prepare(settings).first();
            Path chain = dir.resolve("dss-signer-chain.pem");
            Files.writeString(chain, Files.readString(theirs.certificate()) + get(ca + "/pki/ca/chain.pem"));
            String keys = PadesChecks.signers(ours.certificatePem(), Files.readString(theirs.certificate()));
            BenchContext.log("signers: " + keys);
            try (DssPades peer = DssPades.start(ctx.project(), dir, theirs.key(), chain, ca, published)) {
                for (Document document : DOCUMENTS) {
                    byte[] pdf = SamplePdfs.letter(document.bytes(), document.bytes());
                    Files.write(dir.resolve("document-" + document.label().replace(" ", "") + ".pdf"), pdf);
                    rows.addAll(measure(ctx, ours, peer, document, pdf, keys));
                }
            }
        }
        return rows;
    }

    private List<Row> measure(BenchContext ctx, Rehearsal.Signer ours, DssPades peer, Document document, byte[] pdf, String keys)
            throws Exception {
        String size = document.label();
        Duration window = ctx.measure().multipliedBy(document.windows());
        byte[] form = multipart(pdf, ours);
        String contentType = "multipart/form-data; boundary=" + BOUNDARY;
        Path dir = ctx.work().resolve("pades");
        String oursSample = PadesChecks.sample("ours", size, pdf, signOnce(ctx, ours, form, contentType), peer, dir);
        String dssSample = PadesChecks.sample("DSS", size, pdf, peer.sign(pdf), peer, dir);
        Map<String, Long> pids = Map.of("signing-service", ctx.process("signing-service").pid(),
                "certificate-service", ctx.process("certificate-service").pid(), "DSS peer", peer.pid());
        Side oursSide = new Side();
        Side dssSide = new Side();
        IntPredicate ok = s -> s == 200;
        // the e-office's token is asked for per call: its session takes a new one before the last runs out (the settled
        // warm-up and the runs of the 5 MB document outlast one token; the load generator calls this on one thread)
        LoadGenerator.Calls oursCalls = seq -> new LoadGenerator.Call(HttpMethod.POST, ctx.ports().signing(), "/api/v1/signatures",
                Map.of("Authorization", "Bearer " + ours.eoffice().accessToken(), "Content-Type", contentType), Buffer.buffer(form));
        LoadGenerator.Calls dssCalls = seq -> new LoadGenerator.Call(HttpMethod.POST, peer.port(), "/sign",
                Map.of("Content-Type", "application/pdf"), Buffer.buffer(pdf));
        Duration settleWindow = ctx.settleWindow().multipliedBy(document.windows());
        oursSide.settled = ctx.load().settle(CONNECTIONS, settleWindow, ctx.settleMin(), ctx.settleMax(), oursCalls, ok);   // both JVMs: each
        dssSide.settled = ctx.load().settle(CONNECTIONS, settleWindow, ctx.settleMin(), ctx.settleMax(), dssCalls, ok);     // until its rate settles
        BenchContext.log("pades " + size + " warm-up windows of " + settleWindow.toSeconds() + " s (signatures/s): ours "
                + oursSide.settled + ", DSS " + dssSide.settled);
        for (int i = 0; i < ctx.runs(); i++) {                   // interleaved, so both sides meet the same machine
            int run = i;
            oursSide.add(ctx, run, window, pids, "ours " + size, () -> ctx.load().run(CONNECTIONS, ctx.warmup(run), window, oursCalls, ok));
            dssSide.add(ctx, run, window, pids, "DSS " + size, () -> ctx.load().run(CONNECTIONS, ctx.warmup(run), window, dssCalls, ok));
        }
        Figure oursRate = Figure.of(oursSide.rate, "signatures/s");
        Figure dssRate = Figure.of(dssSide.rate, "signatures/s");
        boolean clean = oursSide.errors == 0 && dssSide.errors == 0 && oursSide.empty == 0 && dssSide.empty == 0;
        String variant = size + " PDF (" + String.format(Locale.ROOT, "%,d", pdf.length) + " bytes), " + CONNECTIONS + " connections";
        String how = "ours: signing-service POST /api/v1/signatures straight to the service (multipart: document, passphrase, holderId; "
                + "an e-office's token), which per signature reads the CA's cached OCSP answer about the signer first, opens the kept key "
                + "(Argon2id with the local profile's 19 MiB × 2 passes on its first signature, production's default 64 MiB × 3 costs more; "
                + "then, for 10 minutes, the sealed opened key that the passphrase unseals: signing-service's README), signs with our "
                + "TSA's time-stamp, then embeds OCSP answers for the signer and the TSA (one request to the issuing CA) and for the "
                + "issuing CA (one to the root), no CRL, fetched after the time-stamp (both are dated "
                + "to the whole second by the CA's clock, so ValidationDataCollector's 1 s retry for an answer older than the time-stamp "
                + "does not come into play: see the samples below), and records the signature and an audit row; DSS: POST /sign with "
                + "the PDF as the body, DSS's defaults (OCSP first, a CRL only where OCSP fails; revocation data not newer than the "
                + "time-stamp is logged and signed anyway), its own HttpClient per fetch as DSS ships it; both sides ask the CA directly, "
                + "not through the gateway; both JVMs run with our services' flags (-Xmx192m, Serial GC); each side warmed up until its rate "
                + "settled (windows of " + settleWindow.toSeconds() + " s " + ctx.settleRule() + ": ours " + oursSide.settled.size() + ", DSS " + dssSide.settled.size() + " windows), then windows of " + window.toSeconds()
                + " s, interleaved; " + keys + "; errors ours " + oursSide.errors + ", DSS " + dssSide.errors
                + (oursSide.empty + dssSide.empty == 0 ? "" : "; windows in which no signature completed (a signature took longer than the "
                + window.toSeconds() + " s window): ours " + oursSide.empty + ", DSS " + dssSide.empty);
        String cost = "CPU ms per signature (postgresql: every PostgreSQL process on the machine, other sessions' included), ours: "
                + oursSide.cpu("signing-service", "certificate-service", "postgresql")
                + "; DSS: " + dssSide.cpu("DSS peer", "certificate-service", "postgresql") + "; p50 ours " + Figure.of(oursSide.p50, "ms").render()
                + ", DSS " + Figure.of(dssSide.p50, "ms").render() + "; samples validated by DSS offline (only the PDF's own validation data, "
                + "our root the only anchor): " + oursSample + "; " + dssSample + "; load average before each pair of runs "
                + String.join(" / ", oursSide.loads);
        return List.of(
                new Row("PAdES-BASELINE-LT signature", variant, oursRate, PEER, dssRate, true, "≥ 2× DSS",
                        clean && oursRate.median() >= 2 * dssRate.median(), how),
                new Row("PAdES-BASELINE-LT signature", size + " PDF, p99 latency, " + CONNECTIONS + " connections", Figure.of(oursSide.p99, "ms"), PEER,
                        Figure.of(dssSide.p99, "ms"), false, "(reported)", null, cost));
    }

    /** One side's runs: rate, percentiles, CPU per signature by process, errors, load before each run. */
    private static final class Side {
        final List<Double> rate = new ArrayList<>();
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        final Map<String, List<Double>> cpu = new LinkedHashMap<>();
        final List<String> loads = new ArrayList<>();
        List<Double> settled = List.of();
        long errors;
        int empty;

        void add(BenchContext ctx, int run, Duration window, Map<String, Long> pids, String label, Supplier<LoadResult> load) {
            loads.add(Machine.loadAverage());
            WindowCpu cpuWindow = WindowCpu.around(pids, ctx.warmup(run), window);
            LoadResult r = load.get();
            Map<String, Double> perSignature = cpuWindow.msPerCall(r.calls());
            BenchContext.log("pades " + label + " run " + (run + 1) + ": " + r.describe() + "; CPU ms per signature " + perSignature
                    + "; load before " + loads.get(loads.size() - 1));
            rate.add(r.perSecond());
            p50.add(r.p50Millis());
            p99.add(r.p99Millis());
            errors += r.errors();
            empty += r.calls() == 0 ? 1 : 0;
            perSignature.forEach((name, ms) -> cpu.computeIfAbsent(name, k -> new ArrayList<>()).add(ms));
        }

        String cpu(String... names) {
            List<String> parts = new ArrayList<>();
            for (String name : names) {
                parts.add(name + " " + Figure.of(cpu.get(name), "ms").render());
            }
            return String.join(", ", parts);
        }
    }

    private static byte[] signOnce(BenchContext ctx, Rehearsal.Signer ours, byte[] form, String contentType) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ctx.ports().signing() + "/api/v1/signatures")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + ours.eoffice().accessToken()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("signing-service answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** The sign endpoint's multipart body: the document, the holder's passphrase, the holder (an integration client signs for one). */
    private static byte[] multipart(byte[] pdf, Rehearsal.Signer ours) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"document.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(pdf);
        String tail = "\r\n" + field("passphrase", ours.passphrase()) + field("holderId", ours.holderId().toString()) + "--" + BOUNDARY + "--\r\n";
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String field(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " → " + r.statusCode());
        }
        return r.body();
    }
}

package id.go.kapuaskab.sertel.bench.peer;

import id.go.kapuaskab.sertel.localstack.ServiceCatalog;
import id.go.kapuaskab.sertel.localstack.ServiceProcess;
import id.go.kapuaskab.sertel.localstack.StackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EU DSS 6.3 as the PAdES peer: module {@code bench/pades-peer} (PAdESService at PAdES-BASELINE-LT behind a loopback
 * HTTP endpoint) in a JVM of its own, with the heap and GC flags our services get and the BouncyCastle DSS is built
 * for. It signs with the key and chain it is given, time-stamps with our TSA and fetches OCSP answers and CRLs from
 * certificate-service directly, as signing-service does. Its {@code /validate} is DSS's offline verdict on a signed
 * PDF, which the scenario asks about a sample of each side's output.
 */
public final class DssPades implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ServiceProcess process;
    private final int port;

    private DssPades(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the peer. {@code key}: the signer's PKCS#8 PEM; {@code chain}: the signer's certificate, then the CA chain
     * up to the root; {@code caUrl}: certificate-service; {@code publishedUrl}: the base our certificates' OCSP and
     * CRL addresses name (the gateway), sent to {@code caUrl} instead.
     */
    public static DssPades start(Path project, Path dir, Path key, Path chain, String caUrl, String publishedUrl) {
        int port = StackPorts.freePort();
        List<String> jvm = new ArrayList<>(ServiceCatalog.jvmArgs());
        // the JDK's HttpServer otherwise answers each keep-alive request 40 ms late (Nagle against delayed ACKs)
        jvm.add("-Dsun.net.httpserver.nodelay=true");
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec("dss-pades-peer",
                project.resolve("bench/pades-peer/target/pades-peer.jar"), URI.create("http://127.0.0.1:" + port + "/health"),
                Map.of("PEER_PORT", Integer.toString(port), "PEER_KEY", key.toString(), "PEER_CHAIN", chain.toString(),
                        "PEER_CA_URL", caUrl, "PEER_PUBLISHED_URL", publishedUrl),
                jvm, dir.resolve("dss-pades-peer.log")));
        if (!process.awaitReady(Duration.ofSeconds(90))) {
            process.close();
            throw new IllegalStateException("the DSS peer did not start; see " + dir.resolve("dss-pades-peer.log"));
        }
        return new DssPades(process, port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** One signature, outside any measured window (for the sample checks). */
    public byte[] sign(byte[] pdf) throws IOException, InterruptedException {
        return post("/sign", pdf);
    }

    /** DSS's offline verdict on a signed PDF, as lines ({@code SIGNATURE|format|indication|…}; see DssVerdict). */
    public String validate(byte[] pdf) throws IOException, InterruptedException {
        return new String(post("/validate", pdf), StandardCharsets.UTF_8);
    }

    private byte[] post(String path, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("DSS peer " + path + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    @Override
    public void close() {
        process.close();
    }
}

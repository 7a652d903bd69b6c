package id.go.kapuaskab.sertel.bench.pades;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * EU DSS signing PDFs at PAdES-BASELINE-LT behind a loopback HTTP endpoint, the peer of bench/run's pades scenario,
 * configured through the environment as our services are:
 * <ul>
 *   <li>{@code PEER_PORT}: where to listen (127.0.0.1);</li>
 *   <li>{@code PEER_KEY}: the signer's private key, PKCS#8 PEM (as {@code openssl req -newkey ec -nodes} writes it);</li>
 *   <li>{@code PEER_CHAIN}: PEM certificates, the signer's first, then the issuing CA and the root (the trust anchor);</li>
 *   <li>{@code PEER_CA_URL}: certificate-service itself ({@code /pki/tsa}, {@code /pki/ocsp}, {@code /pki/crl/…});</li>
 *   <li>{@code PEER_PUBLISHED_URL}: the base the certificates' OCSP and CRL addresses name (the gateway), which is
 *       replaced by {@code PEER_CA_URL} so DSS asks the CA directly, as signing-service does.</li>
 * </ul>
 * {@code POST /sign} answers the signed PDF (200) or the error (500); {@code POST /validate} answers DSS's offline verdict on
 * a signed PDF, trusting only the root ({@link DssVerdict}); {@code GET /health} answers 200 once DSS is set up.
 */
public final class PadesPeer {

    private PadesPeer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("PEER_PORT"));
        PrivateKey key = privateKey(Path.of(env("PEER_KEY")));
        List<X509Certificate> chain = certificates(Path.of(env("PEER_CHAIN")));
        String ca = env("PEER_CA_URL");
        DirectLoaders loaders = new DirectLoaders(env("PEER_PUBLISHED_URL"), ca);
        DssSigner signer = new DssSigner(key, chain, ca + "/pki/tsa", loaders);
        X509Certificate root = chain.get(chain.size() - 1);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/health", exchange -> answer(exchange, 200, "text/plain", "UP".getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/sign", exchange -> {
            try {
                byte[] pdf = exchange.getRequestBody().readAllBytes();
                answer(exchange, 200, "application/pdf", signer.sign(pdf));
            } catch (Exception e) {
                e.printStackTrace();
                answer(exchange, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/validate", exchange -> {
            try {
                byte[] pdf = exchange.getRequestBody().readAllBytes();
                answer(exchange, 200, "text/plain", DssVerdict.offline(pdf, root).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                e.printStackTrace();
                answer(exchange, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        System.out.println("DSS PAdES peer listening on 127.0.0.1:" + port + ", signer " + chain.get(0).getSubjectX500Principal());
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String text = Files.readString(pem);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException(pem + " is not an unencrypted PKCS#8 key");
        }
        String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27, text.indexOf("-----END PRIVATE KEY-----"));
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    }

    static List<X509Certificate> certificates(Path pem) throws Exception {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (var c : factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)))) {
            chain.add((X509Certificate) c);
        }
        if (chain.size() < 2) {
            throw new IllegalArgumentException(pem + " must hold the signer's certificate and its chain up to the root");
        }
        return chain;
    }
}

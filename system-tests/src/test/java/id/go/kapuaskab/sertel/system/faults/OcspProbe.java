package id.go.kapuaskab.sertel.system.faults;

import id.go.kapuaskab.sertel.journey.OpenSsl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A relying party asking one OCSP responder about a serial, the way caching clients do (no nonce, so the responder may
 * answer from its cache of signed answers), judged by {@code openssl ocsp} against the CA chain the gateway publishes.
 */
public final class OcspProbe {

    private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

    private final OpenSsl openssl;
    private final Path issuing;
    private final Path root;

    private OcspProbe(OpenSsl openssl, Path issuing, Path root) {
        this.openssl = openssl;
        this.issuing = issuing;
        this.root = root;
    }

    /** Fetches the chain (issuing CA, then root) from {@code /pki/ca/chain.pem} of the gateway. */
    public static OcspProbe of(URI gateway, OpenSsl openssl) {
        String chain;
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve("/pki/ca/chain.pem"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET /pki/ca/chain.pem answered " + r.statusCode());
            }
            chain = r.body();
        } catch (IOException e) {
            throw new AssertionError("GET /pki/ca/chain.pem failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> blocks = PEM.matcher(chain).results().map(java.util.regex.MatchResult::group).toList();
        if (blocks.size() != 2) {
            throw new AssertionError("expected the issuing CA and the root in chain.pem, got " + blocks.size() + " certificates");
        }
        return new OcspProbe(openssl, openssl.write("ocsp-issuing-ca.pem", blocks.get(0) + "\n"),
                openssl.write("ocsp-root-ca.pem", blocks.get(1) + "\n"));
    }

    /**
     * The status ({@code good}, {@code revoked}, …) the responder at {@code base} gives, its signature verified. A try
     * that gets no verified answer (openssl's request timed out on a busy machine) is made again, three tries in all.
     */
    public String status(String base, String serial) {
        String out = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                out = openssl.ocspWithoutNonce(issuing, root, serial, base + "/pki/ocsp");
            } catch (RuntimeException e) {
                out = e.getMessage();
                continue;
            }
            String answer = out;
            if (out.contains("Response verify OK")) {
                return out.lines().filter(l -> l.startsWith("0x" + serial + ": ")).map(l -> l.substring(l.indexOf(": ") + 2).trim())
                        .findFirst().orElseThrow(() -> new AssertionError("no status for " + serial + " from " + base + ":\n" + answer));
            }
        }
        throw new AssertionError("openssl got no verified answer from " + base + " in three tries; the last:\n" + out);
    }
}

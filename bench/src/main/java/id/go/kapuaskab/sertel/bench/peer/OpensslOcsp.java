package id.go.kapuaskab.sertel.bench.peer;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSL's OCSP responder ({@code openssl ocsp -index … -port}) as the peer: the same issuing CA (its key and
 * certificate exported from our keystore), an index of the same certificates with the same statuses, one responder
 * process per core ({@code -multi}), signing with the CA as ours does.
 */
public final class OpensslOcsp implements AutoCloseable {

    /** One certificate as OpenSSL's index knows it. */
    public record Entry(BigInteger serial, Instant notAfter, Instant revokedAt, String subjectDn) {
    }

    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Process process;
    private final int port;

    private OpensslOcsp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static OpensslOcsp start(Path dir, X509Certificate issuer, PrivateKey key, List<Entry> entries) throws Exception {
        Files.createDirectories(dir);
        PeerFiles.writePem(dir.resolve("issuer.pem"), issuer);
        PeerFiles.writePem(dir.resolve("issuer-key.pem"), key);
        StringBuilder index = new StringBuilder();
        for (Entry e : entries) {
            index.append(e.revokedAt() == null ? 'V' : 'R').append('\t')
                    .append(INDEX_TIME.format(e.notAfter())).append('\t')
                    .append(e.revokedAt() == null ? "" : INDEX_TIME.format(e.revokedAt()) + ",keyCompromise").append('\t')
                    .append(e.serial().toString(16).toUpperCase(Locale.ROOT)).append("\tunknown\t")
                    .append("/" + e.subjectDn().replace(",", "/")).append('\n');
        }
        Files.writeString(dir.resolve("index.txt"), index);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("openssl", "ocsp", "-index", dir.resolve("index.txt").toString(), "-port", Integer.toString(port),
                "-rsigner", dir.resolve("issuer.pem").toString(), "-rkey", dir.resolve("issuer-key.pem").toString(),
                "-CA", dir.resolve("issuer.pem").toString(), "-nmin", "60", "-ignore_err",
                "-multi", Integer.toString(Runtime.getRuntime().availableProcessors()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("ocsp.log").toFile()).start();
        PeerFiles.awaitListening(port, p, dir.resolve("ocsp.log"));
        return new OpensslOcsp(p, port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}

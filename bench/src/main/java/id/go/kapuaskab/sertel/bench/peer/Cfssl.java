package id.go.kapuaskab.sertel.bench.peer;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CloudFlare's cfssl ({@code cfssl serve}, Debian package golang-cfssl) as the peer CA: its sign endpoint with a CA of
 * the same key type as ours, signing the same CSRs. It keeps nothing (no database), which favours it; logging is
 * at warning level so it does not write a line per certificate.
 */
public final class Cfssl implements AutoCloseable {

    private final Process process;
    private final int port;

    private Cfssl(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/cfssl"));
    }

    public static Cfssl start(Path dir, String keyType) throws Exception {
        Files.createDirectories(dir);
        makeCa(dir, keyType);
        Files.writeString(dir.resolve("config.json"),
                "{\"signing\":{\"default\":{\"expiry\":\"17520h\",\"usages\":[\"digital signature\",\"content commitment\",\"email protection\"]}}}");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("cfssl", "serve", "-address", "127.0.0.1", "-port", Integer.toString(port),
                "-ca", dir.resolve("ca.pem").toString(), "-ca-key", dir.resolve("ca-key.pem").toString(),
                "-config", dir.resolve("config.json").toString(), "-loglevel", "2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cfssl.log").toFile()).start();
        PeerFiles.awaitListening(port, p, dir.resolve("cfssl.log"));
        return new Cfssl(p, port);
    }

    /** The peer's CA, made by the openssl binary in the key formats cfssl (Go) reads: SEC1 named-curve EC, PKCS#1 RSA. */
    private static void makeCa(Path dir, String keyType) throws Exception {
        String key = dir.resolve("ca-key.pem").toString();
        if (keyType.startsWith("RSA")) {
            run(dir, "openssl", "genrsa", "-traditional", "-out", key, keyType.substring(4));
        } else {
            run(dir, "openssl", "ecparam", "-name", keyType.equals("EC_P384") ? "secp384r1" : "prime256v1", "-genkey", "-noout", "-out", key);
        }
        run(dir, "openssl", "req", "-new", "-x509", "-key", key, "-subj", "/CN=cfssl bench CA " + keyType + "/O=bench", "-days", "3650",
                "-addext", "basicConstraints=critical,CA:true,pathlen:0", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", dir.resolve("ca.pem").toString());
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("make-ca.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(dir.resolve("make-ca.log")));
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}

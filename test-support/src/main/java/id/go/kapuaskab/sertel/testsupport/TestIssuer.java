package id.go.kapuaskab.sertel.testsupport;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The token issuer of every service's tests: one ES256 key per JVM, published as a JWKS over real HTTP so
 * services verify tokens the way they do in production (issuer, audience, expiry, signature from the JWKS).
 * applicant-service signs its own tokens with the same key ({@code sertel.auth.signing-key.path}), so
 * tokens it issues in a test verify everywhere, just as in the running system.
 */
public class TestIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://sertel.test/api/v1/auth";
    public static final String AUDIENCE = "sertel";

    private static KeyPair keyPair;
    private static String keyId;
    private static HttpServer jwksServer;
    private static Path privateKeyFile;

    @Override
    public Map<String, String> start() {
        ensureStarted();
        return Map.of(
                "mp.jwt.verify.publickey.location", jwksUrl(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE,
                "sertel.auth.issuer", ISSUER,
                "sertel.auth.audience", AUDIENCE,
                "sertel.auth.signing-key.path", privateKeyFile.toString(),
                "sertel.auth.signing-key.generate", "false");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM
    }

    public static synchronized void ensureStarted() {
        if (keyPair != null) {
            return;
        }
        try {
            keyPair = newKeyPair();
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(keyPair.getPublic());
            keyId = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
            jwk.setKeyId(keyId);
            jwk.setUse("sig");
            jwk.setAlgorithm("ES256");
            byte[] jwks = ("{\"keys\":[" + jwk.toJson() + "]}").getBytes(StandardCharsets.UTF_8);

            privateKeyFile = Files.createTempFile("sertel-test-signing-", ".pem");
            privateKeyFile.toFile().deleteOnExit();
            Files.writeString(privateKeyFile, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keyPair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");

            jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            jwksServer.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            jwksServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> jwksServer.stop(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String jwksUrl() {
        ensureStarted();
        return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks";
    }

    /** The PEM file of the signing key, for a peer applicant-service a test runs as a process. */
    public static java.nio.file.Path signingKeyFile() {
        ensureStarted();
        return privateKeyFile;
    }

    static KeyPair keyPair() {
        ensureStarted();
        return keyPair;
    }

    static String keyId() {
        ensureStarted();
        return keyId;
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}

package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The ES256 key that signs access tokens, and its public half as a JWKS. The key is a PKCS#8 PEM file
 * (a mounted secret in production, made with {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256});
 * in local mode a missing file is generated once and kept, so tokens survive restarts. The key id is the
 * RFC 7638 thumbprint, so verifiers find the key by {@code kid} and a new key never collides with an old one.
 * To rotate: mount the new key at {@code path} and the old one under {@code previous}; drop it from
 * {@code previous} once the longest access-token lifetime has passed.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final String keyId;
    private final Map<String, Object> jwks;

    SigningKeys(AuthConfig config) {
        Path path = Path.of(config.signingKey().path());
        try {
            if (!Files.exists(path)) {
                if (!config.signingKey().generate()) {
                    throw new IllegalStateException("No token signing key at " + path
                            + ": mount one (sertel.auth.signing-key.path) or enable sertel.auth.signing-key.generate in local mode");
                }
                generate(path);
            }
            this.privateKey = readPkcs8(Files.readString(path, StandardCharsets.US_ASCII));
            PublicJsonWebKey current = jwk(publicOf((ECPrivateKey) privateKey));
            this.keyId = current.getKeyId();
            List<Map<String, Object>> published = new ArrayList<>();
            published.add(current.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            for (String previous : config.signingKey().previous().orElse(List.of())) {
                PublicJsonWebKey old = jwk(readPublic(Path.of(previous)));
                if (!old.getKeyId().equals(keyId)) {
                    published.add(old.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
                }
            }
            this.jwks = Map.of("keys", List.copyOf(published));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read token signing key " + path, e);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Token signing key " + path + " is not a PKCS#8 EC P-256 key", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The JSON Web Key Set with the public key only. */
    public Map<String, Object> jwks() {
        return jwks;
    }

    private static PublicJsonWebKey jwk(PublicKey key) throws JoseException {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setUse("sig");
        jwk.setAlgorithm("ES256");
        return jwk;
    }

    /** A previous key from its PEM: a public key ({@code BEGIN PUBLIC KEY}) or the old PKCS#8 private key. */
    private static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        if (pem.contains("BEGIN PRIVATE KEY")) {
            return publicOf((ECPrivateKey) readPkcs8(pem));
        }
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static void generate(Path path) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), "signing-", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the directory's permissions apply
        }
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("Generated a new token signing key at %s (local mode)", path);
    }

    private static PrivateKey readPkcs8(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static PublicKey publicOf(ECPrivateKey key) throws GeneralSecurityException {
        ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec("secp256r1");
        if (key.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new GeneralSecurityException("Token signing key must be on P-256");
        }
        org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(key.getS()).normalize();
        ECPoint w = new ECPoint(new BigInteger(1, q.getAffineXCoord().getEncoded()), new BigInteger(1, q.getAffineYCoord().getEncoded()));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, key.getParams()));
    }
}

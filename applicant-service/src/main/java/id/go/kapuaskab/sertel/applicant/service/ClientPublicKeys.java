package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The public keys a client may register for {@code private_key_jwt}: EC P-256 (ES256) or RSA ≥ 2048 bits (RS256), PEM. */
final class ClientPublicKeys {

    private static final BigInteger P256_ORDER = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final int MAX_PEM = 8192;

    /** The key's DER, its JWS algorithm, and a thumbprint that serves as {@code kid} when the admin names none. */
    record Parsed(byte[] spki, String algorithm, String thumbprint) {
    }

    private ClientPublicKeys() {
    }

    static Parsed parse(String pem) {
        if (pem == null || pem.length() > MAX_PEM || !pem.contains("-----BEGIN PUBLIC KEY-----")) {
            throw DomainException.invalidField("publicKeyPem", "public-key-invalid", "publicKeyPem");
        }
        byte[] der;
        try {
            String body = pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----") + 26, pem.indexOf("-----END PUBLIC KEY-----"));
            der = Base64.getMimeDecoder().decode(body.strip());
        } catch (RuntimeException e) {
            throw DomainException.invalidField("publicKeyPem", "public-key-invalid", "publicKeyPem");
        }
        return new Parsed(der, algorithmOf(der), thumbprint(der));
    }

    /** The key of a registered DER, for verifying an assertion. */
    static PublicKey key(byte[] spki, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm.equals("ES256") ? "EC" : "RSA").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A registered client key no longer parses", e);
        }
    }

    private static String algorithmOf(byte[] der) {
        for (String type : new String[] {"EC", "RSA"}) {
            try {
                PublicKey k = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
                if (k instanceof ECPublicKey ec && ec.getParams().getOrder().equals(P256_ORDER)) {
                    return "ES256";
                }
                if (k instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048) {
                    return "RS256";
                }
            } catch (GeneralSecurityException e) {
                // not this type
            }
        }
        throw DomainException.invalidField("publicKeyPem", "public-key-not-allowed", "publicKeyPem");
    }

    private static String thumbprint(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package id.go.kapuaskab.sertel.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM blocks of keys, and the key id the trail names keys by: SHA-256 of the public key's SubjectPublicKeyInfo, hex. */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("Ed25519", "EC", "RSA");

    private Pem() {
    }

    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(AuditCodec.sha256().digest(key.getEncoded()));
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The DER of every block of this type in the text, in order. */
    public static List<byte[]> blocks(String text, String type) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                out.add(Base64.getMimeDecoder().decode(m.group(2)));
            }
        }
        return out;
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("Not an Ed25519, EC or RSA PKCS#8 private key");
    }

    public static PublicKey publicKey(byte[] spki) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("Not an Ed25519, EC or RSA public key");
    }

    /** The signature algorithm the trail uses with a key: Ed25519, ECDSA with SHA-256/384 by curve size, or RSA with SHA-256. */
    public static String signatureAlgorithm(PublicKey key) {
        if (key instanceof java.security.interfaces.ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if (key instanceof java.security.interfaces.RSAPublicKey) {
            return "SHA256withRSA";
        }
        if ("EdDSA".equals(key.getAlgorithm()) || "Ed25519".equals(key.getAlgorithm())) {
            return "Ed25519";
        }
        throw new IllegalArgumentException("No signature algorithm for a " + key.getAlgorithm() + " key");
    }
}

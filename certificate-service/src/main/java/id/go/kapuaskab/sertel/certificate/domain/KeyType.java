package id.go.kapuaskab.sertel.certificate.domain;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.math.BigInteger;

/** The key types we know, for CA keys and subject keys alike; profiles and settings say which are allowed where. */
public enum KeyType {
    EC_P256("EC", 256, "secp256r1", "SHA256withECDSA"),
    EC_P384("EC", 384, "secp384r1", "SHA384withECDSA"),
    RSA_2048("RSA", 2048, null, "SHA256withRSA"),
    RSA_3072("RSA", 3072, null, "SHA256withRSA"),
    RSA_4096("RSA", 4096, null, "SHA384withRSA");

    private final String algorithm;
    private final int bits;
    private final String curve;
    private final String signatureAlgorithm;

    KeyType(String algorithm, int bits, String curve, String signatureAlgorithm) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String algorithm() {
        return algorithm;
    }

    public int bits() {
        return bits;
    }

    public boolean isEc() {
        return curve != null;
    }

    /** The signature algorithm a CA key of this type signs with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public AlgorithmParameterSpec parameters() {
        return isEc() ? new ECGenParameterSpec(curve) : new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(65537));
    }

    /** Whether this CA type may be used for a CA (RSA below 3072 may not). */
    public boolean allowedForCa() {
        return this != RSA_2048;
    }

    public KeyPair generate(java.security.Provider provider, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = provider == null ? KeyPairGenerator.getInstance(algorithm) : KeyPairGenerator.getInstance(algorithm, provider);
        generator.initialize(parameters(), random);
        return generator.generateKeyPair();
    }

    /** The RSA type of exactly this modulus size, or the EC type of this curve name; null when we have none. */
    public static KeyType rsa(int modulusBits) {
        for (KeyType t : values()) {
            if (!t.isEc() && t.bits == modulusBits) {
                return t;
            }
        }
        return null;
    }

    public static KeyType ecCurve(String curveName) {
        for (KeyType t : values()) {
            if (t.isEc() && (t.curve.equals(curveName) || ("P-" + t.bits).equals(curveName))) {
                return t;
            }
        }
        return null;
    }
}

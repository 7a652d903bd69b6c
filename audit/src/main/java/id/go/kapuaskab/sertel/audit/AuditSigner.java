package id.go.kapuaskab.sertel.audit;

import java.security.PublicKey;
import java.util.List;

/**
 * The key that signs a service's checkpoints. The default ({@link KeyFileSigner}) reads a PEM key file kept apart from
 * the database; certificate-service provides its own, with a key beside the CA keys (PKCS#12 or the HSM).
 */
public interface AuditSigner {

    /** The JCA signature algorithm: {@code Ed25519}, {@code SHA256withECDSA}, {@code SHA384withECDSA} or {@code SHA256withRSA}. */
    String algorithm();

    PublicKey publicKey();

    /** The signature over these bytes; ECDSA signatures are DER, as {@code openssl dgst -verify} expects. */
    byte[] sign(byte[] data);

    /** What an auditor verifies checkpoints with: the public key in PEM, or the certificate chain when a CA certified it. */
    String publicPem();

    /** Keys that signed earlier checkpoints and are still trusted for them (after a rotation). */
    default List<PublicKey> previousKeys() {
        return List.of();
    }
}

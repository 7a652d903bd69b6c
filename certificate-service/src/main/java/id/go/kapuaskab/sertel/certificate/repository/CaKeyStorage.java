package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.operator.ContentSigner;

/**
 * Where the CA's private keys live. Callers get signers, never key bytes: with PKCS#12 the key is decrypted into
 * memory only inside this process, with PKCS#11 it never leaves the HSM. Two implementations:
 * {@link Pkcs12KeyStorage} (default) and {@link Pkcs11KeyStorage}.
 */
public interface CaKeyStorage {

    /** For logs and the audit trail: {@code PKCS12} or {@code PKCS11}. */
    String kind();

    /** The certificate chain stored under this alias (the CA's own certificate first), if there is one. */
    Optional<X509Certificate[]> chain(String alias);

    /** Generates a key pair where this storage keeps keys (in the HSM for PKCS#11); not yet stored. */
    KeyPair generate(KeyType type);

    /** Stores a private key with its chain under the alias; for PKCS#11 the key becomes a token object. */
    void store(String alias, PrivateKey key, X509Certificate[] chain);

    /** A fresh signer over the key of this alias, or over a just-generated key that is not stored yet. */
    ContentSigner signer(String alias, String signatureAlgorithm);

    ContentSigner signer(PrivateKey key, String signatureAlgorithm);

    /** The certificate chain stored under {@code alias} in a Java key store, if any (what both storages do alike). */
    static Optional<X509Certificate[]> chainOf(KeyStore keyStore, String alias) {
        try {
            java.security.cert.Certificate[] chain = keyStore.getCertificateChain(alias);
            return chain == null ? Optional.empty() : Optional.of(Arrays.copyOf(chain, chain.length, X509Certificate[].class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

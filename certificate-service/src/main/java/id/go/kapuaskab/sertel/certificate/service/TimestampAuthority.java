package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.repository.CaKeyStorage;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;

/**
 * Our time-stamping authority: its certificate (issued by our issuing CA), the chain up to the root, and a way to
 * sign with its key, which stays in the same {@link CaKeyStorage} as the CA keys and never leaves it.
 */
public final class TimestampAuthority {

    private final String name;
    private final List<X509Certificate> chain;
    private final KeyType keyType;
    private final CaKeyStorage storage;

    public TimestampAuthority(String name, List<X509Certificate> chain, CaKeyStorage storage) {
        this.name = name;
        this.chain = List.copyOf(chain);
        this.storage = storage;
        this.keyType = PublicKeys.typeOf(SubjectPublicKeyInfo.getInstance(chain.get(0).getPublicKey().getEncoded()));
        if (keyType == null || !keyType.allowedForCa()) {
            throw new IllegalStateException("TSA " + name + " has a key type we do not sign with; allowed: EC P-256/P-384, RSA 3072/4096");
        }
    }

    public String name() {
        return name;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The TSA certificate first, then the issuing CA and the root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** A fresh signer (signers are not thread-safe); the signature is computed where the key lives. */
    public ContentSigner signer() {
        return storage.signer(name, keyType.signatureAlgorithm());
    }
}

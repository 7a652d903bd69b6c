package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.repository.CaKeyStorage;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;

/**
 * The key that signs the checkpoints of the CA's audit trail: beside the CA keys in the same {@link CaKeyStorage}
 * (never leaving the HSM with PKCS#11), certified by our issuing CA for that one purpose, so an auditor can check a
 * checkpoint against our root.
 */
public final class AuditKey {

    private final String name;
    private final List<X509Certificate> chain;
    private final KeyType keyType;
    private final CaKeyStorage storage;

    AuditKey(String name, List<X509Certificate> chain, CaKeyStorage storage) {
        this.name = name;
        this.chain = List.copyOf(chain);
        this.storage = storage;
        this.keyType = PublicKeys.typeOf(SubjectPublicKeyInfo.getInstance(chain.get(0).getPublicKey().getEncoded()));
        if (keyType != KeyType.EC_P256 && keyType != KeyType.EC_P384) {
            throw new IllegalStateException("The audit key " + name + " must be EC P-256 or P-384, is " + keyType);
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The audit certificate first, then the issuing CA and the root. */
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

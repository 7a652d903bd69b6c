package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.repository.CaKeyStorage;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;

/**
 * One CA we run (root or issuing): its certificate, its chain up to the root, and a way to sign with its key,
 * which stays in the {@link CaKeyStorage}.
 */
public final class CertificateAuthority {

    public enum Role { ROOT, ISSUING }

    private final String name;
    private final Role role;
    private final List<X509Certificate> chain;
    private final X509CertificateHolder holder;
    private final KeyType keyType;
    private final CaKeyStorage storage;

    public CertificateAuthority(String name, Role role, List<X509Certificate> chain, CaKeyStorage storage) {
        this.name = name;
        this.role = role;
        this.chain = List.copyOf(chain);
        this.storage = storage;
        try {
            this.holder = new JcaX509CertificateHolder(chain.get(0));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        this.keyType = PublicKeys.typeOf(holder.getSubjectPublicKeyInfo());
        if (keyType == null || !keyType.allowedForCa()) {
            throw new IllegalStateException("CA " + name + " has a key type we do not sign with; allowed: EC P-256/P-384, RSA 3072/4096");
        }
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public X509CertificateHolder holder() {
        return holder;
    }

    /** This CA's certificate first, then its issuers up to the root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public KeyType keyType() {
        return keyType;
    }

    public SubjectPublicKeyInfo publicKeyInfo() {
        return holder.getSubjectPublicKeyInfo();
    }

    public String storageKind() {
        return storage.kind();
    }

    /** A fresh signer (signers are not thread-safe); the signature itself is computed where the key lives. */
    public ContentSigner signer() {
        return storage.signer(name, keyType.signatureAlgorithm());
    }
}

package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.audit.AuditConfig;
import id.go.kapuaskab.sertel.audit.AuditSigner;
import id.go.kapuaskab.sertel.audit.KeyFileSigner;
import id.go.kapuaskab.sertel.audit.Pem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.operator.ContentSigner;

/**
 * The CA signs its audit checkpoints with a key of its own ({@link AuditKey}), kept like the CA keys, instead of the
 * key file the other services use: this bean takes the place of the shared module's default signer.
 */
@ApplicationScoped
public class CaAuditSigner implements AuditSigner {

    private final AuditKey key;
    private final List<PublicKey> previous;

    CaAuditSigner(CaRegistry cas, AuditConfig config) {
        this.key = cas.audit();
        this.previous = KeyFileSigner.previousKeys(config.checkpoint());
    }

    @Override
    public String algorithm() {
        return key.keyType().signatureAlgorithm();
    }

    @Override
    public PublicKey publicKey() {
        return key.certificate().getPublicKey();
    }

    @Override
    public byte[] sign(byte[] data) {
        ContentSigner signer = key.signer();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return signer.getSignature();
    }

    /** The audit certificate, then the issuing CA and the root: checkable against our published root. */
    @Override
    public String publicPem() {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : key.chain()) {
            try {
                pem.append(Pem.encode("CERTIFICATE", c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return pem.toString();
    }

    @Override
    public List<PublicKey> previousKeys() {
        return previous;
    }
}

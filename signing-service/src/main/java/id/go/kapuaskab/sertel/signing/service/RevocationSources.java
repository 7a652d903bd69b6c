package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.config.BouncyCastle;
import id.go.kapuaskab.sertel.signing.client.PkiClient;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Certificate status from our CA's OCSP responder. An answer asked for with a nonce is signed now (what a signature's
 * validation data needs); one asked for without is the CA's cached answer, which the CA drops when the certificate's
 * status changes (a status check before signing). The URLs in our certificates point to the public gateway; this
 * service asks certificate-service directly and only on its {@code /pki} paths.
 */
@ApplicationScoped
public class RevocationSources {

    /** What OCSP says about a certificate now. */
    public enum State { GOOD, REVOKED, SUSPENDED, UNKNOWN }

    /** One OCSP answer: the DER OCSPResponse (for the DSS), the state, the revocation time, when it was signed. */
    public record OcspAnswer(byte[] der, State state, Instant revokedAt, Instant producedAt) {
    }

    private static final int CERTIFICATE_HOLD = 6;

    private final PkiClient pki;
    private final SecureRandom random = new SecureRandom();

    RevocationSources(PkiClient pki) {
        this.pki = pki;
    }

    /** An answer signed now, for the record (asked with a nonce). */
    public OcspAnswer ocsp(X509Certificate cert, X509Certificate issuer) {
        return ocsp(List.of(cert), issuer, true).get(0);
    }

    /**
     * One answer signed now about several certificates of one issuer (RFC 6960 allows a request to name several): the
     * same DER OCSPResponse for each, with each certificate's own state, in the order asked.
     */
    public List<OcspAnswer> ocsp(List<X509Certificate> certs, X509Certificate issuer) {
        return ocsp(certs, issuer, true);
    }

    /** The status now, from the CA's cached answer where it has one (asked without a nonce). */
    public State status(X509Certificate cert, X509Certificate issuer) {
        return ocsp(List.of(cert), issuer, false).get(0).state();
    }

    private List<OcspAnswer> ocsp(List<X509Certificate> certs, X509Certificate issuer, boolean signedNow) {
        try {
            var sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
            var issuerHolder = new JcaX509CertificateHolder(issuer);
            OCSPReqBuilder builder = new OCSPReqBuilder();
            List<CertificateID> ids = new ArrayList<>();
            for (X509Certificate cert : certs) {
                CertificateID id = new CertificateID(sha1, issuerHolder, cert.getSerialNumber());
                ids.add(id);
                builder.addRequest(id);
            }
            if (signedNow) {
                byte[] nonce = new BigInteger(64, random).toByteArray();
                builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))));
            }
            byte[] der = pki.ocsp(builder.build().getEncoded());
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new IllegalStateException("OCSP status " + response.getStatus());
            }
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(issuer))) {
                throw new IllegalStateException("OCSP answer not signed by " + issuer.getSubjectX500Principal());
            }
            Instant producedAt = basic.getProducedAt().toInstant();
            List<OcspAnswer> answers = new ArrayList<>();
            for (CertificateID id : ids) {
                answers.add(answerAbout(id, basic, der, producedAt));
            }
            return answers;
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw new DomainException(ProblemKind.UNAVAILABLE, "signing.ca-unavailable");
        }
    }

    private static OcspAnswer answerAbout(CertificateID id, BasicOCSPResp basic, byte[] der, Instant producedAt) {
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            Object status = single.getCertStatus();
            if (status == null) {
                return new OcspAnswer(der, State.GOOD, null, producedAt);
            }
            if (status instanceof RevokedStatus revoked) {
                boolean hold = revoked.hasRevocationReason() && revoked.getRevocationReason() == CERTIFICATE_HOLD;
                return new OcspAnswer(der, hold ? State.SUSPENDED : State.REVOKED, revoked.getRevocationTime().toInstant(), producedAt);
            }
            if (status instanceof UnknownStatus) {
                return new OcspAnswer(der, State.UNKNOWN, null, producedAt);
            }
        }
        throw new IllegalStateException("OCSP answer does not name the certificate asked about");
    }
}

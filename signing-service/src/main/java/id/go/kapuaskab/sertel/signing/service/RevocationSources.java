package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.config.BouncyCastle;
import id.go.kapuaskab.sertel.signing.client.PkiClient;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
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
 * Certificate status from our CA: OCSP answers and CRLs. An answer asked for with a nonce is signed now (what a
 * signature's validation data needs); one asked for without is the CA's cached answer, which the CA drops when the
 * certificate's status changes (a status check before signing). The URLs in our certificates point to the public gateway; this service asks certificate-service
 * directly and only on its {@code /pki} paths, taking just the CA name from a CRL distribution point.
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
        return ocsp(cert, issuer, true);
    }

    /** The status now, from the CA's cached answer where it has one (asked without a nonce). */
    public State status(X509Certificate cert, X509Certificate issuer) {
        return ocsp(cert, issuer, false).state();
    }

    private OcspAnswer ocsp(X509Certificate cert, X509Certificate issuer, boolean signedNow) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            if (signedNow) {
                byte[] nonce = new BigInteger(64, random).toByteArray();
                builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))));
            }
            byte[] request = builder.build().getEncoded();
            byte[] der = pki.ocsp(request);
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new IllegalStateException("OCSP status " + response.getStatus());
            }
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(issuer))) {
                throw new IllegalStateException("OCSP answer not signed by " + issuer.getSubjectX500Principal());
            }
            for (SingleResp single : basic.getResponses()) {
                if (!single.getCertID().equals(id)) {
                    continue;
                }
                Object status = single.getCertStatus();
                if (status == null) {
                    return new OcspAnswer(der, State.GOOD, null, basic.getProducedAt().toInstant());
                }
                if (status instanceof RevokedStatus revoked) {
                    boolean hold = revoked.hasRevocationReason() && revoked.getRevocationReason() == CERTIFICATE_HOLD;
                    return new OcspAnswer(der, hold ? State.SUSPENDED : State.REVOKED, revoked.getRevocationTime().toInstant(),
                            basic.getProducedAt().toInstant());
                }
                if (status instanceof UnknownStatus) {
                    return new OcspAnswer(der, State.UNKNOWN, null, basic.getProducedAt().toInstant());
                }
            }
            throw new IllegalStateException("OCSP answer does not name the certificate asked about");
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw new DomainException(ProblemKind.UNAVAILABLE, "signing.ca-unavailable");
        }
    }

    /** The current CRL of one of our CAs, by the name its distribution point gives ({@link #caNameOfCrl}). */
    public byte[] crl(String caName) {
        try {
            return pki.crl(caName);
        } catch (RuntimeException e) {
            throw new DomainException(ProblemKind.UNAVAILABLE, "signing.ca-unavailable");
        }
    }

    /** {@code https://…/pki/crl/sertel-issuing-ca.crl} gives {@code sertel-issuing-ca}. */
    public static Optional<String> caNameOfCrl(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return Optional.empty();
        }
        CRLDistPoint points = CRLDistPoint.getInstance(DEROctetString.getInstance(ext).getOctets());
        for (DistributionPoint dp : points.getDistributionPoints()) {
            if (dp.getDistributionPoint() == null || !(dp.getDistributionPoint().getName() instanceof GeneralNames names)) {
                continue;
            }
            for (GeneralName n : names.getNames()) {
                if (n.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    String path = URI.create(n.getName().toString()).getPath();
                    if (path != null && path.matches(".*/pki/crl/[A-Za-z0-9_-]+\\.crl")) {
                        return Optional.of(path.substring(path.lastIndexOf('/') + 1, path.length() - 4));
                    }
                }
            }
        }
        return Optional.empty();
    }
}

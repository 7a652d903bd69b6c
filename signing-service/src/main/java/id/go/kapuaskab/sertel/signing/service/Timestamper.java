package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.config.BouncyCastle;
import id.go.kapuaskab.sertel.signing.client.PkiClient;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks our TSA (certificate-service, {@code POST /pki/tsa}) for a signature time-stamp and checks what comes back
 * before it goes into a signature: granted, for our request (imprint and nonce), signed by a time-stamping
 * certificate that our issuing CA issued.
 */
@ApplicationScoped
public class Timestamper {

    private final PkiClient pki;
    private final SecureRandom random = new SecureRandom();

    Timestamper(PkiClient pki) {
        this.pki = pki;
    }

    /** A verified token over a SHA-256 imprint; {@code issuingCa} is the CA that must have certified the TSA. */
    public TimeStampToken stamp(byte[] sha256, X509Certificate issuingCa) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
        byte[] reply;
        try {
            reply = pki.timestamp(request.getEncoded());
        } catch (IOException | RuntimeException e) {
            throw new DomainException(ProblemKind.UNAVAILABLE, "signing.tsa-unavailable");
        }
        try {
            TimeStampResponse response = new TimeStampResponse(reply);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new TSPException("TSA refused: " + response.getStatusString());
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
            X509Certificate tsa = new JcaX509CertificateConverter().getCertificate(certs.iterator().next());
            tsa.verify(issuingCa.getPublicKey());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsa));
            return token;
        } catch (Exception e) {
            throw new DomainException(ProblemKind.UNAVAILABLE, "signing.tsa-unavailable");
        }
    }
}

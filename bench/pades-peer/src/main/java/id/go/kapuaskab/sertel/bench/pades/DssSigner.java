package id.go.kapuaskab.sertel.bench.pades;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.SecureRandomNonceSource;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * DSS's PAdESService as a signing service would use it: PAdES-BASELINE-LT, SHA-256, the signer's key in memory (a
 * JCA ECDSA signature over DSS's data to be signed), the time-stamp from our TSA ({@link OnlineTSPSource}), the
 * revocation data from our OCSP responder and CRLs ({@link OnlineOCSPSource}, {@link OnlineCRLSource}, DSS's default
 * strategy: OCSP first, the CRL when OCSP gives nothing), our root the only trust anchor. Nonces on OCSP and TSA
 * requests as signing-service sends them (and an OCSP request without one would be answered from the responder's
 * cache). Everything else is DSS's default, including what it does when revocation data is not newer than the
 * time-stamp: it logs an alert and signs. Reason, location and the space reserved for the CMS are signing-service's.
 */
final class DssSigner {

    private final PrivateKey key;
    private final CertificateToken signer;
    private final List<CertificateToken> chain;
    private final PAdESService service;

    DssSigner(PrivateKey key, List<X509Certificate> chain, String tsaUrl, DirectLoaders loaders) {
        this.key = key;
        this.signer = new CertificateToken(chain.get(0));
        this.chain = chain.stream().map(CertificateToken::new).toList();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(this.chain.get(this.chain.size() - 1));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        OnlineOCSPSource ocsp = new OnlineOCSPSource(loaders.ocsp());
        ocsp.setNonceSource(new SecureRandomNonceSource());
        verifier.setOcspSource(ocsp);
        verifier.setCrlSource(new OnlineCRLSource(loaders.plain()));
        verifier.setAIASource(new DefaultAIASource(loaders.plain()));
        OnlineTSPSource tsa = new OnlineTSPSource(tsaUrl);
        tsa.setNonceSource(new SecureRandomNonceSource());
        this.service = new PAdESService(verifier);
        this.service.setTspSource(tsa);
    }

    byte[] sign(byte[] pdf) throws GeneralSecurityException {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LT);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(signer);
        parameters.setCertificateChain(chain);
        parameters.setReason("Ditandatangani secara elektronik");
        parameters.setLocation("Kabupaten Kapuas");
        parameters.setContentSize(16384);
        DSSDocument document = new InMemoryDocument(pdf, "document.pdf");
        ToBeSigned data = service.getDataToSign(document, parameters);
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(key);
        ecdsa.update(data.getBytes());
        DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(SignatureAlgorithm.ECDSA_SHA256, ecdsa.sign()));
        return DSSUtils.toByteArray(signed);
    }
}

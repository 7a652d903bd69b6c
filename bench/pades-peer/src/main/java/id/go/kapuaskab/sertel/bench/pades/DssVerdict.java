package id.go.kapuaskab.sertel.bench.pades;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.signature.AdvancedSignature;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * DSS's verdict on a signed PDF with only what is inside it (no OCSP, CRL or AIA fetched): so a B-LT signature
 * passes only if its own validation data carry it. Our root is the only trust anchor. One line per signature
 * ({@code SIGNATURE|format|indication|subIndication|signedBy}), then the revocation data of the signing certificate
 * as DSS reports them ({@code REVOCATION|type|thisUpdate|producedAt}, whole seconds), the signature time-stamp's
 * genTime and the thisUpdate of every OCSP answer the signature carries, to the millisecond as they are encoded
 * ({@code FRESHNESS|genTime|thisUpdate,…}), and the errors and warnings.
 */
final class DssVerdict {

    private DssVerdict() {
    }

    static String offline(byte[] pdf, X509Certificate root) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "signed.pdf"));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        StringBuilder out = new StringBuilder();
        for (String id : simple.getSignatureIdList()) {
            out.append(String.join("|", "SIGNATURE", String.valueOf(simple.getSignatureFormat(id)), String.valueOf(simple.getIndication(id)),
                    String.valueOf(simple.getSubIndication(id)), String.valueOf(simple.getSignedBy(id)))).append('\n');
            CertificateWrapper signer = diagnostic.getSignatureById(id).getSigningCertificate();
            if (signer != null) {
                for (CertificateRevocationWrapper r : signer.getCertificateRevocationData()) {
                    out.append(String.join("|", "REVOCATION", String.valueOf(r.getRevocationType()), String.valueOf(r.getThisUpdate().toInstant()),
                            String.valueOf(r.getProductionDate().toInstant()))).append('\n');
                }
            }
            out.append(freshness(validator, id));
            out.append("ERRORS|").append(simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList()).append('\n');
            out.append("WARNINGS|").append(simple.getAdESValidationWarnings(id).stream().map(m -> m.getValue()).toList()).append('\n');
        }
        return out.toString();
    }

    /** {@code FRESHNESS|genTime|thisUpdate,…} of one signature: its first signature time-stamp and its OCSP answers. */
    private static String freshness(SignedDocumentValidator validator, String id) {
        for (AdvancedSignature s : validator.getSignatures()) {
            if (!s.getId().equals(id) || s.getSignatureTimestamps().isEmpty()) {
                continue;
            }
            List<String> thisUpdates = new ArrayList<>();
            for (var binary : s.getOCSPSource().getAllRevocationBinaries()) {
                try {
                    for (SingleResp one : basic(binary.getBinaries()).getResponses()) {
                        thisUpdates.add(one.getThisUpdate().toInstant().toString());
                    }
                } catch (Exception e) {
                    thisUpdates.add("unreadable");
                }
            }
            return "FRESHNESS|" + s.getSignatureTimestamps().get(0).getGenerationTime().toInstant() + "|" + String.join(",", thisUpdates) + "\n";
        }
        return "";
    }

    private static BasicOCSPResp basic(byte[] der) throws Exception {
        try {
            return (BasicOCSPResp) new OCSPResp(der).getResponseObject();
        } catch (Exception notAnOcspResponse) {
            return new BasicOCSPResp(BasicOCSPResponse.getInstance(der));
        }
    }
}

package id.go.kapuaskab.sertel.signing;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * EU DSS validating a signed PDF, run as a program of its own ({@link OutsideCheckers#dss}):
 * {@code DssCheck <pdf> <root.pem> [offline]}. Trusts only the given root; fetches OCSP and CRLs online where the PDF lacks
 * them, unless {@code offline}: then only the validation data inside the PDF counts. Prints one line per signature
 * ({@code SIGNATURE|id|signedBy|format|indication|subIndication}), one per time-stamp, and the errors and warnings.
 */
public final class DssCheck {

    private DssCheck() {
    }

    public static void main(String[] args) throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of(args[0]));
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))));
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        boolean offline = args.length > 2 && args[2].equals("offline");
        if (!offline) {
            verifier.setOcspSource(new OnlineOCSPSource());
            verifier.setCrlSource(new OnlineCRLSource());
        }
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "signed.pdf"));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        for (String id : simple.getSignatureIdList()) {
            System.out.println(String.join("|", "SIGNATURE", id, simple.getSignedBy(id), String.valueOf(simple.getSignatureFormat(id)),
                    String.valueOf(simple.getIndication(id)), String.valueOf(simple.getSubIndication(id))));
            for (TimestampWrapper t : diagnostic.getSignatureById(id).getTimestampList()) {
                System.out.println(String.join("|", "TIMESTAMP", id, String.valueOf(t.getType()), t.getProductionTime().toInstant().toString(),
                        t.getSigningCertificate() == null ? "?" : t.getSigningCertificate().getCommonName(),
                        String.valueOf(t.isSignatureValid()), String.valueOf(simple.getIndication(t.getId()))));
            }
            System.out.println("ERRORS|" + id + "|" + simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList());
            System.out.println("WARNINGS|" + id + "|" + simple.getAdESValidationWarnings(id).stream().map(m -> m.getValue()).toList());
        }
    }
}

package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.config.SigningConfig;
import id.go.kapuaskab.sertel.signing.client.PkiClient;
import id.go.kapuaskab.sertel.signing.domain.VerificationReport;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Verifies every signature of a PDF against our PKI: integrity of the signed bytes and the CMS, the time-stamp, the
 * chain to our root, the certificate's status at the time-stamp's time and now (OCSP from our CA), the long-term
 * validation data in the DSS, and whether bytes were appended after each signature. It answers a report, not a
 * verdict: a tampered document is a 200 with {@code integrity.valid = false}.
 */
@ApplicationScoped
public class VerificationService {

    private final PkiClient pki;
    private final RevocationSources revocation;
    private final SigningConfig config;
    private final Clock clock;
    private volatile List<X509Certificate> ourChain;

    VerificationService(PkiClient pki, RevocationSources revocation, SigningConfig config, Clock clock) {
        this.pki = pki;
        this.revocation = revocation;
        this.config = config;
        this.clock = clock;
    }

    public VerificationReport verify(byte[] pdf) {
        List<X509Certificate> chain = ourChain();
        Set<TrustAnchor> anchors = Set.of(new TrustAnchor(chain.get(chain.size() - 1), null));
        try (PDDocument doc = PdfDocuments.open(pdf, config.documents().maxBytes())) {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            List<VerificationReport.Signature> out = new ArrayList<>();
            for (PDSignature s : doc.getSignatureDictionaries()) {
                out.add(inspect(pdf, s, dss, anchors, chain));
            }
            return new VerificationReport(Certificates.sha256Hex(pdf), pdf.length, out.size(), out);
        } catch (IOException e) {
            throw DomainException.invalid("document.malformed");
        }
    }

    private VerificationReport.Signature inspect(byte[] pdf, PDSignature s, COSDictionary dss, Set<TrustAnchor> anchors,
                                                 List<X509Certificate> chain) throws IOException {
        int[] br = s.getByteRange();
        boolean wellFormed = br != null && br.length == 4 && br[0] == 0 && br[1] > 0 && br[2] > br[1] && br[3] >= 0
                && (long) br[2] + br[3] <= pdf.length && pdf[br[1]] == '<' && pdf[br[2] - 1] == '>';
        long end = wellFormed ? (long) br[2] + br[3] : 0;
        VerificationReport.Coverage coverage = new VerificationReport.Coverage(wellFormed && end == pdf.length,
                wellFormed ? (long) br[1] + br[3] : 0, wellFormed ? pdf.length - end : pdf.length,
                wellFormed ? SignatureInspector.count(pdf, "%%EOF", end) : 0, wellFormed);
        Instant signingTime = s.getSignDate() == null ? null : s.getSignDate().toInstant();
        String subFilter = s.getSubFilter();
        if (!wellFormed) {
            return new VerificationReport.Signature(s.getName(), subFilter, null, signingTime, null,
                    new VerificationReport.Integrity(false, false, false, "the byte range is not well formed"), null, null, null, coverage);
        }
        byte[] signedContent = s.getSignedContent(pdf);
        byte[] cms = SignatureInspector.trimmed(s.getContents(pdf));
        SignatureInspector.Parsed parsed;
        try {
            parsed = SignatureInspector.parse(cms, signedContent);
        } catch (Exception e) {
            return new VerificationReport.Signature(s.getName(), subFilter, null, signingTime, null,
                    new VerificationReport.Integrity(false, false, false, "the CMS in /Contents cannot be read"), null, null,
                    ltv(dss, cms), coverage);
        }
        List<X509Certificate> pool = new ArrayList<>(parsed.certificates());
        pool.addAll(chain);
        VerificationReport.Timestamp ts = SignatureInspector.timestamp(parsed, anchors, pool);
        Instant at = ts.time() != null && Boolean.TRUE.equals(ts.valid()) ? ts.time() : signingTime != null ? signingTime : clock.instant();
        X509Certificate cert = parsed.certificate();
        VerificationReport.Signer signer = cert == null ? null : new VerificationReport.Signer(
                SigningService.commonName(cert.getSubjectX500Principal()), cert.getSubjectX500Principal().getName(),
                cert.getSerialNumber().toString(16), cert.getIssuerX500Principal().getName(), cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant());
        return new VerificationReport.Signature(s.getName(), subFilter, signer, signingTime, ts,
                SignatureInspector.integrity(parsed, signedContent), SignatureInspector.chain(cert, anchors, pool, at),
                status(cert, chain, at), ltv(dss, cms), coverage);
    }

    private VerificationReport.Status status(X509Certificate cert, List<X509Certificate> chain, Instant at) {
        if (cert == null) {
            return new VerificationReport.Status("UNKNOWN", "UNKNOWN", null, null);
        }
        String atSigning = validityAt(cert, at);
        String now = validityAt(cert, clock.instant());
        X509Certificate issuing = chain.get(0);
        if (!cert.getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
            return new VerificationReport.Status("UNKNOWN", "UNKNOWN", null, "not issued by our issuing CA");
        }
        RevocationSources.OcspAnswer answer = revocation.ocsp(cert, issuing);
        return switch (answer.state()) {
            case GOOD -> new VerificationReport.Status(atSigning, now, null, "OCSP");
            case UNKNOWN -> new VerificationReport.Status("UNKNOWN", "UNKNOWN", null, "OCSP");
            case REVOKED, SUSPENDED -> new VerificationReport.Status(
                    answer.revokedAt().isAfter(at) ? atSigning : answer.state().name(),
                    answer.state().name(), answer.revokedAt(), "OCSP");
        };
    }

    private static String validityAt(X509Certificate cert, Instant at) {
        if (at.isBefore(cert.getNotBefore().toInstant())) {
            return "NOT_YET_VALID";
        }
        return at.isAfter(cert.getNotAfter().toInstant()) ? "EXPIRED" : "GOOD";
    }

    private static VerificationReport.Ltv ltv(COSDictionary dss, byte[] cms) {
        if (dss == null) {
            return new VerificationReport.Ltv(false, false, 0, 0, 0);
        }
        COSDictionary vri = dss.getCOSDictionary(COSName.getPDFName("VRI"));
        String key = HexFormat.of().withUpperCase().formatHex(Certificates.digest("SHA-1", cms));
        boolean hasVri = vri != null && vri.containsKey(COSName.getPDFName(key));
        return new VerificationReport.Ltv(true, hasVri, size(dss, "Certs"), size(dss, "OCSPs"), size(dss, "CRLs"));
    }

    private static int size(COSDictionary dss, String name) {
        return dss.getDictionaryObject(COSName.getPDFName(name)) instanceof COSArray a ? a.size() : 0;
    }

    /** Our CA chain (issuing CA, root), fetched once from certificate-service. */
    private List<X509Certificate> ourChain() {
        List<X509Certificate> chain = ourChain;
        if (chain == null) {
            try {
                chain = Certificates.parse(pki.chainPem(), "signing.ca-unavailable");
            } catch (RuntimeException e) {
                throw new DomainException(ProblemKind.UNAVAILABLE, "signing.ca-unavailable");
            }
            ourChain = chain;
        }
        return chain;
    }
}

package id.go.kapuaskab.sertel.signing.domain;

import java.time.Instant;
import java.util.List;

/**
 * What our verification found in a PDF, signature by signature. Each check says what it looked at, so a relying
 * party can tell "not signed by a certificate of ours" from "changed after signing".
 */
public record VerificationReport(String documentSha256, long documentBytes, int signatureCount, List<Signature> signatures) {

    /** One signature of the document, in file order. */
    public record Signature(String name, String subFilter, Signer signer, Instant signingTime, Timestamp timestamp,
                            Integrity integrity, Chain chain, Status certificateStatus, Ltv ltv, Coverage coverage) {
    }

    public record Signer(String commonName, String subject, String certificateSerial, String issuer, Instant notBefore, Instant notAfter) {
    }

    /** The signature time-stamp (id-aa-signatureTimeStampToken): its time, the TSA, and whether it holds. */
    public record Timestamp(boolean present, Instant time, String tsa, String serial, String policy, Boolean valid,
                            Boolean tsaTrusted, String problem) {
    }

    /** The byte range digest against the message-digest attribute, and the CMS signature over the signed attributes. */
    public record Integrity(boolean valid, boolean byteRangeDigestMatches, boolean cmsSignatureValid, String problem) {
    }

    /** Whether the signer's certificate chains to our root (validity checked at the time-stamp's time, else now). */
    public record Chain(boolean trustedByOurRoot, List<String> path, String problem) {
    }

    /** GOOD, REVOKED, SUSPENDED, EXPIRED, NOT_YET_VALID or UNKNOWN: at the signing (time-stamp) time, and now. */
    public record Status(String atSigningTime, String now, Instant revokedAt, String source) {
    }

    /** Long-term validation material in the document's DSS (PAdES B-LT). */
    public record Ltv(boolean dssPresent, boolean vriForThisSignature, int certificates, int ocsps, int crls) {
    }

    /**
     * Whether the signature covers the whole file. When not, {@code appendedBytes} were added after it in
     * {@code laterRevisions} incremental updates (a later signature or a DSS is expected; anything else is a change).
     */
    public record Coverage(boolean wholeDocument, long signedBytes, long appendedBytes, int laterRevisions, boolean byteRangeWellFormed) {
    }
}

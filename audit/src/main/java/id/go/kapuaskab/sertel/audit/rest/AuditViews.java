package id.go.kapuaskab.sertel.audit.rest;

import id.go.kapuaskab.sertel.audit.AuditRecord;
import id.go.kapuaskab.sertel.audit.AuditSigner;
import id.go.kapuaskab.sertel.audit.Checkpoint;
import id.go.kapuaskab.sertel.audit.Pem;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON an auditor reads. */
public final class AuditViews {

    private static final HexFormat HEX = HexFormat.of();

    private AuditViews() {
    }

    @Schema(name = "AuditRecord", description = "One record of the audit trail, with the hashes that chain it to the record before it in its lane")
    public record RecordView(
            @Schema(example = "4711") long id,
            @Schema(description = "The hash chain the record is in", example = "2") int lane,
            @Schema(description = "Its place in that chain, from 1 without gaps", example = "1290") long seq,
            @Schema(example = "2026-12-05T01:02:03.123456Z") Instant occurredAt,
            @Schema(description = "Account or client id of who acted; 'public' or 'system' when nobody did", example = "3f6c1b1e-8c1d-4a34-9a63-1c2b7c0d9e11") String actor,
            @Schema(example = "ADMIN") String actorRole,
            @Schema(example = "REVOKE") String action,
            @Schema(example = "DONE") String outcome,
            @Schema(description = "What it is about: a serial, a request, an account, a key", example = "5c3e2a9f0b7d41e6a8c2d4f6b8e0a1c3") String subject,
            @Schema(description = "A second reference, such as the request id of an issuance", example = "9d4b2c1e-0f6a-4b8e-9c3d-2e1f0a9b8c7d") String reference,
            @Schema(description = "X-Request-Id of the call that caused it", example = "a1b2c3d4e5f60718") String requestId,
            @Schema(description = "The facts, as the JSON text that was hashed (personal numbers masked)", example = "{\"reason\":\"keyCompromise\"}") String detail,
            @Schema(description = "SHA-256 of the record before it in its lane, hex (zeros for the first)", example = "9ab0…") String prevHash,
            @Schema(description = "SHA-256 over prevHash, lane, seq and the canonical payload, hex", example = "02fe…") String hash) {

        public static RecordView of(AuditRecord r) {
            return new RecordView(r.id(), r.lane(), r.seq(), r.occurredAt(), r.actor(), r.actorRole(), r.action(), r.outcome(), r.subject(),
                    r.reference(), r.requestId(), r.detail(), HEX.formatHex(r.prevHash()), HEX.formatHex(r.hash()));
        }
    }

    @Schema(name = "AuditPage", description = "A page of audit records in id order")
    public record PageView(List<RecordView> items,
                           @Schema(description = "Pass as 'after' for the next page; null at the end", example = "4811") String next) {
    }

    @Schema(name = "AuditCheckpoint", description = "A signed statement of every lane's head")
    public record CheckpointView(
            @Schema(example = "57") long id,
            @Schema(example = "2026-12-05T01:10:00.000123Z") Instant createdAt,
            @Schema(description = "Exactly the signed text (UTF-8)", example = "sertel-audit-checkpoint 1\ntrail certificate-service\n…") String statement,
            @Schema(example = "SHA256withECDSA") String algorithm,
            @Schema(description = "SHA-256 of the signing key's SubjectPublicKeyInfo, hex") String keyId,
            @Schema(description = "The signature, base64 (DER for ECDSA)") String signature) {

        public static CheckpointView of(Checkpoint c) {
            return new CheckpointView(c.id(), c.createdAt(), c.statement(), c.algorithm(), c.keyId(),
                    Base64.getEncoder().encodeToString(c.signature()));
        }
    }

    @Schema(name = "AuditKeys", description = "The keys that sign this trail's checkpoints")
    public record KeysView(@Schema(example = "certificate-service") String trail,
                           @Schema(description = "Key id of the current key") String keyId,
                           @Schema(example = "Ed25519") String algorithm,
                           @Schema(description = "The current public key, or its certificate chain when our CA certified it (PEM)") String pem,
                           @Schema(description = "Ids of retired keys still trusted for older checkpoints") List<String> previousKeyIds) {

        public static KeysView of(String trail, AuditSigner signer) {
            return new KeysView(trail, Pem.keyId(signer.publicKey()), signer.algorithm(), signer.publicPem(),
                    signer.previousKeys().stream().map(Pem::keyId).toList());
        }
    }

    @Schema(name = "AuditVerificationRequest", description = "Optional: checkpoints the auditor kept, to be checked against the trail as well")
    public record VerificationRequest(List<SuppliedCheckpoint> checkpoints) {
    }

    @Schema(name = "AuditSuppliedCheckpoint")
    public record SuppliedCheckpoint(@Schema(description = "The statement as downloaded") String statement,
                                     @Schema(description = "Its signature, base64") String signature) {
    }
}

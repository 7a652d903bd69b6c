package id.go.kapuaskab.sertel.signing.rest;

import id.go.kapuaskab.sertel.signing.domain.KeyEvent;
import id.go.kapuaskab.sertel.signing.domain.SignatureRecord;
import id.go.kapuaskab.sertel.signing.domain.SigningKey;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of this service's API. Passphrases come in, never go out. */
final class Dtos {

    private Dtos() {
    }

    @Schema(description = "Create a key kept for a holder (renewal-service only)")
    record CreateKey(@NotNull UUID requestId, @NotNull UUID holderId, @NotNull UUID institutionId,
                     @Schema(description = "the holder's official e-mail, named in the CSR's subjectAltName as the CA requires")
                     @NotBlank @Email @Size(max = 254) String email,
                     @NotBlank @Size(max = 1024) String passphrase, @Schema(defaultValue = "EC_P256") String keyType) {
        @Override
        public String toString() {
            return "CreateKey[requestId=" + requestId + ", holderId=" + holderId + ", passphrase=***]";
        }
    }

    @Schema(description = "A created key: its id and the PKCS#10 CSR signed by it, for the CA")
    record CreatedKey(UUID keyId, String csr) {
        static CreatedKey of(SigningKey k) {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(k.csr);
            return new CreatedKey(k.id, "-----BEGIN CERTIFICATE REQUEST-----\n" + b64 + "\n-----END CERTIFICATE REQUEST-----\n");
        }
    }

    @Schema(description = "The certificate our CA issued for the key, and its chain (issuing CA, root)")
    record BindCertificate(@NotBlank @Size(max = 16384) String certificatePem, @NotBlank @Size(max = 32768) String chainPem) {
    }

    @Schema(description = "A kept key as people see it; never any key material")
    record KeyView(UUID id, UUID holderId, UUID institutionId, String keyType, String status, int failedAttempts,
                   Instant lockedAt, String certificateSerial, Instant notBefore, Instant notAfter, Instant createdAt,
                   Unlock lastUnlock) {
        static KeyView of(SigningKey k, KeyEvent unlock) {
            return new KeyView(k.id, k.holderId, k.institutionId, k.keyType, k.status.name(), k.failedAttempts, k.lockedAt,
                    k.certificateSerial, k.notBefore, k.notAfter, k.createdAt,
                    unlock == null ? null : new Unlock(unlock.actor, unlock.occurredAt, unlock.reason));
        }
    }

    @Schema(description = "Who unlocked the key last, when and why")
    record Unlock(String by, Instant at, String reason) {
    }

    @Schema(description = "Change the passphrase of one's own key: the old one must open it")
    record ChangePassphrase(@NotBlank @Size(max = 1024) String oldPassphrase, @NotBlank @Size(max = 1024) String newPassphrase) {
        @Override
        public String toString() {
            return "ChangePassphrase[***]";
        }
    }

    @Schema(description = "Why a verifier unlocks the key (recorded with who and when)")
    record UnlockKey(@NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(description = "Where a visible signature goes, in PDF points from the page's lower-left corner")
    record Visible(@Schema(example = "1") int page, @Schema(example = "350") float x, @Schema(example = "60") float y,
                   @Schema(example = "220") float width, @Schema(example = "70") float height,
                   @Schema(example = "Kepala Dinas Kominfo") String text, @Schema(example = "true") boolean qr) {
    }

    @Schema(description = "A signature this service made")
    record SignatureView(UUID id, UUID keyId, UUID holderId, UUID institutionId, String signedBy, String clientId,
                         String documentSha256, String signedSha256, String certificateSerial, Instant signedAt,
                         Instant timestampTime, String tsaSerial, String level, boolean visible) {
        static SignatureView of(SignatureRecord r) {
            return new SignatureView(r.id, r.keyId, r.holderId, r.institutionId, r.signedBy, r.clientId, r.documentSha256,
                    r.signedSha256, r.certificateSerial, r.signedAt, r.timestampTime, r.tsaSerial, r.level, r.visible);
        }
    }

    record Page<T>(List<T> items, int page, int size) {
    }
}

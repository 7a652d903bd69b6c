package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.ContactChannel;
import id.go.kapuaskab.sertel.renewal.domain.ContactOutcome;
import id.go.kapuaskab.sertel.renewal.domain.KeyCustody;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.domain.RevocationReason;
import id.go.kapuaskab.sertel.renewal.domain.SubjectItem;
import id.go.kapuaskab.sertel.renewal.service.Evidence;
import id.go.kapuaskab.sertel.renewal.service.RequestDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies this service accepts. */
final class Bodies {

    private Bodies() {
    }

    @Schema(name = "KeyGeneration", description = """
            Let sertel generate the key. `DELIVERED` (default): the CA generates it and the applicant collects it once as a \
            PKCS#12 after approval. `KEPT`: signing-service generates it at collection and keeps it wrapped under the \
            applicant's passphrase, for signing documents (`POST /api/v1/signatures`); it never leaves as a key (EC only).""")
    record KeyGeneration(@Pattern(regexp = "EC_P256|EC_P384|RSA_2048|RSA_3072|RSA_4096") @Schema(description = "Default EC_P256") String keyType,
                         @Schema(description = "Default DELIVERED") KeyCustody custody) {
    }

    @Schema(name = "NewRequest", description = """
            ISSUANCE and RENEWAL: exactly one of `csr` (PKCS#10 PEM; the key stays with you) and `keyGeneration`; RENEWAL \
            may name `certificateSerial` (default: the renewable one). REVOCATION: `certificateSerial` and `reason`.""")
    record NewRequest(@NotNull RequestType type, @Size(max = 16384) String csr, @Valid KeyGeneration keyGeneration,
                      @Size(max = 40) String certificateSerial, RevocationReason reason) {
        RequestDraft draft() {
            return new RequestDraft(csr, keyGeneration != null, keyGeneration == null ? null : keyGeneration.keyType(),
                    keyGeneration == null ? null : keyGeneration.custody(), certificateSerial, reason);
        }
    }

    @Schema(name = "RequestEdit", description = "Replaces what the applicant filled in (DRAFT or RETURNED only); same rules as creation")
    record Edit(@Size(max = 16384) String csr, @Valid KeyGeneration keyGeneration, @Size(max = 40) String certificateSerial,
                RevocationReason reason) {
        RequestDraft draft() {
            return new RequestDraft(csr, keyGeneration != null, keyGeneration == null ? null : keyGeneration.keyType(),
                    keyGeneration == null ? null : keyGeneration.custody(), certificateSerial, reason);
        }
    }

    @Schema(name = "Reason", description = "Why: required for return and reject, optional for cancel and release")
    record Reason(@Size(max = 1000) String reason) {
    }

    @Schema(name = "ItemCheck", description = "SOP step 7a: one subject item checked")
    record ItemCheck(@NotNull SubjectItem item, @NotNull Boolean matches, @Size(max = 1000) String note) {
    }

    @Schema(name = "ContactRecord", description = "SOP step 7b: the applicant's institution contacted")
    record Contact(@NotBlank @Size(max = 200) String contactPerson, @NotNull ContactChannel channel, @NotNull OffsetDateTime contactedAt,
                   @NotNull ContactOutcome outcome, @Size(max = 1000) String note) {
    }

    @Schema(name = "Checks", description = "Step-7 evidence; `items`, `contact` or both. Re-recording an item replaces it.")
    record Checks(@Valid @Size(max = 5) List<@NotNull @Valid ItemCheck> items, @Valid Contact contact) {
        Evidence evidence() {
            return new Evidence(items == null ? null : items.stream().map(i -> new Evidence.ItemCheck(i.item(), i.matches(), i.note())).toList(),
                    contact == null ? null : new Evidence.Contact(contact.contactPerson(), contact.channel(), contact.contactedAt().toInstant(),
                            contact.outcome(), contact.note()));
        }
    }

    @Schema(name = "Collect", description = "The passphrase that protects the PKCS#12; never stored or logged")
    record Collect(@NotBlank @Size(max = 1024) String passphrase) {
        @Override
        public String toString() {
            return "Collect[passphrase=***]";
        }
    }
}

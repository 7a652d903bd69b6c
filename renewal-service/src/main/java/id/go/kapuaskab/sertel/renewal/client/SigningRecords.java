package id.go.kapuaskab.sertel.renewal.client;

import java.util.UUID;

/** The bodies exchanged with signing-service's key custody (docs/ARCHITECTURE.md, "signing-service"). */
public final class SigningRecords {

    private SigningRecords() {
    }

    /** {@code POST /internal/signing-keys}: the request id is the idempotency key; the passphrase is never stored. */
    public record CreateKey(UUID requestId, UUID holderId, UUID institutionId, String email, String passphrase, String keyType) {
        @Override
        public String toString() {
            return "CreateKey[requestId=" + requestId + ", keyType=" + keyType + "]";
        }
    }

    /** The key created (or found again on a replay) and its CSR, signed by it and naming the holder's e-mail. */
    public record CreatedKey(UUID keyId, String csr) {
    }

    /** {@code POST /internal/signing-keys/{keyId}/certificate}. */
    public record Binding(String certificatePem, String chainPem) {
    }
}

package id.go.kapuaskab.sertel.renewal.client;

import java.time.Instant;
import java.util.UUID;

/** The bodies exchanged with certificate-service (docs/ARCHITECTURE.md, "certificate-service"), minimal and ours. */
public final class CaRecords {

    private CaRecords() {
    }

    /** The approved subject; the certificate's subject comes from here, never from the CSR. */
    public record Subject(String commonName, String email, String nik, UUID institutionId, String organization,
                          String organizationalUnit) {
        @Override
        public String toString() {
            return "Subject[commonName=" + commonName + "]";
        }
    }

    /** A key the CA generates; the passphrase protects the PKCS#12 and is never stored. */
    public record KeyGeneration(String passphrase, String keyType) {
        @Override
        public String toString() {
            return "KeyGeneration[keyType=" + keyType + "]";
        }
    }

    /** {@code POST /internal/certificates}; the request id is the idempotency key. */
    public record Issue(UUID requestId, UUID holderId, String profile, Subject subject, String csr,
                        KeyGeneration keyGeneration, String predecessorSerial) {
    }

    /** The CA's answer to an issue call; {@code pkcs12} (base64) only on the first answer of a generated key. */
    public record Issued(String serial, String status, Instant notBefore, Instant notAfter, String certificatePem,
                         String chainPem, String pkcs12) {
        @Override
        public String toString() {
            return "Issued[serial=" + serial + "]";
        }
    }

    /** A certificate as the CA shows it to other services. */
    public record Certificate(String serial, String status, UUID holderId, UUID institutionId, Instant notBefore,
                              Instant notAfter, String predecessorSerial, String successorSerial) {
    }

    record CsrCheck(String csr, String profile, String email) {
    }

    /** {@code POST /internal/certificates/{serial}/revocation}. */
    public record Revocation(UUID requestId, String reason, Instant invalidityDate) {
    }
}

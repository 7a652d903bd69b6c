package id.go.kapuaskab.sertel.certificate.domain;

import java.util.UUID;

/**
 * One approved request to issue: either a CSR or a key-generation request, never both.
 *
 * @param keyGeneration null when the applicant sent a CSR
 */
public record IssueCommand(UUID requestId, UUID holderId, String profile, SubjectSnapshot subject, String csr,
                           KeyGeneration keyGeneration, String predecessorSerial) {

    /** A server-side key: its type and the passphrase that protects the PKCS#12 we return once. */
    public record KeyGeneration(String passphrase, KeyType keyType) {
        @Override
        public String toString() {
            return "KeyGeneration[keyType=" + keyType + "]";
        }
    }
}

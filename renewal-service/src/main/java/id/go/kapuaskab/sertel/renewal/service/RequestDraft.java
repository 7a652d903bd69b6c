package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.KeyCustody;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.domain.RevocationReason;
import id.go.kapuaskab.sertel.support.problem.DomainException;

/**
 * What an applicant fills in for a request: for ISSUANCE and RENEWAL exactly one key source (a CSR, or a key
 * sertel generates, delivered as a PKCS#12 or kept for document signing), for RENEWAL optionally which certificate;
 * for REVOCATION the certificate and an RFC 5280 reason.
 */
public record RequestDraft(String csr, boolean keyGeneration, String keyType, KeyCustody custody, String certificateSerial,
                           RevocationReason reason) {

    @Override
    public String toString() {
        return "RequestDraft[keyGeneration=" + keyGeneration + ", custody=" + custody + ", certificateSerial=" + certificateSerial + "]";
    }

    void validateFor(RequestType type) {
        boolean hasCsr = csr != null && !csr.isBlank();
        if (type == RequestType.REVOCATION) {
            if (hasCsr || keyGeneration) {
                throw DomainException.invalid("request.key-source-not-allowed");
            }
            if (certificateSerial == null || certificateSerial.isBlank()) {
                throw DomainException.invalidField("certificateSerial", "required", "certificateSerial");
            }
            if (reason == null) {
                throw DomainException.invalidField("reason", "required", "reason");
            }
            return;
        }
        if (hasCsr == keyGeneration) {
            throw DomainException.invalid("request.key-source");
        }
        if (custody == KeyCustody.KEPT && keyType != null && !keyType.startsWith("EC_")) {
            throw DomainException.invalidField("keyGeneration.keyType", "not-allowed", "keyGeneration.keyType");  // signing keys are EC
        }
        if (reason != null) {
            throw DomainException.invalidField("reason", "not-allowed", "reason");
        }
        if (type == RequestType.ISSUANCE && certificateSerial != null) {
            throw DomainException.invalidField("certificateSerial", "not-allowed", "certificateSerial");
        }
    }
}

package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.EmploymentType;
import java.util.UUID;

/**
 * One person as a staffing system (SIMPEG) sends them. The NIP is the key. A new person needs everything registration
 * needs; for a known person only the fields the staffing system is the authority on are compared (name, e-mail,
 * position, employment type, institution, work unit; absent ones are left alone) and the NIK, when sent, must be the one
 * on record. The phone number and language are the person's own and only used when registering. {@code eventId} is the
 * staffing system's id of the change: the key of idempotency ({@link SyncEvents}).
 */
public record StaffRecord(String eventId, String nip, String nik, String fullName, String email, String phone, String position,
                          EmploymentType employmentType, UUID institutionId, UUID workUnitId, String language, String reason,
                          Leaving leaving) {

    /** The person left the civil service: their certificate is to be revoked (a verifier decides). */
    public enum Leaving {
        /** Pensiun: RFC 5280 affiliationChanged. */
        RETIRED,
        /** Meninggal dunia: RFC 5280 cessationOfOperation. */
        DECEASED
    }

    @Override
    public String toString() {
        return "StaffRecord[eventId=" + eventId + ", institutionId=" + institutionId + "]";             // never the numbers
    }
}

package id.go.kapuaskab.sertel.applicant.domain;

/** Where an account stands: only ACTIVE accounts may log in. */
public enum AccountStatus {
    /** Registered; the owner has not yet confirmed the e-mail address. */
    PENDING_EMAIL,
    /** E-mail confirmed; a verifier has not yet activated the applicant. */
    PENDING_ACTIVATION,
    ACTIVE,
    /** Deactivated by an admin (the person left, say): no login, no session, no token; an admin can reactivate. */
    DISABLED
}

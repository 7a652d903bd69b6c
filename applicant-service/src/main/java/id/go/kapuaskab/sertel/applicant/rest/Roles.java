package id.go.kapuaskab.sertel.applicant.rest;

/** Role names of tokens, for {@code @RolesAllowed}. */
final class Roles {
    static final String APPLICANT = "APPLICANT";
    static final String VERIFIER = "VERIFIER";
    static final String ADMIN = "ADMIN";
    /** An officer who reads the audit trail; like every person, enrols a second factor and changes their password. */
    static final String AUDITOR = "AUDITOR";
    static final String RENEWAL_SERVICE = "RENEWAL_SERVICE";
    static final String NOTIFICATION_SERVICE = "NOTIFICATION_SERVICE";
    /** A registered regional system; what it may do is in its scopes. */
    static final String INTEGRATION = "INTEGRATION";

    private Roles() {
    }
}
